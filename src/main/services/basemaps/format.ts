// Tile image formats: what a basemap may hold (raster only) and how to recognise bytes.

export type TileFormat = 'png' | 'jpg' | 'webp'

export const CONTENT_TYPES: Record<TileFormat | 'gif', string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
}

/** The image format of tile bytes by their signature, or null when they are no image we serve. */
export function sniffImage(bytes: Uint8Array): TileFormat | 'gif' | null {
  const b = bytes
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png'
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg'
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp'
  if (b.length >= 6 && ascii(b, 0, 4) === 'GIF8') return 'gif'
  return null
}

/** True for gzip-compressed bytes, which in a tile package means vector tiles (pbf). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/** A package's declared format name as one of ours; 'vector' for pbf/mvt; null for anything else. */
export function normaliseFormat(declared: string): TileFormat | 'vector' | null {
  const f = declared.trim().toLowerCase()
  if (f === 'png') return 'png'
  if (f === 'jpg' || f === 'jpeg') return 'jpg'
  if (f === 'webp') return 'webp'
  if (f === 'pbf' || f === 'mvt' || f === 'mlt') return 'vector'
  return null
}

/** The content type to serve tile bytes with: their signature first, then the package's declared format. */
export function contentTypeOf(bytes: Uint8Array, declared: TileFormat | null): string {
  const sniffed = sniffImage(bytes)
  if (sniffed) return CONTENT_TYPES[sniffed]
  return declared ? CONTENT_TYPES[declared] : 'application/octet-stream'
}

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to))
}
