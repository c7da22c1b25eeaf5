import type { BackupSettings, BackupSource } from '../../../shared/backup'
import { DomainError } from '../../../shared/result'
import { inspectStoreFile } from '../../store/backupFile'
import type { FeatureHandlers, ServiceContext } from '../context'
import { backupStatus, listBackups, makeBackup } from './engine'
import { backupFilePath } from './files'
import { checkMirrorDir, describeFsError, readBackupSettings, writeBackupSettings } from './settings'

// backup.* (shared/backup.ts): status, the list of both folders, what a backup or a handed-over
// file holds, "back up now", this device's settings. backup.restore is B's (restore + recovery mode).

/** The largest file someone hands us that is read as a store (a 10k-building store is 380 MB; photos add). */
export const PREVIEW_MAX_BYTES = 4 * 1024 ** 3

/** The file a backup source names: a backup in one of the folders, or an upload. */
export function backupSourceFile(ctx: ServiceContext, source: BackupSource): { file: string; handedOver: boolean } {
  if ('uploadId' in source) {
    const upload = ctx.uploads.get(source.uploadId)
    if (!upload) throw new DomainError('not_found', '备份文件：找不到上传的文件（可能已被清理），请重新选择', 'source.uploadId')
    return { file: upload.path, handedOver: true }
  }
  const file = backupFilePath(ctx.dataDir, source.folder, source.id)
  if (!file) {
    const where = source.folder === 'local' ? '本机备份文件夹' : '第二备份位置'
    throw new DomainError('not_found', `备份：${where}中没有 ${source.id}（可能已被轮换删除，或 U 盘未插入）`, 'source.id')
  }
  return { file, handedOver: false }
}

export const backupHandlers = {
  'backup.status': async (_input, ctx) => backupStatus(ctx.dataDir),
  'backup.list': async (_input, ctx) => listBackups(ctx.dataDir),
  'backup.preview': async ({ source }, ctx) => {
    const { file, handedOver } = backupSourceFile(ctx, source)
    return inspectStoreFile(file, handedOver ? { maxBytes: PREVIEW_MAX_BYTES } : {})
  },
  'backup.create': async (_input, ctx) => {
    try {
      return await makeBackup(ctx, 'manual')
    } catch (error) {
      throw new DomainError('internal', `备份失败：${describeFsError(error)}`)
    }
  },
  'backup.configure': async (input, ctx) => {
    const current = readBackupSettings(ctx.dataDir)
    const next: BackupSettings = {
      everyHours: (input.everyHours ?? current.everyHours) as BackupSettings['everyHours'],
      mirrorDir: input.mirrorDir === undefined ? current.mirrorDir : input.mirrorDir === null ? null : checkMirrorDir(input.mirrorDir, ctx.dataDir),
      keep: input.keep ?? current.keep,
    }
    writeBackupSettings(ctx.dataDir, next)
    return backupStatus(ctx.dataDir)
  },
  'backup.restore': async () => {
    throw new DomainError('internal', '备份：恢复功能正在建设中')
  },
} satisfies FeatureHandlers<'backup'>
