import { DomainError } from '../../../shared/result'
import type { ImportSummary } from '../../../shared/sync'
import { applyOps } from '../../store/syncApply'
import { recordReceived } from '../../store/syncPeers'
import { backupBefore } from '../backup/engine'
import type { ServiceContext } from '../context'
import { localToday } from '../demo/dates'
import { readPackage } from './packageRead'

// sync.importPackage: a colleague's package merged into this store. The file is read and checked
// whole first (packageRead.ts: a refused package costs no backup and changes nothing), then the
// store is backed up, the operations merged in one transaction (store/syncApply.ts), and the
// colleague's device noted with what it holds, so the next package for it carries only the rest.

export async function importPackageFile(ctx: ServiceContext, file: string): Promise<ImportSummary> {
  const pkg = await readPackage(file, ctx.dataDir)
  try {
    await backupBefore(ctx, 'before-import')
    const result = await applyOps(ctx.store, pkg.ops, { blob: pkg.blob, today: localToday() })
    const { header } = pkg
    // A package of one's own (sent back by a colleague, or a copy) is merged but no peer.
    if (header.device !== ctx.author.deviceId) {
      await recordReceived(ctx.store, { id: header.device, name: header.actor, knows: header.knows, at: new Date().toISOString() })
    }
    return {
      applied: result.applied,
      skipped: result.skipped,
      conflicts: result.conflicts,
      newConflicts: result.newConflicts,
      from: { device: header.device, actor: header.actor, createdAt: header.createdAt },
    }
  } finally {
    await pkg.dispose()
  }
}

export async function importPackageUpload(ctx: ServiceContext, uploadId: string): Promise<ImportSummary> {
  const upload = ctx.uploads.get(uploadId)
  if (!upload) throw new DomainError('not_found', '修改包：找不到该上传文件（可能已导入或已过期），请重新选择文件', 'uploadId')
  const summary = await importPackageFile(ctx, upload.path)
  await ctx.uploads.discard(uploadId)
  return summary
}
