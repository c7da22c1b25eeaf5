import fs from 'node:fs'
import path from 'node:path'
import { BACKUP_REASONS, type BackupEntry, type BackupFolder, type BackupReason } from '../../shared/backup'

// Backup file names (shared/backup.ts: site-atlas-20261202-031500-scheduled.db, UTC) and the
// entries of a folder of them. The minimum restore needs (its safety backup, the recovery
// screen's list); the backup engine (services/backup) names and rotates the scheduled ones.

const NAME = /^site-atlas-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?-([a-z-]+)\.db$/

/** 'YYYYMMDD-HHMMSS' of an instant, in UTC. */
export function fileStamp(at: Date): string {
  return at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
}

/** A name for a new backup in `dir` that no file there has yet (a second one in the same second gets -2, -3 …). */
export function freshBackupName(dir: string, reason: BackupReason, at: Date): string {
  const stamp = fileStamp(at)
  for (let n = 1; ; n++) {
    const name = `site-atlas-${stamp}${n === 1 ? '' : `-${n}`}-${reason}.db`
    if (!fs.existsSync(path.join(dir, name)) && !fs.existsSync(path.join(dir, `${name}.part`))) return name
  }
}

/** When and why a backup was made, from its name; null for a name that is not a backup's. */
export function parseBackupName(name: string): { reason: BackupReason; createdAt: string } | null {
  const match = NAME.exec(name)
  if (!match) return null
  const reason = match[8] as BackupReason
  if (!BACKUP_REASONS.includes(reason)) return null
  const [, y, mo, d, h, mi, s] = match
  const createdAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`)
  return Number.isNaN(createdAt.getTime()) ? null : { reason, createdAt: createdAt.toISOString() }
}

/** The entry of one backup file, or null when it is not one (another file, a folder, gone). */
export function backupEntry(dir: string, folder: BackupFolder, name: string): BackupEntry | null {
  const parsed = parseBackupName(name)
  if (!parsed) return null
  const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false })
  if (!stat?.isFile()) return null
  return { id: name, folder, reason: parsed.reason, createdAt: parsed.createdAt, bytes: stat.size, assetPath: `backups/${folder}/${name}` }
}

/** The backups in a folder, newest first; none when the folder is missing or unreadable (a USB stick pulled out). */
export function listBackupFolder(dir: string, folder: BackupFolder): BackupEntry[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  return names
    .map((name) => backupEntry(dir, folder, name))
    .filter((entry): entry is BackupEntry => entry !== null)
    .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)))
}
