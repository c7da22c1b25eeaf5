import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BACKUP_REASONS, type BackupKeep, type BackupReason, EVENT_BACKUPS_KEPT } from '../../src/shared/backup'
import { backupFileName, newestFirst, parseBackupName } from '../../src/shared/backupNames'
import { backupsKept, backupsToRemove, type Rotatable } from '../../src/shared/backupRotation'

const CHINA = 480
const KEEP: BackupKeep = { daily: 7, weekly: 4, monthly: 12 }

/** A backup as a folder would list it: its name made and read back, as the services do. */
function item(at: Date | string, reason: BackupReason, n = 1): Rotatable {
  const id = backupFileName(new Date(at), reason, n)
  const parsed = parseBackupName(id)!
  return { id, ...parsed }
}

const keptIds = (items: Rotatable[], keep = KEEP, offsetMinutes = CHINA) => [...backupsKept(items, keep, { offsetMinutes })].sort()

describe('backup names', () => {
  it('say when (UTC, to the second) and why, and read back', () => {
    const at = new Date('2026-12-02T03:15:00.789Z')
    expect(backupFileName(at, 'scheduled')).toBe('site-atlas-20261202-031500-scheduled.db')
    expect(backupFileName(at, 'before-migration', 3)).toBe('site-atlas-20261202-031500-3-before-migration.db')
    expect(parseBackupName('site-atlas-20261202-031500-3-before-migration.db')).toEqual({ reason: 'before-migration', createdAt: '2026-12-02T03:15:00.000Z', n: 3 })
  })

  it('refuse anything that is not one of ours', () => {
    for (const name of ['site-atlas-20261302-031500-manual.db', 'site-atlas-20261202-031500-weekly.db', 'atlas.db', 'site-atlas-20261202-031500-manual.db.part',
      'site-atlas-20261202-031500-1-manual.db', 'site-atlas-20260230-000000-manual.db', '../site-atlas-20261202-031500-manual.db']) {
      expect(parseBackupName(name), name).toBeNull()
    }
  })

  it('round-trip for any instant and reason', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), fc.constantFrom(...BACKUP_REASONS), fc.integer({ min: 1, max: 999 }), (at, reason, n) => {
      const parsed = parseBackupName(backupFileName(at, reason, n))
      expect(parsed).toEqual({ reason, createdAt: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString(), n })
    }))
  })
})

