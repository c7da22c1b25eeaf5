import fs from 'node:fs'
import path from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import type { BackupEntry, BackupFolder, BackupKeep, BackupReason } from '../../shared/backup'
import { backupFileName, newestFirst, type ParsedBackupName, parseBackupName } from '../../shared/backupNames'
import { backupsToRemove } from '../../shared/backupRotation'
import { backupTo } from './backupCopy'

// A folder of backups: what it holds (named by shared/backupNames.ts), a new backup into it under a
// name of its own, a finished backup copied into another (the mirror), and rotation. A file whose
// name is not one of ours is never listed, never removed.

/** The local backups folder of a data folder (and of a store file: its folder's). */
export const backupsDirOf = (dataDir: string): string => path.join(dataDir, 'backups')

export interface BackupFile extends ParsedBackupName {
  id: string
  bytes: number
}

/** The backups in `dir`, newest first; an absent folder holds none. */
export function listBackupFiles(dir: string): BackupFile[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const files: BackupFile[] = []
  for (const id of names) {
    const parsed = parseBackupName(id)
    if (!parsed) continue
    const stat = fs.statSync(path.join(dir, id), { throwIfNoEntry: false })
    if (stat?.isFile()) files.push({ id, bytes: stat.size, ...parsed })
  }
  return files.sort(newestFirst)
}

/** A file of a folder as the contract lists it. */
export const backupEntry = (folder: BackupFolder, file: BackupFile): BackupEntry => ({
  id: file.id,
  folder,
  reason: file.reason,
  createdAt: file.createdAt,
  bytes: file.bytes,
  assetPath: `backups/${folder}/${file.id}`,
})

/** A name for a backup made now that no file in `dir` has (nor one being written). */
function freeName(dir: string, at: Date, reason: BackupReason): string {
  for (let n = 1; ; n++) {
    const id = backupFileName(at, reason, n)
    if (!fs.existsSync(path.join(dir, id)) && !fs.existsSync(path.join(dir, `${id}.part`))) return id
  }
}

/** Backs the store behind `sqlite` up into `dir` (made if absent); answers the new file. */
export async function backupInto(sqlite: BetterSqlite3.Database, dir: string, reason: BackupReason, at = new Date()): Promise<BackupFile & { path: string }> {
  fs.mkdirSync(dir, { recursive: true })
  const id = freeName(dir, at, reason)
  const file = path.join(dir, id)
  await backupTo(sqlite, file)
  return { id, path: file, bytes: fs.statSync(file).size, ...parseBackupName(id)! }
}

/**
 * Copies a finished backup into `dir` under the same name (a USB stick: written beside, flushed,
 * then renamed, so a stick pulled out mid-copy never holds a half file under a backup's name).
 */
export async function copyBackupInto(source: string, dir: string): Promise<void> {
  const target = path.join(dir, path.basename(source))
  if (fs.existsSync(target)) return
  const part = `${target}.part`
  try {
    await fs.promises.copyFile(source, part)
    const handle = await fs.promises.open(part, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.promises.rename(part, target)
  } catch (error) {
    await fs.promises.rm(part, { force: true }).catch(() => undefined)
    throw error
  }
}

export interface RotateOptions {
  offsetMinutes?: number
  /** Rotate only the backups made before a migration, an import or a restore (the scheduled ones' limits are not known). */
  onlyEvents?: boolean
}

/** A half-written backup or copy this old was left by a crash or a pulled stick, not one being written. */
const STALE_PART_MS = 6 * 3600_000

/** Removes what rotation (shared/backupRotation.ts) does not keep; answers the removed names. */
export function rotateFolder(dir: string, keep: BackupKeep, options: RotateOptions = {}): string[] {
  const removed: string[] = []
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!name.endsWith('.part') || !parseBackupName(name.slice(0, -'.part'.length))) continue
    const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false })
    if (stat && Date.now() - stat.mtimeMs > STALE_PART_MS) fs.rmSync(path.join(dir, name), { force: true })
  }
  for (const file of backupsToRemove(listBackupFiles(dir), keep, { offsetMinutes: options.offsetMinutes })) {
    if (options.onlyEvents && !file.reason.startsWith('before-')) continue
    fs.rmSync(path.join(dir, file.id), { force: true })
    removed.push(file.id)
  }
  return removed
}
