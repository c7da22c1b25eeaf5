import { describe, expect, it } from 'vitest'
import {
  ageAmount, checkOf, checkParts, checkStaleDaysText, daysBetween, DEFAULT_STALE_DAYS, freshnessWords, isStale, localDay,
  oldestCheck, readStaleDays, staleCutoff,
} from '../../src/shared/freshness'

// Days counted by hand between calendar dates (2026 is not a leap year; 2028 is).
describe('freshness rules', () => {
  it('a check is the verified day, or the local day of entry when never verified', () => {
    expect(checkOf('2026-03-02', '2025-01-01T00:00:00.000Z')).toBe('2026-03-02V')
    const entered = new Date(2026, 0, 15, 23, 30) // local time, late in the day
    expect(checkOf(null, entered.toISOString())).toBe('2026-01-15E')
    expect(localDay(entered)).toBe('2026-01-15')
    expect(checkParts('2026-01-15E')).toEqual({ on: '2026-01-15', verified: false })
  })

  it('the oldest of several parts wins; on the same day the part never verified', () => {
    expect(oldestCheck('2026-05-01V', null, '2026-04-30V', undefined)).toBe('2026-04-30V')
    expect(oldestCheck('2026-04-30V', '2026-04-30E')).toBe('2026-04-30E')
    expect(oldestCheck(null, undefined)).toBeNull()
  })

  it('counts whole calendar days across months, years and a leap day', () => {
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0)
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29)
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
  })

  it('is stale only after more than the threshold: 90 days is fresh, 91 stale', () => {
    // 2026-06-01 minus 90 days is 2026-03-03 (March 31 + April 30 + May 31 = 92 days back to 2026-03-01).
    expect(isStale('2026-03-03V', '2026-06-01', 90)).toBe(false)
    expect(isStale('2026-03-02V', '2026-06-01', 90)).toBe(true)
    expect(isStale('2026-03-02E', '2026-06-01', 90)).toBe(true)
    expect(isStale(null, '2026-06-01', 90)).toBe(false)
    expect(staleCutoff('2026-06-01', 90)).toBe('2026-03-03')
  })

  it('the cutoff day agrees with isStale for every day of a year and several thresholds', () => {
    for (const days of [1, 30, 90, 365]) {
      const cutoff = staleCutoff('2026-06-01', days)
      for (let back = 0; back < 400; back++) {
        const day = new Date(Date.UTC(2026, 5, 1 - back)).toISOString().slice(0, 10)
        for (const mark of ['V', 'E']) {
          const check = `${day}${mark}`
          expect(check < cutoff).toBe(isStale(check, '2026-06-01', days))
        }
      }
    }
  })

  it('says the age in days, then months, then years', () => {
    expect(ageAmount(0)).toEqual({ unit: 'today', count: 0 })
    expect(ageAmount(12)).toEqual({ unit: 'days', count: 12 })
    expect(ageAmount(59)).toEqual({ unit: 'days', count: 59 })
    expect(ageAmount(122)).toEqual({ unit: 'months', count: 4 })
    expect(ageAmount(150)).toEqual({ unit: 'months', count: 5 })
    expect(ageAmount(800)).toEqual({ unit: 'years', count: 2 })
  })

  it('gives the words people read', () => {
    expect(freshnessWords('2026-05-20V', '2026-06-01', 90)).toBe('12 天前核实')
    expect(freshnessWords('2026-06-01V', '2026-06-01', 90)).toBe('今天核实')
    expect(freshnessWords('2026-01-30V', '2026-06-01', 90)).toBe('已 4 个月未核实')
    expect(freshnessWords('2026-01-30V', '2026-06-01', 200)).toBe('4 个月前核实')
    expect(freshnessWords('2026-03-02E', '2026-06-01', 90)).toBe('未核实，录入于 2026-03-02')
    expect(freshnessWords('2026-05-31V', '2026-06-01', 90, 'en')).toBe('Verified 1 day ago')
    expect(freshnessWords('2024-01-30V', '2026-06-01', 90, 'en')).toBe('Not verified for 2 years')
  })

  it('reads the threshold setting, refusing what is not a whole number of days from 1 to 3650', () => {
    expect(readStaleDays(undefined)).toBe(DEFAULT_STALE_DAYS)
    expect(readStaleDays('30')).toBe(30)
    expect(readStaleDays('abc')).toBe(DEFAULT_STALE_DAYS)
    expect(checkStaleDaysText(' 45 ')).toBeNull()
    for (const bad of ['', '0', '-3', '2.5', '9999', '九十']) expect(checkStaleDaysText(bad)).toMatch(/^复核周期：/)
  })
})
