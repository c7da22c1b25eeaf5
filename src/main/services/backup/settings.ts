import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { BACKUP_INTERVALS, type BackupSettings, DEFAULT_BACKUP_EVERY_HOURS, DEFAULT_BACKUP_KEEP } from '../../../shared/backup'
import { DomainError } from '../../../shared/result'

// The backup settings are this device's (the mirror is this laptop's USB stick) and must be
// readable when the store is damaged — exactly when a backup is wanted: a small JSON file in the
// data folder, not a row in the store, written whole then renamed. The one reader of that file,
// for the workers, the command line and the host in recovery mode (files only: no SQLite here).

export const BACKUP_SETTINGS_FILE = 'backup-settings.json'

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { everyHours: DEFAULT_BACKUP_EVERY_HOURS, mirrorDir: null, keep: DEFAULT_BACKUP_KEEP }

const intIn = (value: unknown, min: number, max: number): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max

/** This device's settings; any part missing or unreadable (a hand-edited file) is the default's. */
export function readBackupSettings(dataDir: string): BackupSettings {
  const defaults = (): BackupSettings => ({ ...DEFAULT_BACKUP_SETTINGS, keep: { ...DEFAULT_BACKUP_KEEP } })
  let raw: Record<string, unknown>
  try {
    raw = JSON.parse(fs.readFileSync(path.join(dataDir, BACKUP_SETTINGS_FILE), 'utf8')) as Record<string, unknown>
    if (typeof raw !== 'object' || raw === null) return defaults()
  } catch {
    return defaults()
  }
  const keep = (typeof raw.keep === 'object' && raw.keep !== null ? raw.keep : {}) as Record<string, unknown>
  return {
    everyHours: (BACKUP_INTERVALS as readonly unknown[]).includes(raw.everyHours) ? (raw.everyHours as BackupSettings['everyHours']) : DEFAULT_BACKUP_EVERY_HOURS,
    mirrorDir: typeof raw.mirrorDir === 'string' && path.isAbsolute(raw.mirrorDir) ? raw.mirrorDir : null,
    keep: {
      daily: intIn(keep.daily, 1, 60) ? keep.daily : DEFAULT_BACKUP_KEEP.daily,
      weekly: intIn(keep.weekly, 0, 52) ? keep.weekly : DEFAULT_BACKUP_KEEP.weekly,
      monthly: intIn(keep.monthly, 0, 120) ? keep.monthly : DEFAULT_BACKUP_KEEP.monthly,
    },
  }
}

export function writeBackupSettings(dataDir: string, settings: BackupSettings): void {
  // The mirror's subfolder name (below) is kept across a change of the settings.
  const mirrorFolder = readMirrorFolder(dataDir)
  writeWhole(path.join(dataDir, BACKUP_SETTINGS_FILE), `${JSON.stringify({ ...settings, ...(mirrorFolder ? { mirrorFolder } : {}) }, null, 2)}\n`)
}

// One USB stick may serve several laptops: each keeps its backups in a subfolder of the mirror
// named by its device id (services/device.ts), so one laptop's rotation never removes another's
// backups and its list never offers another laptop's file. The name is written into this file by
// the process that makes backups (it knows the device id); the readers that do not (the host in
// recovery mode) take it from here.

const MIRROR_FOLDER = /^[0-9a-z][0-9a-z-]{0,63}$/

function readMirrorFolder(dataDir: string): string | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, BACKUP_SETTINGS_FILE), 'utf8')) as { mirrorFolder?: unknown }
    return typeof raw.mirrorFolder === 'string' && MIRROR_FOLDER.test(raw.mirrorFolder) ? raw.mirrorFolder : null
  } catch {
    return null
  }
}

/** Records this device's subfolder of the mirror (its device id) when it is not the one recorded. */
export function rememberMirrorFolder(dataDir: string, deviceId: string): void {
  const folder = deviceId.toLowerCase()
  if (!MIRROR_FOLDER.test(folder) || readMirrorFolder(dataDir) === folder) return
  const settings = readBackupSettings(dataDir)
  writeWhole(path.join(dataDir, BACKUP_SETTINGS_FILE), `${JSON.stringify({ ...settings, mirrorFolder: folder }, null, 2)}\n`)
}

/** Where this device's backups are in the mirror: null when there is no mirror or no device has made one there yet. */
export function mirrorBackupsDir(dataDir: string, settings: BackupSettings = readBackupSettings(dataDir)): string | null {
  const folder = readMirrorFolder(dataDir)
  return settings.mirrorDir && folder ? path.join(settings.mirrorDir, folder) : null
}

/** Written beside, then renamed: a reader in another process never sees half a file. */
export function writeWhole(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const part = `${file}.${process.pid}.part`
  fs.writeFileSync(part, text)
  fs.renameSync(part, file)
}

const refuse = (message: string): never => {
  throw new DomainError('invalid', `第二备份位置：${message}`, 'mirrorDir')
}

/**
 * Checks a folder chosen as the second backup place, making it if absent: a full path, a folder
 * (not a file), one this program can write to (a file written and deleted there), and not inside
 * the data folder (a copy on the same disk guards against nothing). Answers the path normalised.
 */
export function checkMirrorDir(dir: string, dataDir: string): string {
  if (!path.isAbsolute(dir)) refuse(`应为完整路径（如 E:\\备份 或 /media/U盘/备份），“${dir}” 不是`)
  const resolved = path.resolve(dir)
  const data = path.resolve(dataDir)
  const inside = path.relative(data, resolved)
  if (resolved === data || (!inside.startsWith('..') && !path.isAbsolute(inside))) {
    refuse(`不能选数据文件夹 ${data} 或其中的文件夹：同一块磁盘上的副本防不了磁盘损坏，请选 U 盘或另一块磁盘上的文件夹`)
  }
  let stat: fs.Stats | undefined
  try {
    stat = fs.statSync(resolved, { throwIfNoEntry: false })
  } catch (error) {
    refuse(`无法创建文件夹 ${resolved}（${describeFsError(error)}）`)
  }
  if (stat && !stat.isDirectory()) refuse(`${resolved} 是一个文件，不是文件夹`)
  if (!stat) {
    try {
      fs.mkdirSync(resolved, { recursive: true })
    } catch (error) {
      refuse(`无法创建文件夹 ${resolved}（${describeFsError(error)}）`)
    }
  }
  const probe = path.join(resolved, `.site-atlas-probe-${randomUUID()}`)
  try {
    fs.writeFileSync(probe, 'site-atlas')
    fs.rmSync(probe)
  } catch (error) {
    fs.rmSync(probe, { force: true })
    refuse(`无法写入文件夹 ${resolved}（${describeFsError(error)}）`)
  }
  return resolved
}

/** A file-system failure in words a person can act on. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
      return '不存在（U 盘是否已拔出？）'
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限'
    case 'EROFS':
      return '是只读的'
    case 'ENOSPC':
      return '空间已满'
    case 'ENOTDIR':
      return '路径中有一段不是文件夹'
    default:
      return (error as Error).message ?? String(error)
  }
}
