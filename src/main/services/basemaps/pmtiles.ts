import fs from 'node:fs/promises'
import { bytesToHeader, Compression, type Header, TileType, zxyToTileId } from 'pmtiles'
import type { TileFormat } from './format'
import { InflateLimitError, inflateCapped, MAX_DIRECTORY_BYTES, MAX_METADATA_BYTES, MAX_TILE_BYTES, PMTILES_ROOT_SPAN, tileWithinLimits } from './limits'
import { type PackageInfo, refusePackage } from './mbtiles'
import { MAX_LAT, MAX_PACKAGE_ZOOM } from './tileMath'

// Reading PMTiles v3 packages (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md)
// from a local file. Our own directory walk rather than the `pmtiles` package's: that one trusts
// the file (a directory's entry count, a section's length, a compressed part's inflated size), and
// a package is a file someone hands us. Here the header's sections are checked against the file
// and the spec before anything else is read, every read is within its section and under its cap,
// and every inflate stops at its cap. The package's own helpers are used for the header layout
// and the tile numbering.

const HEADER_BYTES = 127
/** Leaf directories kept decoded, by entries held (each entry is 3 numbers in typed arrays). */
const CACHED_ENTRIES = 2_000_000
/** The spec's deepest directory chain: root + 3 levels of leaves. */
const MAX_DEPTH = 4

