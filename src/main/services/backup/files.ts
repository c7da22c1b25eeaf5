import fs from 'node:fs'
import path from 'node:path'
import { BACKUP_FOLDERS, type BackupFolder, type BackupSource } from '../../../shared/backup'
import { parseBackupName } from '../../../shared/backupNames'
import { DomainError } from '../../../shared/result'
import { backupsDirOf } from '../../store/backupFolder'
import type { UploadRegistry } from '../uploads/registry'
import { mirrorBackupsDir } from './settings'

// A backup named by the page (its folder and file name, or its asset path 'backups/<folder>/<id>')
// found on disk: only a file of ours, in one of the two folders, can be named.

export const BACKUP_ASSET_PATH = /^\/?backups\/(local|mirror)\/(site-atlas-[0-9a-z-]+\.db)$/

/** The file behind a backup of the list, or null when there is none. */
export function backupFilePath(dataDir: string, folder: BackupFolder, id: string): string | null {
  if (!BACKUP_FOLDERS.includes(folder) || !parseBackupName(id) || path.basename(id) !== id) return null
  const dir = folder === 'local' ? backupsDirOf(dataDir) : mirrorBackupsDir(dataDir)
  if (!dir) return null
  const file = path.join(dir, id)
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null
}

/**
 * A backup by its asset path, for a download (the asset reader) or Electron's save dialog
 * (electron/save.ts's locate): its file, size and name, or null.
 */
export function locateBackup(dataDir: string, assetPath: unknown): { filePath: string; fileName: string; size: number } | null {
  const match = typeof assetPath === 'string' ? BACKUP_ASSET_PATH.exec(assetPath) : null
  if (!match) return null
  const filePath = backupFilePath(dataDir, match[1] as BackupFolder, match[2]!)
  if (!filePath) return null
  return { filePath, fileName: match[2]!, size: fs.statSync(filePath).size }
}

/**
 * The file a backup source names (backup.preview, backup.restore): a backup in one of the folders,
 * or an upload (a browser upload, or a file picked in Electron's open dialog).
 */
export function backupSourceFile(dataDir: string, uploads: Pick<UploadRegistry, 'get'>, source: BackupSource): { file: string; handedOver: boolean } {
  if ('uploadId' in source) {
    const upload = uploads.get(source.uploadId)
    if (!upload) throw new DomainError('not_found', '备份文件：找不到上传的文件（可能已被清理），请重新选择', 'source.uploadId')
    return { file: upload.path, handedOver: true }
  }
  const file = backupFilePath(dataDir, source.folder, source.id)
  if (!file) {
    const where = source.folder === 'local' ? '本机备份文件夹' : '第二备份位置'
    throw new DomainError('not_found', `备份：${where}中没有 ${source.id}（可能已被轮换删除，或 U 盘未插入）`, 'source.id')
  }
  return { file, handedOver: false }
}
