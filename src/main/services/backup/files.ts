import fs from 'node:fs'
import path from 'node:path'
import { BACKUP_FOLDERS, type BackupFolder } from '../../../shared/backup'
import { parseBackupName } from '../../../shared/backupNames'
import { backupsDirOf } from '../../store/backupFolder'
import { readBackupSettings } from './settings'

// A backup named by the page (its folder and file name, or its asset path 'backups/<folder>/<id>')
// found on disk: only a file of ours, in one of the two folders, can be named.

export const BACKUP_ASSET_PATH = /^\/?backups\/(local|mirror)\/(site-atlas-[0-9a-z-]+\.db)$/

/** The file behind a backup of the list, or null when there is none. */
export function backupFilePath(dataDir: string, folder: BackupFolder, id: string): string | null {
  if (!BACKUP_FOLDERS.includes(folder) || !parseBackupName(id) || path.basename(id) !== id) return null
  const dir = folder === 'local' ? backupsDirOf(dataDir) : readBackupSettings(dataDir).mirrorDir
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
