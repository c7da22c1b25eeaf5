import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { imageSize } from 'image-size'

// What a map package may make us read, allocate or inflate. A package is a file someone hands
// us: its headers, directories and compressed parts can claim anything, so every size is checked
// before it is read and every inflate stops at its cap (not after inflating what the file asks).

/** One tile's bytes as stored: real raster tiles (256/512 px, @2x too) are far below this. */
export const MAX_TILE_BYTES = 4 * 1024 * 1024
/** One tile's edge in pixels, from its image header: a 1024 px @2x tile fits, a 20000 px "tile" does not. */
export const MAX_TILE_EDGE = 4096
/** A PMTiles directory (root or leaf) inflated: ~500 000 entries, more than any real leaf holds. */
export const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024
/** A PMTiles archive's JSON metadata inflated: a raster archive's is a few KB. */
export const MAX_METADATA_BYTES = 1024 * 1024
/** The spec (v3): header and root directory lie within the archive's first 16 KiB. */
export const PMTILES_ROOT_SPAN = 16 * 1024

const gunzip = promisify(zlib.gunzip)
const brotli = promisify(zlib.brotliDecompress)

/** Thrown when inflated bytes would pass their cap; the callers turn it into their own sentence. */
export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`解压后超过 ${limit} 字节`)
    this.name = 'InflateLimitError'
  }
}

/**
 * Gzip or brotli bytes inflated, stopping at `limit` bytes out (zlib's maxOutputLength ends the
 * inflate there: a 1 MB bomb claiming 1 GiB costs at most `limit`). Inflates off the main thread.
 */
export async function inflateCapped(bytes: Uint8Array, method: 'gzip' | 'brotli', limit: number): Promise<Uint8Array> {
  try {
    const out = method === 'gzip' ? await gunzip(bytes, { maxOutputLength: limit }) : await brotli(bytes, { maxOutputLength: limit })
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError(limit)
    throw error
  }
}

/**
 * True when tile bytes are within the per-tile limits: the byte cap, and, when the header of an
 * image can be read, its pixel edges (a browser decodes whatever a tile claims).
 */
export function tileWithinLimits(bytes: Uint8Array): boolean {
  if (bytes.byteLength > MAX_TILE_BYTES) return false
  let size: { width?: number; height?: number }
  try {
    size = imageSize(bytes)
  } catch {
    return true // not an image header image-size knows: served as is, the byte cap holds
  }
  return (size.width ?? 0) <= MAX_TILE_EDGE && (size.height ?? 0) <= MAX_TILE_EDGE
}
