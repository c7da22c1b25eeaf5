import { parseTilePath, readTile } from './basemaps/tiles'
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
