import fs from 'node:fs'
import path from 'node:path'
import {
  BACKUP_INTERVALS,
  type BackupEntry,
  type BackupSettings,
  type BackupSource,
  type BackupStatus,
  DEFAULT_BACKUP_EVERY_HOURS,
  DEFAULT_BACKUP_KEEP,
  type StoreState,
} from '../../../shared/backup'
import { DomainError } from '../../../shared/result'
import { listBackupFolder } from '../../store/backupNames'
import { UploadRegistry } from '../uploads/registry'

// The backup folders as files, with no store open: the recovery screen's status and list (answered
// on the host, which loads no store code: only the file system is read here), and the file a
// backup source names. The backup engine (services/backup) keeps the same folders and settings file.

export const backupsDirOf = (dataDir: string) => path.join(dataDir, 'backups')

/** What the person reads when the store cannot be used: why, and what to do. */
export function unavailableMessage(state: StoreState): string {
  if (state.state === 'ok') return '数据文件正在恢复，请稍候再试'
  return `数据文件暂时无法使用：${state.message}。原文件保持原样未做改动，请从备份恢复`
}

const uploadsOf = (dataDir: string) => new UploadRegistry(path.join(dataDir, 'uploads'))

/** The file a backup source names: one of the two folders' backups (by name only), or an upload. */
export function resolveSource(dataDir: string, source: BackupSource): string {
  if ('uploadId' in source) {
    const upload = uploadsOf(dataDir).get(source.uploadId)
    if (!upload) throw new DomainError('not_found', '备份文件：上传的文件已不存在，请重新选择', 'source')
    return upload.path
  }
  const dir = source.folder === 'local' ? backupsDirOf(dataDir) : readBackupSettings(dataDir).mirrorDir
  if (!dir) throw new DomainError('invalid', '备份位置：尚未设置第二备份位置', 'source')
  const file = path.join(dir, source.id)
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new DomainError('not_found', `备份：找不到 ${source.id}`, 'source')
  return file
}

/**
 * The backup settings as saved in <data>/backup-settings.json, read leniently (defaults for anything
 * missing or odd): in recovery they only say where the second folder is.
 */
export function readBackupSettings(dataDir: string): BackupSettings {
  const settings: BackupSettings = { everyHours: DEFAULT_BACKUP_EVERY_HOURS, mirrorDir: null, keep: { ...DEFAULT_BACKUP_KEEP } }
  let saved: Partial<Record<keyof BackupSettings, unknown>>
  try {
    saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'backup-settings.json'), 'utf8')) as typeof saved
  } catch {
    return settings
  }
  if ((BACKUP_INTERVALS as readonly unknown[]).includes(saved.everyHours)) settings.everyHours = saved.everyHours as BackupSettings['everyHours']
  if (typeof saved.mirrorDir === 'string' && path.isAbsolute(saved.mirrorDir)) settings.mirrorDir = saved.mirrorDir
  const keep = saved.keep as Partial<BackupSettings['keep']> | undefined
  for (const period of ['daily', 'weekly', 'monthly'] as const) {
    const n = keep?.[period]
    if (Number.isInteger(n) && (n as number) >= 0) settings.keep[period] = n as number
  }
  return settings
}

export function listAllBackups(dataDir: string): BackupEntry[] {
  const mirrorDir = readBackupSettings(dataDir).mirrorDir
  const entries = [...listBackupFolder(backupsDirOf(dataDir), 'local'), ...(mirrorDir ? listBackupFolder(mirrorDir, 'mirror') : [])]
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** backup.status while no store is open. */
export function offlineStatus(dataDir: string, state: StoreState): BackupStatus {
  const settings = readBackupSettings(dataDir)
  const mirrorDir = settings.mirrorDir
  const mirrorOk = mirrorDir !== null && Boolean(fs.statSync(mirrorDir, { throwIfNoEntry: false })?.isDirectory())
  return {
    store: state,
    settings,
    folder: backupsDirOf(dataDir),
    lastBackup: listAllBackups(dataDir)[0] ?? null,
    // Nothing is backed up while the store cannot be opened.
    nextDueAt: null,
    mirror: mirrorDir === null ? null : { dir: mirrorDir, ok: mirrorOk, message: mirrorOk ? null : `第二备份位置不可用：${mirrorDir}（如 U 盘未插入）` },
    lastError: null,
  }
}
