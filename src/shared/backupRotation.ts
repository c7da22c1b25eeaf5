import { type BackupKeep, type BackupReason, EVENT_BACKUPS_KEPT } from './backup'
import { newestFirst } from './backupNames'

// Which backups a folder keeps (grandfather-father-son, as restic's --keep-daily/-weekly/-monthly):
// - scheduled: the newest of each of the `daily` most recent days that have one, of each of the
//   `weekly` most recent ISO weeks, of each of the `monthly` most recent months (one backup may
//   count for all three). Periods are counted among those that have a backup, not back from today:
//   a laptop left in a drawer for a month still has its last week of dailies when it wakes.
// - manual: never removed (the person made it and removes it).
// - before-migration / -import / -restore: the newest EVENT_BACKUPS_KEPT of them together.
// Days, weeks and months are the person's local ones (offsetMinutes east of UTC, 480 in China).

export interface Rotatable {
  id: string
  reason: BackupReason
  /** ISO instant. */
  createdAt: string
  /** Tells apart backups made in the same second (parseBackupName's n). */
  n: number
}

export interface RotationOptions {
  /** Minutes the person's clock is ahead of UTC (-new Date().getTimezoneOffset()). */
  offsetMinutes?: number
  eventKept?: number
}

const EVENT_REASONS: ReadonlySet<BackupReason> = new Set(['before-migration', 'before-import', 'before-restore'])

/** The ISO week a local day belongs to, as 'YYYY-Www' (its year is the ISO week-year). */
function isoWeek(local: Date): string {
  const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday) // the Thursday of its week decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

type PeriodOf = (local: Date) => string
const PERIODS: Array<[keyof BackupKeep, PeriodOf]> = [
  ['daily', (d) => d.toISOString().slice(0, 10)],
  ['weekly', isoWeek],
  ['monthly', (d) => d.toISOString().slice(0, 7)],
]

/** The ids a folder keeps among `items` (any order); every other item of a known reason may go. */
export function backupsKept(items: readonly Rotatable[], keep: BackupKeep, options: RotationOptions = {}): Set<string> {
  const offsetMs = (options.offsetMinutes ?? 0) * 60_000
  const sorted = [...items].sort(newestFirst)
  const kept = new Set<string>()
  const scheduled = sorted.filter((item) => item.reason === 'scheduled')
  for (const [policy, periodOf] of PERIODS) {
    const seen = new Set<string>()
    for (const item of scheduled) {
      const period = periodOf(new Date(Date.parse(item.createdAt) + offsetMs))
      if (seen.has(period)) continue // an older one of a period already kept
      if (seen.size >= keep[policy]) break
      seen.add(period)
      kept.add(item.id)
    }
  }
  for (const item of sorted) if (item.reason === 'manual') kept.add(item.id)
  for (const item of sorted.filter((i) => EVENT_REASONS.has(i.reason)).slice(0, options.eventKept ?? EVENT_BACKUPS_KEPT)) kept.add(item.id)
  return kept
}

/** The items rotation removes, oldest last. */
export function backupsToRemove<T extends Rotatable>(items: readonly T[], keep: BackupKeep, options: RotationOptions = {}): T[] {
  const kept = backupsKept(items, keep, options)
  return [...items].sort(newestFirst).filter((item) => !kept.has(item.id))
}