describe('rotation, worked examples', () => {
  it('a quarter of daily backups keeps the last 7 days, 4 weeks and 3 months', () => {
    const items: Rotatable[] = []
    // Every day at 03:00 in Shenyang (19:00 UTC the day before), 2026-01-01 to 2026-03-31.
    for (let day = new Date('2026-01-01T00:00:00Z'); day <= new Date('2026-03-31T00:00:00Z'); day = new Date(day.getTime() + 86_400_000)) {
      items.push(item(new Date(day.getTime() + 3 * 3600_000 - CHINA * 60_000), 'scheduled'))
    }
    const localDays = (ids: string[]) => ids.map((id) => new Date(Date.parse(parseBackupName(id)!.createdAt) + CHINA * 60_000).toISOString().slice(0, 10))
    // Dailies 25–31 March; weeks (Monday first) 30 Mar–5 Apr → 31st, 23–29 → 29th, 16–22 → 22nd, 9–15 → 15th;
    // months: 31 March, 28 February, 31 January.
    expect(localDays(keptIds(items))).toEqual(['2026-01-31', '2026-02-28', '2026-03-15', '2026-03-22', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31'])
  })

  it('days are the person\'s local days: 23:00 and 01:00 in Shenyang are two days, one UTC day', () => {
    const late = item('2026-03-31T15:00:00Z', 'scheduled') // 23:00 local, 31 March
    const early = item('2026-03-31T17:00:00Z', 'scheduled') // 01:00 local, 1 April
    const keep = { daily: 2, weekly: 0, monthly: 0 }
    expect(keptIds([late, early], keep, CHINA)).toEqual([late.id, early.id].sort())
    expect(keptIds([late, early], keep, 0)).toEqual([early.id])
  })

  it('periods are counted among those with a backup: a month away keeps the last week of dailies', () => {
    const before = [1, 2, 3, 4, 5, 6, 7, 8].map((d) => item(`2026-05-0${d}T02:00:00Z`, 'scheduled'))
    const after = item('2026-06-20T02:00:00Z', 'scheduled')
    const kept = keptIds([...before, after], { daily: 7, weekly: 0, monthly: 0 })
    expect(kept).toEqual([after, ...before.slice(2)].map((i) => i.id).sort())
  })

  it('keeps every manual backup and the newest event backups together', () => {
    const manual = Array.from({ length: 30 }, (_, i) => item(new Date(Date.UTC(2026, 0, 1 + i)), 'manual'))
    const events = Array.from({ length: 14 }, (_, i) => item(new Date(Date.UTC(2026, 1, 1 + i)), i % 3 === 0 ? 'before-migration' : i % 3 === 1 ? 'before-import' : 'before-restore'))
    const removed = backupsToRemove([...manual, ...events], KEEP)
    expect(removed.map((r) => r.id)).toEqual(events.slice(0, 14 - EVENT_BACKUPS_KEPT).reverse().map((e) => e.id))
  })

  it('several made in one second are told apart by their number, the later one newest', () => {
    const first = item('2026-03-01T02:00:00Z', 'scheduled')
    const second = item('2026-03-01T02:00:00Z', 'scheduled', 2)
    expect(keptIds([first, second], { daily: 1, weekly: 1, monthly: 1 })).toEqual([second.id])
  })
})

const arbitraryItems = fc
  .array(
    fc.record({
      at: fc.integer({ min: Date.UTC(2024, 0, 1) / 1000, max: Date.UTC(2027, 11, 31) / 1000 }),
      reason: fc.constantFrom<BackupReason>('scheduled', 'scheduled', 'scheduled', 'manual', 'before-migration', 'before-import', 'before-restore'),
    }),
    { maxLength: 120 },
  )
  .map((raw) => {
    // Unique names, as a folder has: a second one in the same second and reason gets the next number.
    const counts = new Map<string, number>()
    return raw.map(({ at, reason }) => {
      const key = `${at}-${reason}`
      const n = (counts.get(key) ?? 0) + 1
      counts.set(key, n)
      return item(new Date(at * 1000), reason, n)
    })
  })
const arbitraryKeep = fc.record({ daily: fc.integer({ min: 1, max: 60 }), weekly: fc.integer({ min: 0, max: 52 }), monthly: fc.integer({ min: 0, max: 120 }) })
const arbitraryOffset = fc.integer({ min: -720, max: 840 })

describe('rotation, properties', () => {
  it('always keeps the newest backup, and the newest scheduled one', () => {
    fc.assert(fc.property(arbitraryItems, arbitraryKeep, arbitraryOffset, (items, keep, offsetMinutes) => {
      const kept = backupsKept(items, keep, { offsetMinutes })
      const sorted = [...items].sort(newestFirst)
      if (sorted[0]) expect(kept.has(sorted[0].id)).toBe(true)
      const scheduled = sorted.find((i) => i.reason === 'scheduled')
      if (scheduled) expect(kept.has(scheduled.id)).toBe(true)
    }))
  })

  it('never keeps more than the limits, and removes no manual backup', () => {
    fc.assert(fc.property(arbitraryItems, arbitraryKeep, arbitraryOffset, (items, keep, offsetMinutes) => {
      const kept = items.filter((i) => backupsKept(items, keep, { offsetMinutes }).has(i.id))
      expect(kept.filter((i) => i.reason === 'scheduled').length).toBeLessThanOrEqual(keep.daily + keep.weekly + keep.monthly)
      expect(kept.filter((i) => i.reason.startsWith('before-')).length).toBeLessThanOrEqual(EVENT_BACKUPS_KEPT)
      expect(kept.filter((i) => i.reason === 'manual').length).toBe(items.filter((i) => i.reason === 'manual').length)
      const removed = backupsToRemove(items, keep, { offsetMinutes })
      expect(removed.length + kept.length).toBe(items.length)
    }))
  })

  it('keeps at most one scheduled backup per local day', () => {
    fc.assert(fc.property(arbitraryItems, arbitraryKeep, arbitraryOffset, (items, keep, offsetMinutes) => {
      const kept = items.filter((i) => i.reason === 'scheduled' && backupsKept(items, keep, { offsetMinutes }).has(i.id))
      const days = kept.map((i) => new Date(Date.parse(i.createdAt) + offsetMinutes * 60_000).toISOString().slice(0, 10))
      expect(new Set(days).size).toBe(days.length)
    }))
  })

  it('is idempotent: rotating what a rotation kept removes nothing more', () => {
    fc.assert(fc.property(arbitraryItems, arbitraryKeep, arbitraryOffset, (items, keep, offsetMinutes) => {
      const kept = items.filter((i) => backupsKept(items, keep, { offsetMinutes }).has(i.id))
      expect(backupsToRemove(kept, keep, { offsetMinutes })).toEqual([])
    }))
  })

  it('does not depend on the order the folder lists its files in', () => {
    fc.assert(fc.property(arbitraryItems.chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }))), arbitraryKeep, ([items, shuffled], keep) => {
      expect([...backupsKept(shuffled, keep)].sort()).toEqual([...backupsKept(items, keep)].sort())
    }))
  })
})
