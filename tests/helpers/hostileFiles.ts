import fs from 'node:fs'
import zlib from 'node:zlib'
import { zxyToTileId } from 'pmtiles'
import type { FixtureTile } from './tiles'

// Hostile files made by the tests: PMTiles archives with any header claim, gzip bombs that cost
// little to make (concatenated gzip members of one compressed block of zeros), and the peak of
// the process's memory while something runs.

/** Gzip bytes that inflate to `total` zero bytes: one member of `block` zeros, repeated. */
export function gzipBomb(total: number, block = 16 * 1024 * 1024): Buffer {
  const member = zlib.gzipSync(Buffer.alloc(block), { level: 9 })
  return Buffer.concat(Array.from({ length: Math.ceil(total / block) }, () => member))
}

export function varints(values: number[]): number[] {
  const out: number[] = []
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 128) | 0x80)
      v = Math.floor(v / 128)
    }
    out.push(v)
  }
  return out
}

export interface DirEntry {
  tileId: number
  offset: number
  length: number
  /** 0: a leaf directory */
  runLength: number
}

/** A directory as the spec serialises it (offsets written out in full, never as "follows the previous"). */
export function directoryBytes(entries: DirEntry[], count = entries.length): Uint8Array {
  const ids = entries.map((e, i) => e.tileId - (i === 0 ? 0 : entries[i - 1]!.tileId))
  return Uint8Array.from(varints([count, ...ids, ...entries.map((e) => e.runLength), ...entries.map((e) => e.length), ...entries.map((e) => e.offset + 1)]))
}

export interface ArchiveParts {
  root: Uint8Array
  metadata: Uint8Array
  leaves?: Uint8Array
  data: Uint8Array
  /** 1 none, 2 gzip (of directories and metadata) */
  internalCompression?: number
  tileCompression?: number
  tileType?: number
  minZoom?: number
  maxZoom?: number
  /** Header fields (byte offset → u64 value) written over the honest ones. */
  claims?: Record<number, number>
}

/** Header field offsets (spec v3 §3). */
export const HEADER = {
  rootOffset: 8,
  rootLength: 16,
  metadataOffset: 24,
  metadataLength: 32,
  leafOffset: 40,
  leafLength: 48,
  dataOffset: 56,
  dataLength: 64,
} as const

/** A PMTiles v3 archive laid out header, root, metadata, leaves, data; `claims` then lie about any of it. */
export function pmtilesBytes(parts: ArchiveParts): Buffer {
  const leaves = parts.leaves ?? new Uint8Array()
  const header = Buffer.alloc(127)
  header.write('PMTiles', 0, 'latin1')
  header.writeUInt8(3, 7)
  const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at)
  const rootOffset = 127
  const metaOffset = rootOffset + parts.root.length
  const leafOffset = metaOffset + parts.metadata.length
  const dataOffset = leafOffset + leaves.length
  u64(HEADER.rootOffset, rootOffset)
  u64(HEADER.rootLength, parts.root.length)
  u64(HEADER.metadataOffset, metaOffset)
  u64(HEADER.metadataLength, parts.metadata.length)
  u64(HEADER.leafOffset, leafOffset)
  u64(HEADER.leafLength, leaves.length)
  u64(HEADER.dataOffset, dataOffset)
  u64(HEADER.dataLength, parts.data.length)
  u64(72, 5)
  u64(80, 5)
  u64(88, 5)
  header.writeUInt8(1, 96)
  header.writeUInt8(parts.internalCompression ?? 1, 97)
  header.writeUInt8(parts.tileCompression ?? 1, 98)
  header.writeUInt8(parts.tileType ?? 2, 99)
  header.writeUInt8(parts.minZoom ?? 0, 100)
  header.writeUInt8(parts.maxZoom ?? 1, 101)
  header.writeInt32LE(Math.round(123.3 * 1e7), 102)
  header.writeInt32LE(Math.round(41.7 * 1e7), 106)
  header.writeInt32LE(Math.round(123.6 * 1e7), 110)
  header.writeInt32LE(Math.round(41.9 * 1e7), 114)
  for (const [at, value] of Object.entries(parts.claims ?? {})) u64(Number(at), value)
  return Buffer.concat([header, parts.root, parts.metadata, leaves, parts.data])
}

/** The tiles packed one after another, with their root entries. */
export function packTiles(tiles: FixtureTile[]): { entries: DirEntry[]; data: Uint8Array } {
  const sorted = tiles.map((t) => ({ tileId: zxyToTileId(t.z, t.x, t.y), bytes: t.bytes })).sort((a, b) => a.tileId - b.tileId)
  let offset = 0
  const entries = sorted.map((t) => {
    const e = { tileId: t.tileId, offset, length: t.bytes.length, runLength: 1 }
    offset += t.bytes.length
    return e
  })
  return { entries, data: Buffer.concat(sorted.map((t) => t.bytes)) }
}

export function writeFile(file: string, bytes: Uint8Array): string {
  fs.writeFileSync(file, bytes)
  return file
}

/**
 * Runs `work` while sampling the process's resident memory every few milliseconds; answers its
 * outcome and the highest resident size seen above the size at the start (bytes). Inflates and
 * decoders run off the main thread, so the samples keep coming while they work.
 */
export async function peakMemoryDuring<T>(work: () => Promise<T>): Promise<{ value: T | Error; peakGrowth: number }> {
  globalThis.gc?.()
  const start = process.memoryUsage.rss()
  let peak = start
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5)
  let value: T | Error
  try {
    value = await work()
  } catch (error) {
    value = error as Error
  } finally {
    clearInterval(timer)
  }
  peak = Math.max(peak, process.memoryUsage.rss())
  return { value, peakGrowth: peak - start }
}

// A PNG whose header lies about a huge image: the one builder in photos.ts.
export { pngClaiming } from './photos'
