import path from 'node:path'
import { backupPreviewInput, backupRestoreInput, type BackupSource, type StoreState } from '../../../shared/backup'
import { isMethodName } from '../../../shared/api'
import { inspectClosedFile, RESTORE_MAX_BYTES, type RestoreOptions, restoreStore } from '../../store/restore'
import { type Dispatch, toApiError, validationError } from '../dispatch'
import { UploadRegistry } from '../uploads/registry'
import { backupSourceFile } from '../backup/files'
import { backupStatus, listBackups, unavailableMessage } from '../backup/status'
import { backupsDirOf } from '../../store/backupFolder'

// backup.* answered with no store open: a restore (which runs with every store worker stopped) and,
// while the data file is unavailable (recovery mode), a backup's preview. Runs in a short-lived
// store worker process of its own (runtime/worker.ts role 'offline'), never on the host's thread:
// a file someone hands us is read here, under a deadline.

export interface OfflineContext {
  /** The store file (absolute). */
  file: string
  dataDir: string
  /** The store as the runtime found it. */
  state: StoreState
  /** Tests only: see RestoreOptions.fault. */
  fault?: RestoreOptions['fault']
}

/** Backup methods that answer without a store; every other method answers store_unavailable. */
export const OFFLINE_METHODS = new Set(['backup.status', 'backup.list', 'backup.preview', 'backup.restore'])

export function createOfflineDispatch(ctx: OfflineContext): Dispatch {
  const uploads = new UploadRegistry(path.join(ctx.dataDir, 'uploads'))
  const sourceFile = (source: BackupSource) => backupSourceFile(ctx.dataDir, uploads, source).file
  return async (method, input) => {
    if (!isMethodName(method)) return { ok: false, error: { code: 'unknown_method', message: `未知的接口：${String(method)}` } }
    if (!OFFLINE_METHODS.has(method)) return { ok: false, error: { code: 'store_unavailable', message: unavailableMessage(ctx.state) } }
    try {
      switch (method) {
        case 'backup.status':
          return { ok: true, value: backupStatus(ctx.dataDir, ctx.state) }
        case 'backup.list':
          return { ok: true, value: listBackups(ctx.dataDir) }
        case 'backup.preview': {
          const parsed = backupPreviewInput.safeParse(input ?? {})
          if (!parsed.success) return { ok: false, error: validationError(parsed.error) }
          return { ok: true, value: await inspectClosedFile(sourceFile(parsed.data.source), { maxBytes: RESTORE_MAX_BYTES }) }
        }
        default: {
          const parsed = backupRestoreInput.safeParse(input ?? {})
          if (!parsed.success) return { ok: false, error: validationError(parsed.error) }
          const source = parsed.data.source
          const candidate = sourceFile(source)
          const result = await restoreStore({ storeFile: ctx.file, candidate, backupsDir: backupsDirOf(ctx.dataDir), fault: ctx.fault })
          // An uploaded file has served its purpose (it lives on as the store); a picked file stays where it is.
          if ('uploadId' in source) await uploads.discard(source.uploadId)
          return { ok: true, value: result }
        }
      }
    } catch (error) {
      return { ok: false, error: toApiError(error, method, method === 'backup.restore' ? '恢复未完成，当前数据文件未做任何改动：' : '未能读取备份文件：') }
    }
  }
}
