import { parseTilePath } from './basemaps/tilePaths'
import { readTile } from './basemaps/tiles'
import type { ServiceContext } from './context'
import { readPhoto } from './photos/handlers'

// Binary things the page shows by URL rather than through the API: basemap tiles and site photos.
// Both hosts serve them on the page's own origin (browser /tiles/… and /photos/…, Electron
// app://site-atlas/tiles/… and /photos/…), so the CSP's 'self' covers them, and both hand the
// path to this one reader: a new kind of asset is added here, not in each host.

export interface Asset {
  bytes: Uint8Array
  contentType: string
  /** How long the browser may keep it, seconds. */
  maxAge: number
}

/** The asset at a path, null when there is none, 'bad' for a malformed path. */
export type AssetReader = (pathname: string) => Promise<Asset | null | 'bad'>

const TILE_MAX_AGE = 24 * 3600
const PHOTO_MAX_AGE = 3600
const PHOTO_PATH = /^\/photos\/([0-9a-f-]{36})$/i

/** What a host writes out for an asset request: its status, headers and body (null for none). */
export interface AssetResponse {
  status: number
  headers: Record<string, string>
  body: Uint8Array<ArrayBuffer> | string | null
}

/** An asset request's whole answer (405, 400, 204, 200 or 500); the hosts only write it out. */
export async function assetResponse(readAsset: AssetReader, method: string | undefined, pathname: string): Promise<AssetResponse> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed')
  let found: Awaited<ReturnType<AssetReader>>
  try {
    found = await readAsset(pathname)
  } catch (error) {
    console.error('[site-atlas] asset failed:', error)
    return plain(500, 'Asset error')
  }
  if (found === 'bad') return plain(400, 'Bad asset path')
  if (!found) return { status: 204, headers: { 'cache-control': 'no-store' }, body: null }
  return {
    status: 200,
    headers: {
      'content-type': found.contentType,
      'content-length': String(found.bytes.byteLength),
      'x-content-type-options': 'nosniff',
      'cache-control': `private, max-age=${found.maxAge}`,
    },
    body: method === 'HEAD' ? null : onArrayBuffer(found.bytes),
  }
}

function plain(status: number, text: string): AssetResponse {
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' },
    body: text,
  }
}

/** The bytes as a Response body accepts them: as they are, copied only if they sit on shared memory. */
function onArrayBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes)
}

/** Paths the hosts hand to the asset reader rather than to their static files. */
export const isAssetPath = (pathname: string): boolean => pathname.startsWith('/tiles/') || pathname.startsWith('/photos/')

export function createAssetReader(ctx: ServiceContext): AssetReader {
  return async (pathname) => {
    if (pathname.startsWith('/tiles/')) {
      const tile = parseTilePath(pathname)
      if (!tile) return 'bad'
      const found = await readTile(ctx, tile.id, tile.z, tile.x, tile.y)
      return found && { ...found, maxAge: TILE_MAX_AGE }
    }
    const photo = PHOTO_PATH.exec(pathname)
    if (!photo) return 'bad'
    const found = await readPhoto(ctx, photo[1]!.toLowerCase())
    return found && { ...found, maxAge: PHOTO_MAX_AGE }
  }
}
