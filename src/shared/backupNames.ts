import { BACKUP_REASONS, type BackupReason } from './backup'

// A backup's file name says when (UTC, to the second) and why it was made:
//   site-atlas-20261202-031500-scheduled.db, site-atlas-20261202-031500-2-manual.db (a second one that second)
// The name is the only record of both: the folders hold nothing else, so a backup copied to a USB
// stick and back is still listed, dated and rotated correctly.

const NAME = /^site-atlas-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,6}))?-([a-z-]+)\.db$/

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** 'YYYYMMDD-HHMMSS' of an instant, in UTC: a backup's stamp (and a damaged file's kept aside). */
export function fileStamp(at: Date): string {
  const day = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`
  const time = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`
  return `${day}-${time}`
}

/** The name of a backup made at `at` for `reason`; `n` > 1 tells apart several made in one second. */
export function backupFileName(at: Date, reason: BackupReason, n = 1): string {
  return `site-atlas-${fileStamp(at)}${n > 1 ? `-${n}` : ''}-${reason}.db`
}

export interface ParsedBackupName {
  reason: BackupReason
  /** ISO instant, to the second. */
  createdAt: string
  /** 1, or the number telling apart several backups made in the same second. */
  n: number
}

/** What a name says, or null for any file that is not a backup of ours (left alone by rotation). */
export function parseBackupName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name)
  if (!m) return null
  const reason = m[8] as BackupReason
  if (!BACKUP_REASONS.includes(reason)) return null
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  // 20261340-… is not a date: Date.UTC would roll it over into another.
  if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day || at.getUTCHours() !== hour || at.getUTCMinutes() !== minute || at.getUTCSeconds() !== second) return null
  const n = m[7] === undefined ? 1 : Number(m[7])
  if (m[7] !== undefined && n < 2) return null
  return { reason, createdAt: at.toISOString(), n }
}

/** Newest first: by the instant in the name, then by its number (a later one in the same second). */
export function newestFirst<T extends { createdAt: string; n: number }>(a: T, b: T): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
  return b.n - a.n
}
