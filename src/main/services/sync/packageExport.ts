import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import { DomainError } from '../../../shared/result'
import { PACKAGE_EXTENSION, type PackageFile } from '../../../shared/sync'
import { devicePeer, recordSent } from '../../store/syncPeers'
import type { ServiceContext } from '../context'
import { exportFilePath, exportsDir, recordExport, safeName, sweepExports } from '../exports/files'
import { writePackage } from './packageWrite'

// sync.exportPackage: a package for a colleague, written into the exports folder so both hosts
// serve it like any export (exports/<id>: the browser downloads it, Electron saves it through its
// dialog, electron/save.ts), named for people: 修改-张三-20261202-1430.sitechanges.

const pad = (n: number) => String(n).padStart(2, '0')

/** 修改-<person>-<YYYYMMDD-HHmm>.sitechanges, local time. */
export function packageFileName(actor: string, now = new Date()): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`
  return `修改-${safeName(actor) || '未署名'}-${stamp}${PACKAGE_EXTENSION}`
}

/**
 * Writes what the colleague's device `peer` is not known to hold (everything without one) to the
 * file `file`; notes the sending. The command line's `changes export` and the handler share it.
 */
export async function writePackageFor(ctx: ServiceContext, file: string, peer: string | undefined, now = new Date()) {
  const known = peer === undefined ? null : await devicePeer(ctx.store, peer)
  if (peer !== undefined && !known) {
    throw new DomainError('not_found', '同事：本机尚未收到过该设备的修改包，无法只导出其缺少的修改；请导出全部修改', 'peer')
  }
  const written = await writePackage(ctx.store, file, { device: ctx.author.deviceId, actor: ctx.author.actor, receiverKnows: known?.knows ?? null, now })
  if (known) await recordSent(ctx.store, known.id, now.toISOString())
  return written
}

export async function exportPackage(ctx: ServiceContext, peer: string | undefined): Promise<PackageFile> {
  const now = new Date()
  await fs.mkdir(exportsDir(ctx.dataDir), { recursive: true })
  await sweepExports(ctx.dataDir)
  const id = randomUUID()
  const fileName = packageFileName(ctx.author.actor, now)
  const { header, size } = await writePackageFor(ctx, exportFilePath(ctx.dataDir, id, 'sitechanges'), peer, now)
  await recordExport(ctx.dataDir, { id, fileName, format: 'sitechanges', createdAt: now.toISOString() })
  return { id, fileName, size, ops: header.ops, blobs: header.blobs, assetPath: `exports/${id}` }
}
