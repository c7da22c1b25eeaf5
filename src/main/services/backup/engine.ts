import fs from 'node:fs'
import path from 'node:path'
import type { BackupEntry, BackupReason, BackupSettings, BackupStatus } from '../../../shared/backup'
import { newestFirst } from '../../../shared/backupNames'
import { DomainError } from '../../../shared/result'
import { backupEntry, backupInto, backupsDirOf, copyBackupInto, listBackupFiles, rotateFolder } from '../../store/backupFolder'
import type { ServiceContext } from '../context'
import { describeFsError, readBackupSettings, writeWhole } from './settings'

// Making a backup (every kind: scheduled, manual, before a migration/import/restore), copying it
// to the mirror, rotating both folders, and what the status says of it all.

/** The person's clock ahead of UTC, for rotation's local days. */
const localOffsetMinutes = () => -new Date().getTimezoneOffset()

/** Where the last failure is kept: the writer makes backups, readers answer backup.status. */
const STATE_FILE = 'backup-state.json'

interface BackupState {
  lastError: string | null
}

export function readBackupState(dataDir: string): BackupState {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, STATE_FILE), 'utf8')) as { lastError?: unknown }
    return { lastError: typeof raw.lastError === 'string' ? raw.lastError : null }
  } catch {
    return { lastError: null }
  }
}

/** Remembers (or, with null, clears) the last failure; never throws (a full disk must not hide the backup's own error). */
export function recordBackupError(dataDir: string, lastError: string | null): void {
  try {
    if (lastError === null && !fs.existsSync(path.join(dataDir, STATE_FILE))) return
    writeWhole(path.join(dataDir, STATE_FILE), `${JSON.stringify({ lastError, at: new Date().toISOString() })}\n`)
  } catch (error) {
    console.error('[site-atlas] could not record the backup state:', error)
  }
}

/** Backups of one store run one at a time (a scheduled one and "back up now" may meet). */
const running = new WeakMap<object, Promise<unknown>>()
function oneAtATime<T>(key: object, work: () => Promise<T>): Promise<T> {
  const previous = running.get(key) ?? Promise.resolve()
  const next = previous.then(work, work)
  running.set(key, next.catch(() => undefined))
  return next
}

export interface MakeBackupOptions {
  /** The clock (tests simulate days). */
  now?: Date
}

/**
 * Backs the open store up into the local folder (<data>/backups) for `reason`, rotates it, and for
 * a scheduled or manual backup copies the finished file to the mirror folder (rotated the same
 * way). A mirror that cannot be written (a stick pulled out) is remembered as the last error; the
 * local backup stands. Throws when the local backup fails.
 */
export async function makeBackup(ctx: ServiceContext, reason: BackupReason, options: MakeBackupOptions = {}): Promise<BackupEntry> {
  return oneAtATime(ctx.store, async () => {
    const settings = readBackupSettings(ctx.dataDir)
    const dir = backupsDirOf(ctx.dataDir)
    const made = await backupInto(ctx.store.sqlite, dir, reason, options.now ?? new Date())
    rotateQuietly(dir, settings)
    if ((reason === 'scheduled' || reason === 'manual') && settings.mirrorDir) {
      try {
        await copyBackupInto(made.path, settings.mirrorDir)
        rotateQuietly(settings.mirrorDir, settings)
        recordBackupError(ctx.dataDir, null)
      } catch (error) {
        const message = `第二备份位置 ${settings.mirrorDir} 无法写入（${describeFsError(error)}）；本机备份 ${made.id} 已保存`
        console.error(`[site-atlas] ${message}`)
        recordBackupError(ctx.dataDir, message)
      }
    } else if (reason === 'scheduled' || reason === 'manual') {
      recordBackupError(ctx.dataDir, null)
    }
    return backupEntry('local', made)
  })
}

/**
 * A backup before a change that cannot be undone otherwise (an import, a restore): the change is
 * refused when the backup cannot be made, in words that say so.
 */
export async function backupBefore(ctx: ServiceContext, reason: Extract<BackupReason, `before-${string}`>): Promise<BackupEntry> {
  try {
    return await makeBackup(ctx, reason)
  } catch (error) {
    const what = reason === 'before-import' ? '导入' : reason === 'before-restore' ? '恢复' : '升级'
    throw new DomainError('internal', `${what}前的备份未能完成（${describeFsError(error)}），${what}未执行；请检查数据文件夹所在磁盘的空间`)
  }
}

function rotateQuietly(dir: string, settings: BackupSettings): void {
  try {
    rotateFolder(dir, settings.keep, { offsetMinutes: localOffsetMinutes() })
  } catch (error) {
    console.error(`[site-atlas] rotating the backups in ${dir} failed:`, error)
  }
}

/** The mirror folder's state now: reachable and writable, or why not. */
export function mirrorState(settings: BackupSettings): BackupStatus['mirror'] {
  if (!settings.mirrorDir) return null
  const dir = settings.mirrorDir
  try {
    if (!fs.statSync(dir).isDirectory()) return { dir, ok: false, message: `第二备份位置 ${dir} 不是文件夹` }
    fs.accessSync(dir, fs.constants.W_OK)
    return { dir, ok: true, message: null }
  } catch (error) {
    return { dir, ok: false, message: `第二备份位置 ${dir} ${describeFsError(error)}` }
  }
}

/** Every backup in both folders, newest first; a mirror that cannot be read lists none (status says why). */
export function listBackups(dataDir: string, settings = readBackupSettings(dataDir)): BackupEntry[] {
  const local = listBackupFiles(backupsDirOf(dataDir)).map((file) => ({ file, entry: backupEntry('local', file) }))
  let mirror: typeof local = []
  if (settings.mirrorDir) {
    try {
      mirror = listBackupFiles(settings.mirrorDir).map((file) => ({ file, entry: backupEntry('mirror', file) }))
    } catch {
      mirror = []
    }
  }
  return [...local, ...mirror].sort((a, b) => newestFirst(a.file, b.file) || (a.entry.folder < b.entry.folder ? -1 : 1)).map((x) => x.entry)
}

/** When the next scheduled backup is due: now when there has been none; null when they are off. */
export function nextDueAt(dataDir: string, settings: BackupSettings, now = new Date()): string | null {
  if (settings.everyHours === 0) return null
  const newest = listBackupFiles(backupsDirOf(dataDir)).find((file) => file.reason === 'scheduled')
  if (!newest) return now.toISOString()
  return new Date(Date.parse(newest.createdAt) + settings.everyHours * 3600_000).toISOString()
}

/** backup.status of a store that opened (B answers the one that did not). */
export function backupStatus(dataDir: string): BackupStatus {
  const settings = readBackupSettings(dataDir)
  const local = listBackupFiles(backupsDirOf(dataDir))
  return {
    store: { state: 'ok' },
    settings,
    folder: backupsDirOf(dataDir),
    lastBackup: local[0] ? backupEntry('local', local[0]) : null,
    nextDueAt: nextDueAt(dataDir, settings),
    mirror: mirrorState(settings),
    lastError: readBackupState(dataDir).lastError,
  }
}
