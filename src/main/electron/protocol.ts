import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { protocol } from 'electron'
import { type AssetReader, assetResponse, isAssetPath } from '../services/assets'
import { CONTENT_SECURITY_POLICY } from '../csp'
import { APP_HOST, APP_SCHEME } from './origin'

// The built renderer is served from app://site-atlas/… rather than file://, so the page has a
// real origin of its own (the IPC sender check and navigation guards rely on it) and file://
// never becomes a trusted place. Basemap tiles and site photos are served on the same origin
// (app://site-atlas/tiles/…, /photos/…), so the page's CSP ('self') covers them and the renderer
// never reaches the network itself.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
}

/** Must run before the app's ready event: privileges cannot be granted afterwards. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves `root` (out/renderer) and, given a reader, basemap tiles on app://site-atlas/. Call after ready. */
export function serveAppScheme(root: string, readAsset?: AssetReader): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root, readAsset))
}

/** The handler itself, free of Electron so it can be tested with plain Requests. */
export function createAppRequestHandler(root: string, readAsset?: AssetReader): (request: Request) => Promise<Response> {
  const base = path.resolve(root)
  return async (request) => {
    if (readAsset) {
      const asset = assetPath(request.url)
      if (asset) {
        const { status, headers, body, file } = await assetResponse(readAsset, request.method, asset)
        // An export is streamed from disk rather than read into memory.
        const stream = file ? (Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>) : body
        return new Response(stream, { status, headers })
      }
    }
    const file = resolveAppFile(base, request.url)
    if (file === null) return plain(403, 'Forbidden')
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
    let body: Buffer
    try {
      body = await fs.readFile(file)
    } catch {
      return plain(404, 'Not found')
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      },
    })
  }
}

/**
 * The file a request names inside `base`, or null when the URL is not ours or would leave `base`
 * (`..`, encoded `%2e%2e` or `%2f`, backslashes, NUL bytes).
 */
export function resolveAppFile(base: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let relative: string
  try {
    relative = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (relative.includes('\0') || relative.includes('\\')) return null
  if (relative.split('/').some((segment) => segment === '..')) return null
  if (relative === '/' || relative === '') relative = '/index.html'
  const file = path.resolve(base, `.${relative}`)
  if (!file.startsWith(base + path.sep)) return null
  return file
}

/** The asset path (tiles, photos) an app://site-atlas/… URL names; null for any other URL. */
function assetPath(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || !isAssetPath(parsed.pathname)) return null
  return parsed.pathname
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
