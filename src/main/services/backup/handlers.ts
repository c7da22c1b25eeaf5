import type { BackupSettings } from '../../../shared/backup'
import { DomainError } from '../../../shared/result'
import { inspectClosedFile, RESTORE_MAX_BYTES } from '../../store/restore'
import type { FeatureHandlers } from '../context'
import { makeBackup } from './engine'
import { backupSourceFile } from './files'
import { checkMirrorDir, describeFsError, readBackupSettings, rememberMirrorFolder, writeBackupSettings } from './settings'
import { backupStatus, listBackups } from './status'

// backup.* (shared/backup.ts) with the store open: status, the list of both folders, what a backup
// or a handed-over file holds, "back up now", this device's settings. backup.restore replaces the
// store file, so it runs with the store closed: the runtime answers it in an offline worker
// (services/restore/offline.ts), the command line with `restore`; here (services made in-process
// on an open store) it is refused.

export const backupHandlers = {
  'backup.status': async (_input, ctx) => backupStatus(ctx.dataDir),
  'backup.list': async (_input, ctx) => listBackups(ctx.dataDir),
  'backup.preview': async ({ source }, ctx) => {
    const { file } = backupSourceFile(ctx.dataDir, ctx.uploads, source)
    return inspectClosedFile(file, { maxBytes: RESTORE_MAX_BYTES })
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
    if (next.mirrorDir) rememberMirrorFolder(ctx.dataDir, ctx.author.deviceId)
    return backupStatus(ctx.dataDir)
  },
  'backup.restore': async ({ source }, ctx) => {
    // This process holds the store open: replacing the file under its connection is what the
    // restore must never do. The sentence names the command that does it with the file closed.
    const from = 'uploadId' in source ? '<备份文件>' : backupSourceFile(ctx.dataDir, ctx.uploads, source).file
    throw new DomainError('conflict', `恢复备份需关闭数据文件后进行，请使用 npm run cli -- restore --db ${ctx.store.file} --from ${from}`, 'source')
  },
} satisfies FeatureHandlers<'backup'>
