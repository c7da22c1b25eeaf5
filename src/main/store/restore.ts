import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { type BackupEntry, DEFAULT_BACKUP_KEEP, type RestoreResult, type StoreFileCheck } from '../../shared/backup'
import { fileStamp } from '../../shared/backupNames'
import { DomainError } from '../../shared/result'
import { backupTo, type InspectOptions, inspectStoreFile } from './backupFile'
import { backupEntry, backupInto, rotateFolder } from './backupFolder'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { openStore } from './open'

// Replacing the store file with a backup (or any older Site Atlas file), with the store closed:
// nobody else may hold it (the runtime stops its workers first; the CLI is one process).
//
// The order makes every moment safe to crash in: the new file is made whole and checked beside the
// store (<file>.restoring) while the store is untouched; the current state is backed up (or, when
// it is damaged, linked aside as it is); and one rename puts the new file in place. Before that
// rename the store is the old one, after it the new one. The old -wal/-shm go before the rename
// (a WAL left beside the new file would be replayed into it): a sound store is checkpointed first,
// so its WAL holds nothing; a damaged store's are linked aside with it, never lost.

/** The largest file a restore or preview reads (a file someone hands us has limits). */
export const RESTORE_MAX_BYTES = 4 * 1024 ** 3

/** Points between the steps where a test's fault hook may throw, as a crash there would stop it. */
export const RESTORE_STEPS = ['judged', 'copied', 'migrated', 'checked', 'safety', 'aside', 'cleared', 'swapped'] as const
export type RestoreStep = (typeof RESTORE_STEPS)[number]

export interface RestoreOptions {
  /** The store file to replace (it may be missing: restoring into a new place). */
  storeFile: string
  /** The file to restore from; read only, never changed. */
  candidate: string
  /** Where the backup of the current state goes (created when missing). */
  backupsDir: string
  /** Default RESTORE_MAX_BYTES. */
  maxBytes?: number
  /** Tests only: called after each step; a throw there stops the restore as a crash would. */
  fault?: (step: RestoreStep) => void
  now?: () => Date
}

/** The files of one SQLite database in WAL mode. */
const SIDECARS = ['-wal', '-shm'] as const

/**
 * Restores `candidate` over `storeFile`. A candidate that is damaged, not ours, from a newer
 * version or too large is refused (DomainError with its sentence) and nothing is changed; a current
 * file that is not a Site Atlas store (another program's, a newer version's) is refused too.
 */
export async function restoreStore(options: RestoreOptions): Promise<RestoreResult> {
  const { storeFile, candidate, backupsDir } = options
  const fault = options.fault ?? (() => undefined)
  const now = options.now ?? (() => new Date())
  const restoring = `${storeFile}.restoring`
  if (path.resolve(candidate) === path.resolve(storeFile)) throw refusal('备份文件', '就是当前的数据文件本身，无需恢复')
  removeLeftovers(restoring) // of a restore that crashed before its rename

  const judged = await inspectClosedFile(candidate, { maxBytes: options.maxBytes ?? RESTORE_MAX_BYTES })
  if (!judged.ok) throw refusal('备份文件', judged.message)
  const current = await judgeCurrent(storeFile)
  fault('judged')

  let swapped = false
  try {
    // A consistent copy from a read-only connection: it includes what the candidate's own WAL holds.
    const source = new BetterSqlite3(candidate, { readonly: true, fileMustExist: true })
    try {
      await backupTo(source, restoring)
    } finally {
      source.close()
    }
    fault('copied')
    // Judged again as copied: the candidate may have changed since (a file someone else can write).
    let restored = await judgeCopy(restoring)
    if (restored.summary.schemaVersion < LATEST_SCHEMA_VERSION) {
      // No backup before this migration: the candidate is a copy, its source the backup.
      const store = await openStore(restoring, { skipMigrationBackup: true })
      // Back to one file (no -wal/-shm to carry along or leave behind); the workers open it in WAL mode again.
      store.sqlite.pragma('journal_mode = DELETE')
      await store.close()
      fault('migrated')
      restored = await judgeCopy(restoring)
    }
    syncFile(restoring)
    fault('checked')

    let safetyBackup: BackupEntry | null = null
    let damagedCopy: string | null = null
    if (current === 'ok') {
      safetyBackup = await backUpCurrent(storeFile, backupsDir, now())
      fault('safety')
      checkpoint(storeFile)
    } else if (current === 'damaged') {
      damagedCopy = keepAside(storeFile, now())
      fault('aside')
    }
    for (const suffix of SIDECARS) fs.rmSync(`${storeFile}${suffix}`, { force: true })
    fault('cleared')
    fs.renameSync(restoring, storeFile)
    swapped = true
    removeLeftovers(restoring)
    syncFolder(path.dirname(storeFile))
    // Rotated once the new store is in place: the candidate may itself be an event backup there.
    if (safetyBackup) rotateEvents(backupsDir)
    fault('swapped')
    return { safetyBackup, damagedCopy, restored: { ...restored.summary, bytes: fs.statSync(storeFile).size } }
  } catch (error) {
    if (!swapped) removeLeftovers(restoring)
    throw error
  }
}

/**
 * inspectStoreFile on a file no connection has open, leaving no -wal/-shm behind: reading a WAL-mode
 * file (a store the app ran on) read-only makes both, empty, beside it. Those it made are removed.
 */
