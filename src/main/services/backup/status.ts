import fs from 'node:fs'
import path from 'node:path'
import type { BackupEntry, BackupSettings, BackupStatus, StoreState } from '../../../shared/backup'
import { newestFirst } from '../../../shared/backupNames'
import { backupEntry, backupsDirOf, listBackupFiles } from '../../store/backupFolder'
import { describeFsError, mirrorBackupsDir, readBackupSettings, writeWhole } from './settings'

// backup.status and backup.list from the two folders and this device's files in the data folder,
// the one implementation for a store that opened (a worker answers) and one that did not (recovery
// mode: the host answers, runtime/pool.ts). Files only: the browser host's process loads this and
// no SQLite (out/host/web.js imports no better-sqlite3). The store's state is the caller's.

/** Where the last failure is kept: the writer makes backups, readers (and the host in recovery) answer backup.status. */
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

/** Every backup in both folders, newest first (the local copy first of a pair); a mirror that cannot be read lists none (status says why). */
export function listBackups(dataDir: string, settings = readBackupSettings(dataDir)): BackupEntry[] {
  const local = listBackupFiles(backupsDirOf(dataDir)).map((file) => ({ file, entry: backupEntry('local', file) }))
  let mirror: typeof local = []
  const mirrorDir = mirrorBackupsDir(dataDir, settings)
  if (mirrorDir) {
    try {
      mirror = listBackupFiles(mirrorDir).map((file) => ({ file, entry: backupEntry('mirror', file) }))
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

/**
 * Where the writer notes when its schedule (schedule.ts) looks next: a backup due before that is
 * made then, not now, and readers in other processes answer backup.status.
 */
const SCHEDULE_FILE = 'backup-schedule.json'

/** Notes the schedule's next look; never throws (the schedule runs on without it). */
export function recordNextLook(dataDir: string, at: Date): void {
  try {
    writeWhole(path.join(dataDir, SCHEDULE_FILE), `${JSON.stringify({ nextLookAt: at.toISOString() })}\n`)
  } catch (error) {
    console.error('[site-atlas] could not record the backup schedule:', error)
  }
}

function readNextLook(dataDir: string): number | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, SCHEDULE_FILE), 'utf8')) as { nextLookAt?: unknown }
    const at = typeof raw.nextLookAt === 'string' ? Date.parse(raw.nextLookAt) : NaN
    return Number.isFinite(at) ? at : null
  } catch {
    return null
  }
}

/**
 * When the next scheduled backup will be made, as the person is told: when it is due, or the
 * schedule's next look when that is later (a fresh store is due at once, but the writer first looks
 * 30 s after it opens). A look noted in the past (the writer gone) is no promise: the due time stands.
 */
export function nextBackupAt(dataDir: string, settings: BackupSettings, now = new Date()): string | null {
  const due = nextDueAt(dataDir, settings, now)
  if (due === null) return null
  const look = readNextLook(dataDir)
  return look !== null && look > now.getTime() && look > Date.parse(due) ? new Date(look).toISOString() : due
}

/**
 * backup.status: `store` as the runtime found it ('ok' in a worker). With the store unavailable
 * nothing is due (no backup is made of a file that cannot be opened); the last backup is the
 * newest in either folder, the one the recovery screen offers first.
 */
export function backupStatus(dataDir: string, store: StoreState = { state: 'ok' }): BackupStatus {
  const settings = readBackupSettings(dataDir)
  return {
    store,
    settings,
    folder: backupsDirOf(dataDir),
    lastBackup: listBackups(dataDir, settings)[0] ?? null,
    nextDueAt: store.state === 'ok' ? nextBackupAt(dataDir, settings) : null,
    mirror: mirrorState(settings),
    lastError: readBackupState(dataDir).lastError,
  }
}

/** What the person reads when a method other than backup.* is called with the store unavailable: why, and what to do. */
export function unavailableMessage(state: StoreState): string {
  if (state.state === 'ok') return '数据文件正在恢复，请稍候再试'
  return `数据文件暂时无法使用：${state.message}。原文件保持原样未做改动，请从备份恢复`
}