const RASTER: Partial<Record<TileType, TileFormat>> = { [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp' }

/** The header with every section's place known (the package's type leaves some optional). */
type CheckedHeader = Header & Required<Pick<Header, 'leafDirectoryOffset' | 'leafDirectoryLength' | 'tileDataOffset' | 'tileDataLength'>>

/** A decoded directory: entries sorted by tile id, run length 0 pointing at a leaf directory. */
interface Directory {
  tileIds: Float64Array
  offsets: Float64Array
  lengths: Float64Array
  runLengths: Float64Array
}

/** Thrown for a package whose structure breaks the spec or our limits; its message is the reason. */
class BadArchive extends Error {}

export class PmtilesReader {
  private readonly leaves = new Map<string, Directory>()
  private cachedEntries = 0

  private constructor(
    private readonly handle: fs.FileHandle,
    private readonly fileSize: number,
    readonly headerInfo: CheckedHeader,
    private readonly root: Directory,
  ) {}

  /** Opens and checks the header and root directory; a package failing them is refused here. */
  static async open(file: string): Promise<PmtilesReader> {
    let handle: fs.FileHandle
    try {
      handle = await fs.open(file, 'r')
    } catch (error) {
      throw refusePackage(`无法打开 PMTiles 文件（${(error as Error).message}）`)
    }
    try {
      const size = (await handle.stat()).size
      const head = await readAt(handle, 0, Math.min(size, PMTILES_ROOT_SPAN))
      const header = checkHeader(head, size)
      const rootBytes = head.subarray(header.rootDirectoryOffset, header.rootDirectoryOffset + header.rootDirectoryLength)
      const root = decodeDirectory(await inflate(rootBytes, header.internalCompression, MAX_DIRECTORY_BYTES, '根目录'), header, '根目录')
      return new PmtilesReader(handle, size, header, root)
    } catch (error) {
      await handle.close()
      throw error instanceof BadArchive ? refusePackage(`PMTiles 文件已损坏或无法读取（${error.message}）`) : error
    }
  }

  header(): Header {
    return this.headerInfo
  }

  /**
   * The tile at XYZ z/x/y, or null when the archive has none there, or its entry or bytes break
   * the limits (a tile is then not shown, never read past its cap).
   */
  async read(z: number, x: number, y: number): Promise<Uint8Array | null> {
    const h = this.headerInfo
    if (z < h.minZoom || z > h.maxZoom || z > MAX_PACKAGE_ZOOM) return null
    const id = zxyToTileId(z, x, y)
    let dir = this.root
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const i = findEntry(dir, id)
      if (i < 0) return null
      const offset = dir.offsets[i]!
      const length = dir.lengths[i]!
      if (dir.runLengths[i]! > 0) return this.tile(offset, length)
      dir = await this.leaf(offset, length)
    }
    return null
  }

  private async tile(offset: number, length: number): Promise<Uint8Array | null> {
    const h = this.headerInfo
    if (length === 0 || length > MAX_TILE_BYTES || offset + length > h.tileDataLength) return null
    const stored = await readAt(this.handle, h.tileDataOffset + offset, length)
    let bytes: Uint8Array
    try {
      bytes = await inflate(stored, h.tileCompression, MAX_TILE_BYTES, '瓦片')
    } catch {
      return null // a tile that does not inflate within its cap is not shown
    }
    return bytes.byteLength > 0 && tileWithinLimits(bytes) ? bytes : null
  }

  private async leaf(offset: number, length: number): Promise<Directory> {
    const key = `${offset}:${length}`
    const kept = this.leaves.get(key)
    if (kept) {
      // Most recently used last, so the first key is the one to drop.
      this.leaves.delete(key)
      this.leaves.set(key, kept)
      return kept
    }
    const h = this.headerInfo
    if (length === 0 || length > MAX_DIRECTORY_BYTES || offset + length > h.leafDirectoryLength) {
      throw refusePackage('PMTiles 文件已损坏或无法读取（叶目录的位置超出文件中的叶目录区）')
    }
    let dir: Directory
    try {
      const stored = await readAt(this.handle, h.leafDirectoryOffset + offset, length)
      dir = decodeDirectory(await inflate(stored, h.internalCompression, MAX_DIRECTORY_BYTES, '叶目录'), h, '叶目录')
    } catch (error) {
      throw error instanceof BadArchive ? refusePackage(`PMTiles 文件已损坏或无法读取（${error.message}）`) : error
    }
    this.leaves.set(key, dir)
    this.cachedEntries += dir.tileIds.length
    for (const [k, d] of this.leaves) {
      if (this.cachedEntries <= CACHED_ENTRIES || k === key) break
      this.leaves.delete(k)
      this.cachedEntries -= d.tileIds.length
    }
    return dir
  }

  /** Checks the archive is a raster PMTiles v3 we can serve and reads what it says about itself. */
  async inspect(): Promise<PackageInfo> {
    const header = this.headerInfo
    if (header.tileType === TileType.Mvt || header.tileType === TileType.Mlt) {
      throw refusePackage(`这是矢量瓦片包（${header.tileType === TileType.Mvt ? 'mvt' : 'mlt'}），目前只支持栅格瓦片（png/jpg/webp）`)
    }
    const format = RASTER[header.tileType]
    if (!format) throw refusePackage('不支持的瓦片格式，目前只支持栅格瓦片（png/jpg/webp）')
    if (!isSupportedCompression(header.tileCompression)) throw refusePackage('瓦片使用了不支持的压缩方式（zstd）')
    const { minZoom, maxZoom } = header
    if (minZoom > maxZoom || maxZoom > MAX_PACKAGE_ZOOM) throw refusePackage(`级别范围无效（${minZoom}–${maxZoom}）`)
    if (header.numAddressedTiles === 0 || this.root.tileIds.length === 0) throw refusePackage('包里没有任何瓦片')

    const metadata = await this.metadata()
    await this.firstLeaves()

    const { minLon: west, minLat: south, maxLon: east, maxLat: north } = header
    const boundsOk = [west, south, east, north].every(Number.isFinite) && west >= -180 && east <= 180 && south >= -90 &&
      north <= 90 && west < east && south < north
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null)
    return {
      format,
      minZoom,
      maxZoom,
      bounds: boundsOk ? [west, Math.max(south, -MAX_LAT), east, Math.min(north, MAX_LAT)] : null,
      name: text(metadata.name),
      attribution: text(metadata.attribution),
    }
  }

  /** Reads the chain of leaf directories under the root's first entry: they must be readable too. */
  private async firstLeaves(): Promise<void> {
    let dir = this.root
    for (let depth = 1; dir.runLengths[0] === 0; depth++) {
      if (depth >= MAX_DEPTH) throw refusePackage('PMTiles 文件已损坏或无法读取（目录层级过深）')
      dir = await this.leaf(dir.offsets[0]!, dir.lengths[0]!)
      if (dir.tileIds.length === 0) throw refusePackage('PMTiles 文件已损坏或无法读取（叶目录为空）')
    }
  }

  /** The JSON metadata, read and inflated within MAX_METADATA_BYTES. */
  private async metadata(): Promise<Record<string, unknown>> {
    const h = this.headerInfo
    if (h.jsonMetadataLength === 0) return {}
    let parsed: unknown
    try {
      const stored = await readAt(this.handle, h.jsonMetadataOffset, h.jsonMetadataLength)
      const bytes = await inflate(stored, h.internalCompression, MAX_METADATA_BYTES, '元数据')
      parsed = JSON.parse(new TextDecoder('utf-8').decode(bytes))
    } catch (error) {
      const reason = error instanceof BadArchive ? error.message : '元数据不是有效的 JSON'
      throw refusePackage(`PMTiles 文件已损坏或无法读取（${reason}）`)
    }
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  }

  close(): Promise<void> {
    return this.handle.close()
  }
}