export async function inspectClosedFile(file: string, options: InspectOptions = {}): Promise<StoreFileCheck> {
  const had = SIDECARS.map((suffix) => fs.existsSync(`${file}${suffix}`))
  try {
    return await inspectStoreFile(file, options)
  } finally {
    const wal = `${file}-wal`
    const madeEmptyWal = !had[0] && (fs.statSync(wal, { throwIfNoEntry: false })?.size ?? -1) === 0
    if (madeEmptyWal) fs.rmSync(wal, { force: true })
    if ((madeEmptyWal || !fs.existsSync(wal)) && !had[1]) fs.rmSync(`${file}-shm`, { force: true })
  }
}

const refusal = (field: string, why: string) => new DomainError('invalid', `${field}：${why}。当前数据文件未做任何改动`, 'source')

/** The current store: sound, damaged (kept aside untouched), or missing; anything else is not replaced. */
async function judgeCurrent(storeFile: string): Promise<'ok' | 'damaged' | 'missing'> {
  if (!fs.existsSync(storeFile)) return 'missing'
  const check = await inspectClosedFile(storeFile)
  if (check.ok) {
    // Asked before anything is made: a restore under a running app would pull the file from under it.
    closeAlone(storeFile, () => undefined)
    return 'ok'
  }
  if (check.problem === 'damaged') return 'damaged'
  throw refusal('数据文件', `${storeFile} ${check.message}，不能用恢复替换它`)
}

async function judgeCopy(file: string): Promise<Extract<StoreFileCheck, { ok: true }>> {
  const check = await inspectStoreFile(file)
  if (!check.ok) throw refusal('备份文件', check.message)
  return check
}

/** The current state as a backup (reason before-restore) in the backups folder, made from a read-only connection. */
async function backUpCurrent(storeFile: string, backupsDir: string, at: Date): Promise<BackupEntry> {
  const sqlite = new BetterSqlite3(storeFile, { readonly: true, fileMustExist: true })
  try {
    return backupEntry('local', await backupInto(sqlite, backupsDir, 'before-restore', at))
  } finally {
    sqlite.close()
  }
}

/** The newest event backups kept, as after a migration or an import; a failure is logged (the restore stands). */
function rotateEvents(backupsDir: string): void {
  try {
    rotateFolder(backupsDir, DEFAULT_BACKUP_KEEP, { onlyEvents: true })
  } catch (error) {
    console.error('[site-atlas] rotating the backups failed:', error)
  }
}

/**
 * Moves a sound store's WAL into the file, so removing the WAL loses nothing: a crash after that
 * leaves the old store whole. Closing the last connection removes the (then empty) WAL itself.
 */
function checkpoint(storeFile: string): void {
  closeAlone(storeFile, (sqlite) => {
    const [row] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
    if (row && row.busy !== 0) throw inUse(storeFile)
  })
}

const inUse = (storeFile: string) =>
  new DomainError('conflict', `数据文件：${storeFile} 正被其他程序（如正在运行的 Site Atlas）打开，不能恢复；请先关闭它再试。当前数据文件未做任何改动`, 'source')

/**
 * Runs `work` on the store as its only connection: an exclusive lock (exclusive locking mode also
 * keeps it from the WAL's shared memory) is refused while any other connection has the file open.
 */
function closeAlone(storeFile: string, work: (sqlite: BetterSqlite3.Database) => void): void {
  const sqlite = new BetterSqlite3(storeFile, { fileMustExist: true, timeout: 2000 })
  try {
    try {
      sqlite.pragma('locking_mode = EXCLUSIVE')
      sqlite.exec('BEGIN EXCLUSIVE')
      sqlite.exec('COMMIT')
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw inUse(storeFile)
      throw error
    }
    work(sqlite)
  } finally {
    sqlite.close()
  }
}

/**
 * A damaged store, as it is, under `<file>.damaged-<stamp>` (with its -wal and -shm): hard links,
 * so not a byte is read or written; a copy where the disk has no links (FAT on a USB stick).
 */
function keepAside(storeFile: string, at: Date): string {
  let aside = `${storeFile}.damaged-${fileStamp(at)}`
  for (let n = 2; fs.existsSync(aside); n++) aside = `${storeFile}.damaged-${fileStamp(at)}-${n}`
  for (const suffix of ['', ...SIDECARS]) {
    const from = `${storeFile}${suffix}`
    if (!fs.existsSync(from)) continue
    try {
      fs.linkSync(from, `${aside}${suffix}`)
    } catch {
      fs.copyFileSync(from, `${aside}${suffix}`, fs.constants.COPYFILE_EXCL)
      syncFile(`${aside}${suffix}`)
    }
  }
  syncFolder(path.dirname(storeFile))
  return aside
}

function removeLeftovers(restoring: string): void {
  for (const file of [restoring, `${restoring}.part`, ...SIDECARS.map((s) => `${restoring}${s}`)]) fs.rmSync(file, { force: true })
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** A rename is durable once its folder is synced (POSIX); Windows cannot open a folder to sync, nor needs to. */
function syncFolder(dir: string): void {
  let fd: number | null = null
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // not possible here (Windows): the rename is as durable as the system makes it
  } finally {
    if (fd !== null) fs.closeSync(fd)
  }
}
