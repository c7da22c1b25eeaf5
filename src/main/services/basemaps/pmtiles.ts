import fs from 'node:fs/promises'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { Compression, type Header, PMTiles, SharedPromiseCache, type Source, TileType } from 'pmtiles'
import type { TileFormat } from './format'
import { type PackageInfo, refusePackage } from './mbtiles'
import { MAX_LAT, MAX_PACKAGE_ZOOM } from './tileMath'

// Reading PMTiles v3 packages (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md)
// with the `pmtiles` package over byte ranges of a local file.

/** A pmtiles Source reading byte ranges of a local file through one read-only FileHandle. */
export class FileHandleSource implements Source {
  private constructor(
    private readonly handle: fs.FileHandle,
    private readonly key: string,
  ) {}

  static async open(file: string): Promise<FileHandleSource> {
    return new FileHandleSource(await fs.open(file, 'r'), file)
  }

  getKey(): string {
    return this.key
  }

  async getBytes(offset: number, length: number): Promise<{ data: ArrayBuffer }> {
    const bytes = new Uint8Array(length)
    let filled = 0
    // A read near the end of the file returns fewer bytes; pmtiles asks for 16 KiB at offset 0.
    while (filled < length) {
      const { bytesRead } = await this.handle.read(bytes, filled, length - filled, offset + filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    // Cut only when the file ended first: a full read hands over its buffer as it is.
    return { data: filled === length ? bytes.buffer : bytes.buffer.slice(0, filled) }
  }

  close(): Promise<void> {
    return this.handle.close()
  }
}

const gunzip = promisify(zlib.gunzip)
const brotli = promisify(zlib.brotliDecompress)

/** Node's zlib for directories, metadata and tiles; zstd is refused. */
async function decompress(buf: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  const toArrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
  if (compression === Compression.None || compression === Compression.Unknown) return buf
  if (compression === Compression.Gzip) return toArrayBuffer(await gunzip(new Uint8Array(buf)))
  if (compression === Compression.Brotli) return toArrayBuffer(await brotli(new Uint8Array(buf)))
  throw new Error(`不支持的压缩方式（${Compression[compression] ?? compression}）`)
}

const RASTER: Partial<Record<TileType, TileFormat>> = { [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp' }

export class PmtilesReader {
  private constructor(
    private readonly source: FileHandleSource,
    private readonly archive: PMTiles,
  ) {}

  static async open(file: string): Promise<PmtilesReader> {
    let source: FileHandleSource
    try {
      source = await FileHandleSource.open(file)
    } catch (error) {
      throw refusePackage(`无法打开 PMTiles 文件（${(error as Error).message}）`)
    }
    return new PmtilesReader(source, new PMTiles(source, new SharedPromiseCache(100, true, decompress), decompress))
  }

  header(): Promise<Header> {
    return this.archive.getHeader()
  }

  /** The tile at XYZ z/x/y, or null when the archive has none there. */
  async read(z: number, x: number, y: number): Promise<Uint8Array | null> {
    const tile = await this.archive.getZxy(z, x, y)
    return tile && tile.data.byteLength > 0 ? new Uint8Array(tile.data) : null
  }

  /** Checks the archive is a raster PMTiles v3 we can serve and reads what it says about itself. */
  async inspect(): Promise<PackageInfo> {
    let header: Header
    try {
      header = await this.archive.getHeader()
    } catch (error) {
      throw refusePackage(`PMTiles 文件已损坏或无法读取（${(error as Error).message}）`)
    }
    if (header.specVersion !== 3) throw refusePackage(`只支持 PMTiles 第 3 版（此文件为第 ${header.specVersion} 版）`)
    if (header.tileType === TileType.Mvt || header.tileType === TileType.Mlt) {
      throw refusePackage(`这是矢量瓦片包（${header.tileType === TileType.Mvt ? 'mvt' : 'mlt'}），目前只支持栅格瓦片（png/jpg/webp）`)
    }
    const format = RASTER[header.tileType]
    if (!format) throw refusePackage('不支持的瓦片格式，目前只支持栅格瓦片（png/jpg/webp）')
    if (header.tileCompression !== Compression.None && header.tileCompression !== Compression.Unknown &&
        header.tileCompression !== Compression.Gzip && header.tileCompression !== Compression.Brotli) {
      throw refusePackage('瓦片使用了不支持的压缩方式（zstd）')
    }
    const { minZoom, maxZoom } = header
    if (minZoom > maxZoom || maxZoom > MAX_PACKAGE_ZOOM) throw refusePackage(`级别范围无效（${minZoom}–${maxZoom}）`)
    if (header.numAddressedTiles === 0) throw refusePackage('包里没有任何瓦片')

    let metadata: Record<string, unknown> = {}
    try {
      const parsed = header.jsonMetadataLength > 0 ? await this.archive.getMetadata() : {}
      if (parsed && typeof parsed === 'object') metadata = parsed as Record<string, unknown>
      // The root directory must be readable too: look up the first zoom's first tile.
      await this.archive.getZxy(minZoom, 0, 0)
    } catch (error) {
      throw refusePackage(`PMTiles 文件已损坏或无法读取（${(error as Error).message}）`)
    }

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

  close(): Promise<void> {
    return this.source.close()
  }
}
