import { parseTilePath } from './basemaps/tilePaths'
import { readTile } from './basemaps/tiles'
import type { ServiceContext } from './context'
import { readPhoto } from './photos/handlers'
import { EXPORT_ASSET_PATH, findExportByAssetPath } from './exports/files'
import { BACKUP_ASSET_PATH, locateBackup } from './backup/files'

// Binary things the page shows by URL rather than through the API: basemap tiles and site photos,
// and the finished exports and backups it downloads (exports/<id>, backups/<folder>/<id>, sent as attachments).
// Both hosts serve them on the page's own origin (browser /tiles/… and /photos/…, Electron
// app://site-atlas/tiles/… and /photos/…), so the CSP's 'self' covers them, and both hand the
// path to this one reader: a new kind of asset is added here, not in each host.

export type Asset = BytesAsset | FileAsset

export interface BytesAsset {
  bytes: Uint8Array
  contentType: string
  /** How long the browser may keep it, seconds. */
  maxAge: number
}

/** A file to download (an export): streamed from disk rather than read into memory, never cached. */
export interface FileAsset {
  filePath: string
  size: number
  contentType: string
  /** The name the browser saves it under (Content-Disposition: attachment). */
  downloadName: string
  /** The name for clients that read only the ASCII filename (the default: site-atlas-export.<ext>). */
  asciiName?: string
}

/** The asset at a path, null when there is none, 'bad' for a malformed path. */
export type AssetReader = (pathname: string) => Promise<Asset | null | 'bad'>

const TILE_MAX_AGE = 24 * 3600
const PHOTO_MAX_AGE = 3600
// /photos/<id> the kept image, /photos/<id>/thumb its thumbnail, /photos/<id>/original the file as it came.
const PHOTO_PATH = /^\/photos\/([0-9a-f-]{36})(?:\/(thumb|original))?$/i
const PHOTO_VARIANT = { thumb: 'thumbnail', original: 'original' } as const

/** What a host writes out for an asset request: its status, headers and body (null for none). */
export interface AssetResponse {
  status: number
  headers: Record<string, string>
  body: Uint8Array<ArrayBuffer> | string | null
  /** When set (and body is null), the body is this file's bytes, which the host streams. */
  file?: string
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
  if ('filePath' in found) {
    return {
      status: 200,
      headers: {
        'content-type': found.contentType,
        'content-length': String(found.size),
        'content-disposition': attachment(found.downloadName, found.asciiName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
      body: null,
      ...(method === 'HEAD' ? {} : { file: found.filePath }),
    }
  }
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

/**
 * Content-Disposition for a download: an ASCII name for old clients and the real (Chinese) name
 * as RFC 5987 UTF-8, which every current browser prefers.
 */
export function attachment(name: string, asciiName?: string): string {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1] ?? 'bin'
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const plain = asciiName && /^[A-Za-z0-9._-]+$/.test(asciiName) ? asciiName : `site-atlas-export.${ext}`
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`
}

/** The bytes as a Response body accepts them: as they are, copied only if they sit on shared memory. */
function onArrayBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes)
}

/** Paths the hosts hand to the asset reader rather than to their static files. */
export const isAssetPath = (pathname: string): boolean =>
  pathname.startsWith('/tiles/') || pathname.startsWith('/photos/') || pathname.startsWith('/exports/') || pathname.startsWith('/backups/')

export function createAssetReader(ctx: ServiceContext): AssetReader {
  return async (pathname) => {
    if (pathname.startsWith('/tiles/')) {
      const tile = parseTilePath(pathname)
      if (!tile) return 'bad'
      const found = await readTile(ctx, tile.id, tile.z, tile.x, tile.y)
      return found && { ...found, maxAge: TILE_MAX_AGE }
    }
    if (pathname.startsWith('/exports/')) {
      if (!EXPORT_ASSET_PATH.test(pathname)) return 'bad'
      const found = await findExportByAssetPath(ctx.dataDir, pathname)
      return found && { filePath: found.filePath, size: found.size, contentType: found.mime, downloadName: found.fileName }
    }
    if (pathname.startsWith('/backups/')) {
      if (!BACKUP_ASSET_PATH.test(pathname)) return 'bad'
      const found = locateBackup(ctx.dataDir, pathname)
      return found && { filePath: found.filePath, size: found.size, contentType: 'application/octet-stream', downloadName: found.fileName, asciiName: found.fileName }
    }
    const photo = PHOTO_PATH.exec(pathname)
    if (!photo) return 'bad'
    const variant = photo[2] ? PHOTO_VARIANT[photo[2].toLowerCase() as keyof typeof PHOTO_VARIANT] : 'image'
    const found = await readPhoto(ctx, photo[1]!.toLowerCase(), variant)
    return found && { ...found, maxAge: PHOTO_MAX_AGE }
  }
}
