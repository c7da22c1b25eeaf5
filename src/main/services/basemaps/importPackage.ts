import { randomUUID } from 'node:crypto'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { DomainError } from '../../../shared/result'
import type { Basemap, MapCrs } from '../../../shared/types'
import { getBasemapRow, insertBasemap } from '../../store/basemaps'
import type { BasemapRow } from '../../store/schema'
import type { ServiceContext } from '../context'
import { inspectMbtiles, type PackageInfo, refusePackage } from './mbtiles'
import { PmtilesReader } from './pmtiles'
import { dataFile, describeBasemap } from './sources'
import { nativeToWgs84 } from './tileMath'

// Importing an offline map package: all or nothing. The upload is checked, placed in the data
// folder (moved when it is a temporary upload, copied otherwise), checked again where it will be
// served from when it was copied, and only then is the row written. Any failure leaves no file and no row.

type PackageKind = 'mbtiles' | 'pmtiles'

/** Which kind of package a file is, from its first bytes. */
export async function sniffPackage(file: string): Promise<PackageKind> {
  const head = new Uint8Array(16)
  let read = 0
  const handle = await fsp.open(file, 'r')
  try {
    read = (await handle.read(head, 0, 16, 0)).bytesRead
  } finally {
    await handle.close()
  }
  const text = Buffer.from(head.subarray(0, read)).toString('latin1')
  if (text === 'SQLite format 3\0') return 'mbtiles'
  if (text.startsWith('PMTiles')) {
    if (head[7] === 3) return 'pmtiles'
    throw refusePackage(`只支持 PMTiles 第 3 版（此文件为第 ${head[7]} 版）`)
  }
  if (text.startsWith('PM')) throw refusePackage('只支持 PMTiles 第 3 版（此文件是旧版 PMTiles）')
  throw refusePackage('无法识别的文件，应为 MBTiles（.mbtiles）或 PMTiles（.pmtiles）离线地图包')
}

/** An imported package's bounds in WGS-84 when its tiles are declared to be in `crs` (read again from the file). */
export async function packageBounds(ctx: ServiceContext, row: BasemapRow, crs: MapCrs): Promise<string | null> {
  if (row.kind === 'xyz' || !row.file) return row.bounds
  const { bounds } = await inspect(row.kind, dataFile(ctx, row.file))
  return bounds ? JSON.stringify(nativeToWgs84(bounds, crs)) : null
}

async function inspect(kind: PackageKind, file: string): Promise<PackageInfo> {
  if (kind === 'mbtiles') return inspectMbtiles(file)
  const reader = await PmtilesReader.open(file)
  try {
    return await reader.inspect()
  } finally {
    await reader.close()
  }
}

/**
 * Moves a file of ours, or copies one of the user's; the target appears whole or not at all.
 * True when the bytes were copied (a user's file, or ours across file systems), false when renamed.
 */
async function place(from: string, to: string, move: boolean): Promise<boolean> {
  if (move) {
    try {
      await fsp.rename(from, to)
      return false
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    }
  }
  const part = `${to}.part`
  try {
    await fsp.copyFile(from, part)
    await fsp.rename(part, to)
  } catch (error) {
    await fsp.rm(part, { force: true })
    throw error
  }
  if (move) await fsp.rm(from, { force: true })
  return true
}

/**
 * The import's checks of an upload, on their own and writing nothing: the store runtime runs them
 * in a reader first (runtime/pool.ts), so a package whose checks never end stalls a reader, which
 * is stopped, and never the writer every save waits on.
 */
export async function checkPackageUpload(ctx: ServiceContext, uploadId: string): Promise<void> {
  const upload = ctx.uploads.get(uploadId)
  if (!upload) throw new DomainError('not_found', '上传文件：找不到该上传，请重新选择文件', 'uploadId')
  await inspect(await sniffUpload(upload.path), upload.path)
}

/** The package kind of an upload's file, or a DomainError naming the upload when it cannot be read. */
async function sniffUpload(file: string): Promise<PackageKind> {
  try {
    return await sniffPackage(file)
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw new DomainError('not_found', `上传文件：无法读取（${(error as Error).message}）`, 'uploadId')
  }
}

export async function importPackage(
  ctx: ServiceContext,
  input: { uploadId: string; name?: string; crs: MapCrs },
): Promise<Basemap> {
  const upload = ctx.uploads.get(input.uploadId)
  if (!upload) throw new DomainError('not_found', '上传文件：找不到该上传，请重新选择文件', 'uploadId')
  // One import per upload: taken now, so a second call with the same id cannot race this one.
  ctx.uploads.release(upload.id)

  let target: string | null = null
  try {
    const kind = await sniffUpload(upload.path)
    // Checked where it is first, so a refused package is never copied.
    let info = await inspect(kind, upload.path)

    const id = randomUUID()
    const relative = `basemaps/${id}.${kind}`
    target = dataFile(ctx, relative)
    await fsp.mkdir(path.dirname(target), { recursive: true })
    let copied: boolean
    try {
      copied = await place(upload.path, target, upload.temporary)
    } catch (error) {
      throw new DomainError('internal', `地图包：复制到数据文件夹失败（${(error as Error).message}），未导入`)
    }
    // A copy is checked again where it will be served from; a renamed file is the one checked.
    if (copied) info = await inspect(kind, target)
    const { size } = await fsp.stat(target)

    const name = (input.name ?? info.name ?? upload.originalName.replace(/\.(mbtiles|pmtiles)$/i, '')).trim().slice(0, 100) || '离线地图'
    await insertBasemap(ctx.store.db, {
      id,
      name,
      kind,
      crs: input.crs,
      file: relative,
      urlTemplate: null,
      format: info.format,
      minZoom: info.minZoom,
      maxZoom: info.maxZoom,
      bounds: info.bounds ? JSON.stringify(nativeToWgs84(info.bounds, input.crs)) : null,
      attribution: info.attribution?.slice(0, 500) ?? null,
      sizeBytes: size,
    })
    target = null // kept: the row now points at it
    return describeBasemap(ctx, (await getBasemapRow(ctx.store.db, id))!)
  } finally {
    if (target) await fsp.rm(target, { force: true })
    if (upload.temporary) await fsp.rm(upload.path, { force: true })
  }
}
