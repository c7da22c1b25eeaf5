import { describe, expect, it } from 'vitest'
import { formatAxisNumber, formatAxisRate } from '../../src/renderer/src/lib/format'

describe('chart axis ticks', () => {
  it('shortens large numbers the Chinese way, without a unit', () => {
    expect(formatAxisNumber(0)).toBe('0')
    expect(formatAxisNumber(8500)).toBe('8,500')
    expect(formatAxisNumber(50_000)).toBe('5万')
    expect(formatAxisNumber(125_000)).toBe('12.5万')
    expect(formatAxisNumber(120_000_000)).toBe('1.2亿')
    expect(formatAxisNumber(-30_000)).toBe('-3万')
  })

  it('shortens in English by thousands', () => {
    expect(formatAxisNumber(850, 'en')).toBe('850')
    expect(formatAxisNumber(52_000, 'en')).toBe('52k')
    expect(formatAxisNumber(1_200_000, 'en')).toBe('1.2M')
    expect(formatAxisNumber(3_000_000_000, 'en')).toBe('3B')
  })

  it('writes rates as percentages, with a decimal only when needed', () => {
    expect(formatAxisRate(0.25)).toBe('25%')
    expect(formatAxisRate(0.125)).toBe('12.5%')
    expect(formatAxisRate(1)).toBe('100%')
  })
})