/** Reads exactly `length` bytes at `offset` (callers have checked both against the file). */
async function readAt(handle: fs.FileHandle, offset: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length)
  let filled = 0
  while (filled < length) {
    const { bytesRead } = await handle.read(bytes, filled, length - filled, offset + filled)
    if (bytesRead === 0) throw new BadArchive('文件比其头部声明的短')
    filled += bytesRead
  }
  return bytes
}

const MB = 1024 * 1024

/** The header, checked: magic and version, every section inside the file, the root where the spec puts it. */
function checkHeader(head: Uint8Array, fileSize: number): CheckedHeader {
  if (head.byteLength < HEADER_BYTES || String.fromCharCode(...head.subarray(0, 7)) !== 'PMTiles') throw new BadArchive('不是 PMTiles 文件或文件不完整')
  if (head[7] !== 3) throw refusePackage(`只支持 PMTiles 第 3 版（此文件为第 ${head[7]} 版）`)
  const parsed = bytesToHeader(head.slice(0, HEADER_BYTES).buffer)
  const header: CheckedHeader = {
    ...parsed,
    leafDirectoryOffset: parsed.leafDirectoryOffset ?? 0,
    leafDirectoryLength: parsed.leafDirectoryLength ?? 0,
    tileDataOffset: parsed.tileDataOffset ?? 0,
    tileDataLength: parsed.tileDataLength ?? 0,
  }
  const within = (what: string, offset: number, length: number, end = fileSize) => {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || (offset < HEADER_BYTES && length > 0) || offset + length > end) {
      const claim = length >= MB ? `${(length / MB).toFixed(0)} MB` : `${length} 字节`
      throw new BadArchive(`头部声明的${what}（${claim}，位于 ${offset}）超出文件范围`)
    }
  }
  within('根目录', header.rootDirectoryOffset, header.rootDirectoryLength, Math.min(fileSize, PMTILES_ROOT_SPAN))
  if (header.rootDirectoryLength === 0) throw new BadArchive('没有根目录')
  within('元数据', header.jsonMetadataOffset, header.jsonMetadataLength)
  within('叶目录区', header.leafDirectoryOffset, header.leafDirectoryLength)
  within('瓦片数据区', header.tileDataOffset, header.tileDataLength)
  if (header.jsonMetadataLength > MAX_METADATA_BYTES) throw new BadArchive(`元数据超过 ${MAX_METADATA_BYTES / MB} MB`)
  if (!isSupportedCompression(header.internalCompression)) throw new BadArchive('目录使用了不支持的压缩方式')
  return header
}

