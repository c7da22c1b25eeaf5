import { DomainError } from '../../../shared/result'
import type { ImportSummary, PackageHeader } from '../../../shared/sync'
import { applyOps } from '../../store/syncApply'
import { knowsVector, locateBlobs, neededBlobs, wantedBlobs } from '../../store/syncExport'
import { pendingRows } from '../../store/syncCounts'
import { recordReceived } from '../../store/syncPeers'
import { backupBefore } from '../backup/engine'
import type { ServiceContext } from '../context'
import { localToday } from '../demo/dates'
import { PackageRefused, type ReadPackage, readPackage } from './packageRead'
import { BLOB_FIELD_ZH } from './packageWrite'

// sync.importPackage: a colleague's package merged into this store. The file is read and checked
// whole first (packageRead.ts: a refused package costs no backup and changes nothing), then the
// store is backed up, the operations merged in one transaction (store/syncApply.ts), and the
// colleague's device noted with what it holds, so the next package for it carries only the rest.

export async function importPackageFile(ctx: ServiceContext, file: string): Promise<ImportSummary> {
  const pkg = await readPackage(file, ctx.dataDir)
  try {
    await refuseGap(ctx, pkg.header)
    await refuseMissingPhotos(ctx, pkg)
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
      ...(await pendingRows(ctx.store)),
      from: { device: header.device, actor: header.actor, createdAt: header.createdAt },
    }
  } finally {
    await pkg.dispose()
  }
}

/**
 * A package made for another colleague (only what they lacked) holds nothing of what came before:
 * merged here, this store's vector would claim those earlier operations, and no later package
 * would ever carry them. It is refused unless this store holds everything it was filtered by.
 */
async function refuseGap(ctx: ServiceContext, header: PackageHeader): Promise<void> {
  if (!header.base) return
  const held = await knowsVector(ctx.store)
  const lacking = Object.entries(header.base).some(([device, hlc]) => (held[device] ?? '') < hlc)
  if (lacking) throw new PackageRefused('此修改包是为其他同事导出的，缺少本机没有的更早修改；请让对方导出“全部修改”')
}

/**
 * Every photo still needed (a head of its field once merged: the values a superseded operation
 * named are gone everywhere and not checked) must be in the package or in this store; otherwise
 * its row would wait forever and the team server would refuse this laptop's pushes.
 */
async function refuseMissingPhotos(ctx: ServiceContext, pkg: ReadPackage): Promise<void> {
  const notCarried = wantedBlobs(pkg.ops).filter((w) => !pkg.carries(w.sha256))
  if (notCarried.length === 0) return
  const held = await locateBlobs(ctx.store, notCarried)
  const missing = await neededBlobs(ctx.store, notCarried.filter((w) => !held.has(w.sha256)), pkg.ops)
  if (missing.length === 0) return
  const first = missing[0]!
  throw new PackageRefused(
    `引用了 ${new Set(missing.map((m) => m.sha256)).size} 张照片，但包中和本机都没有它们的数据（照片记录 ${first.row.slice(0, 8)} 的${BLOB_FIELD_ZH[first.field] ?? first.field}），已拒绝整个包；请让同事重新导出`,
  )
}

export async function importPackageUpload(ctx: ServiceContext, uploadId: string): Promise<ImportSummary> {
  const upload = ctx.uploads.get(uploadId)
  if (!upload) throw new DomainError('not_found', '修改包：找不到该上传文件（可能已导入或已过期），请重新选择文件', 'uploadId')
  const summary = await importPackageFile(ctx, upload.path)
  await ctx.uploads.discard(uploadId)
  return summary
}
