import { APP_VERSION } from '../context'
import { CONTENT_TYPES, sniffImage } from './format'
import { isLoopback } from './plainHttp'
import { flipY } from './tileMath'

// Online XYZ tile sources: expanding the URL template and fetching one tile with a timeout.

export const FETCH_TIMEOUT_MS = 8000
/** A tile larger than this is not a map tile. */
const MAX_TILE_BYTES = 8 * 1024 * 1024
const DEFAULT_SUBDOMAINS = ['a', 'b', 'c']
/** Redirects followed for one tile (a CDN's one or two); more is a loop. */
const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/**
 * The URL of tile z/x/y: {z} {x} {y}, {-y} (the TMS row), {s} (a, b or c) and {switch:0,1,2}
 * (one of the listed subdomains, e.g. Tianditu's t0 … t7). The subdomain depends on the tile
 * only, so a tile always comes from the same host and caches agree.
 */
export function expandTemplate(template: string, z: number, x: number, y: number): string {
  const pick = (options: string[]) => options[Math.abs(x + y) % options.length]!
  return template.replace(/\{(z|x|y|-y|s|switch:([^{}]+))\}/g, (_match, name: string, options: string | undefined) => {
    if (name === 'z') return String(z)
    if (name === 'x') return String(x)
    if (name === 'y') return String(y)
    if (name === '-y') return String(flipY(y, z))
    if (name === 's') return pick(DEFAULT_SUBDOMAINS)
    return pick(options!.split(',').map((o) => o.trim()))
  })
}

export type FetchOutcome =
  | { ok: true; bytes: Uint8Array; contentType: string }
  /** missing: the server answered that there is no tile here (404, 204); otherwise it failed. */
  | { ok: false; missing: boolean; reason: string }

/** Fetches one tile; never throws. Only images (png, jpg, webp, gif) count as tiles. */
export async function fetchTile(url: string, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<FetchOutcome> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  let response: Response
  try {
    // Redirects followed here, not by fetch, so that none takes a tile off https (or to another
    // plain-http machine than the one the person confirmed) without a word.
    let current = new URL(url)
    for (let hops = 0; ; hops += 1) {
      response = await fetch(current, {
        signal,
        redirect: 'manual',
        headers: { accept: 'image/webp,image/png,image/jpeg,image/*', 'user-agent': `SiteAtlas/${APP_VERSION}` },
      })
      if (!REDIRECT_STATUSES.has(response.status)) break
      await response.body?.cancel()
      const location = response.headers.get('location')
      const next = location !== null && URL.canParse(location, current) ? new URL(location, current) : null
      const refusal = redirectRefusal(current, next, hops)
      if (refusal) return { ok: false, missing: false, reason: refusal }
      current = next!
    }
  } catch (error) {
    const reason = timeout.aborted ? `连接超时（${Math.round((options.timeoutMs ?? FETCH_TIMEOUT_MS) / 1000)} 秒）` : describe(error)
    return { ok: false, missing: false, reason }
  }
  try {
    if (response.status === 404 || response.status === 204) {
      await response.body?.cancel()
      return { ok: false, missing: true, reason: `服务器没有该瓦片（HTTP ${response.status}）` }
    }
    if (!response.ok) {
      await response.body?.cancel()
      return { ok: false, missing: false, reason: `服务器拒绝（HTTP ${response.status}）` }
    }
    const declared = Number(response.headers.get('content-length') ?? 0)
    if (declared > MAX_TILE_BYTES) {
      await response.body?.cancel()
      return { ok: false, missing: false, reason: '返回内容过大，不是地图瓦片' }
    }
    const bytes = new Uint8Array(await response.arrayBuffer())
    if (bytes.length === 0) return { ok: false, missing: true, reason: '服务器返回了空瓦片' }
    if (bytes.length > MAX_TILE_BYTES) return { ok: false, missing: false, reason: '返回内容过大，不是地图瓦片' }
    const format = sniffImage(bytes)
    // e.g. an XML or JSON error page for a wrong key, sent with status 200
    if (!format) return { ok: false, missing: false, reason: '返回的不是图片（请检查地址模板和密钥）' }
    return { ok: true, bytes, contentType: CONTENT_TYPES[format] }
  } catch (error) {
    return { ok: false, missing: false, reason: timeout.aborted ? '读取超时' : describe(error) }
  }
}

/** Why a tile's redirect from `from` to `to` is not followed; null when it may be. */
export function redirectRefusal(from: URL, to: URL | null, hops: number): string | null {
  if (!to) return `服务器要求跳转（HTTP 3xx），但没有给出有效的地址`
  if (hops >= MAX_REDIRECTS) return `服务器跳转超过 ${MAX_REDIRECTS} 次，已停止`
  if (to.protocol !== 'https:' && to.protocol !== 'http:') return `服务器要求跳转到不是网页的地址（${to.protocol}），已拒绝`
  if (to.protocol === 'https:') return null
  if (from.protocol === 'https:') return `服务器把 https 请求转到了未加密的 http 地址（${to.host}），已拒绝；请检查地址模板或联系瓦片服务提供方`
  // http to http: the same machine the person confirmed, or loopback to loopback.
  if (to.host === from.host || (isLoopback(from.hostname) && isLoopback(to.hostname))) return null
  return `服务器把请求转到了另一台机器的未加密 http 地址（${to.host}），已拒绝`
}

function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'AbortError') return '已取消'
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null
  return `无法连接瓦片服务器（${cause ?? (error instanceof Error ? error.message : String(error))}）`
}