function isSupportedCompression(c: Compression): boolean {
  return c === Compression.None || c === Compression.Unknown || c === Compression.Gzip || c === Compression.Brotli
}

async function inflate(bytes: Uint8Array, compression: Compression, limit: number, what: string): Promise<Uint8Array> {
  if (compression === Compression.None || compression === Compression.Unknown) {
    if (bytes.byteLength > limit) throw new BadArchive(`${what}超过 ${(limit / MB).toFixed(0)} MB`)
    return bytes
  }
  if (!isSupportedCompression(compression)) throw new BadArchive(`${what}使用了不支持的压缩方式`)
  try {
    return await inflateCapped(bytes, compression === Compression.Gzip ? 'gzip' : 'brotli', limit)
  } catch (error) {
    if (error instanceof InflateLimitError) throw new BadArchive(`${what}解压后超过 ${(limit / MB).toFixed(0)} MB，疑似压缩炸弹`)
    throw new BadArchive(`${what}无法解压`)
  }
}

/** A varint reader that never reads past its bytes and refuses numbers beyond 2^53. */
class Varints {
  private pos = 0
  constructor(private readonly bytes: Uint8Array, private readonly what: string) {}

  next(): number {
    let value = 0
    let scale = 1
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.bytes.length) throw new BadArchive(`${this.what}不完整`)
      const b = this.bytes[this.pos++]!
      value += (b & 0x7f) * scale
      if (b < 0x80) return value
      scale *= 128
    }
    throw new BadArchive(`${this.what}中的数值过大`)
  }
}

/**
 * A directory's entries (spec §4): the count first, then tile-id deltas, run lengths, lengths and
 * offsets, each a column of varints. A count the bytes cannot hold (each entry takes at least four
 * bytes) is refused before anything is allocated for it.
 */
function decodeDirectory(bytes: Uint8Array, header: CheckedHeader, what: string): Directory {
  const v = new Varints(bytes, what)
  const count = v.next()
  if (count > (bytes.length - 1) / 4) throw new BadArchive(`${what}声明了 ${count} 个条目，超出其大小`)
  const dir: Directory = {
    tileIds: new Float64Array(count),
    offsets: new Float64Array(count),
    lengths: new Float64Array(count),
    runLengths: new Float64Array(count),
  }
  let id = 0
  for (let i = 0; i < count; i++) {
    id += v.next()
    if (i > 0 && id <= dir.tileIds[i - 1]!) throw new BadArchive(`${what}的条目未按瓦片编号排序`)
    dir.tileIds[i] = id
  }
  for (let i = 0; i < count; i++) dir.runLengths[i] = v.next()
  for (let i = 0; i < count; i++) dir.lengths[i] = v.next()
  for (let i = 0; i < count; i++) {
    const raw = v.next()
    dir.offsets[i] = raw === 0 && i > 0 ? dir.offsets[i - 1]! + dir.lengths[i - 1]! : raw - 1
    const section = dir.runLengths[i] === 0 ? header.leafDirectoryLength : header.tileDataLength
    if (dir.offsets[i]! < 0 || dir.offsets[i]! + dir.lengths[i]! > section) throw new BadArchive(`${what}的第 ${i + 1} 个条目指向文件之外`)
  }
  return dir
}

/** The entry holding tile `id` (binary search, then the run of the entry before), or -1. */
function findEntry(dir: Directory, id: number): number {
  let lo = 0
  let hi = dir.tileIds.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const d = id - dir.tileIds[mid]!
    if (d > 0) lo = mid + 1
    else if (d < 0) hi = mid - 1
    else return mid
  }
  if (hi >= 0 && (dir.runLengths[hi] === 0 || id - dir.tileIds[hi]! < dir.runLengths[hi]!)) return hi
  return -1
}
