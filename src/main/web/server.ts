import { timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { CONTENT_SECURITY_POLICY } from '../csp'
import { type AssetReader, assetResponse, isAssetPath } from '../services/assets'
import type { Dispatch } from '../services/dispatch'
import { acceptsGzip, type EncodedAnswer, encodeResult } from './encode'
import type { UploadResult } from '../services'
import { MAX_UPLOAD_BYTES, uploadTooLarge } from '../services/uploads/registry'

// The browser host: the built renderer and the API over HTTP, for tests and demos. It listens on
// 127.0.0.1 only and every API call must carry the per-start token: POST /rpc/<method> and
// POST /upload?name=<file name> in the Authorization header; GET /tiles/…, /photos/… and
// /exports/<id> (assets) as ?token= (an <img> or a download link cannot send headers).

export interface WebServerOptions {
  dispatch: Dispatch
  /** When given, answers /rpc/ calls with a ready-made body (the store runtime makes it in a worker). */
  dispatchEncoded?: (method: string, input: unknown, gzipOk: boolean) => Promise<EncodedAnswer>
  /** Serves GET /tiles/<id>/<z>/<x>/<y> and /photos/<id>; without it those paths answer 404. */
  readAsset?: AssetReader
  /** Receives POST /upload bodies, answering failures as envelopes (it never rejects); without it that path answers 404. */
  receiveUpload?: (body: Readable, originalName: string) => Promise<UploadResult>
  /** The built renderer (out/renderer). */
  staticDir: string
  token: string
  /** Largest request body accepted, bytes. */
  maxBody?: number
}


const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

export function createWebServer(options: WebServerOptions): http.Server {
  const maxBody = options.maxBody ?? 20 * 1024 * 1024
  const expected = Buffer.from(`Bearer ${options.token}`)
  const expectedToken = Buffer.from(options.token)
  const same = (given: string, wanted: Buffer) => {
    const bytes = Buffer.from(given)
    return bytes.length === wanted.length && timingSafeEqual(bytes, wanted)
  }

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const send = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' })
      res.end(body)
    }
    // DNS rebinding: a page on another name resolving to 127.0.0.1 must not reach the API.
    const host = req.headers.host ?? ''
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return send(421, 'Misdirected request')

    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const unauthorized = () =>
      send(401, JSON.stringify({ ok: false, error: { code: 'unauthorized', message: '访问令牌无效' } }), 'application/json')

    if (isAssetPath(url.pathname) && options.readAsset) {
      // An <img> cannot send headers: assets carry the token in the query instead.
      if (!same(url.searchParams.get('token') ?? '', expectedToken)) return unauthorized()
      assetResponse(options.readAsset, req.method, url.pathname)
        .then(({ status, headers, body, file }) => {
          res.writeHead(status, headers)
          if (file) streamFile(file, res)
          else res.end(body ?? undefined)
        })
        .catch((error: unknown) => {
          // Only writing can fail here (the client went away, a bad header value).
          console.error('[site-atlas] asset failed:', error)
          if (!res.headersSent) res.writeHead(500)
          res.end()
        })
      return
    }

    if (url.pathname === '/upload' && options.receiveUpload) {
      if (req.method !== 'POST') return send(405, 'Method not allowed')
      if (!same(req.headers.authorization ?? '', expected)) return unauthorized()
      const json = (status: number, body: unknown) => send(status, JSON.stringify(body), 'application/json; charset=utf-8')
      if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) {
        req.resume()
        return json(413, { ok: false, error: uploadTooLarge().toApiError() })
      }
      void options.receiveUpload(req, url.searchParams.get('name') ?? 'upload').then((result) => json(200, result))
      return
    }

    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(405, 'Method not allowed')
      if (!same(req.headers.authorization ?? '', expected)) return unauthorized()
      const method = safeDecode(url.pathname.slice('/rpc/'.length))
      if (method === null) return send(400, 'Bad request')
      readBody(req, maxBody)
        .then(async (body) => {
          let input: unknown
          try {
            input = body.length === 0 ? {} : JSON.parse(body)
          } catch {
            return send(400, JSON.stringify({ ok: false, error: { code: 'invalid', message: '请求内容不是有效的 JSON' } }), 'application/json')
          }
          const gzipOk = acceptsGzip(req.headers['accept-encoding'])
          // The store runtime answers with the body its worker made (and kept, for a kept answer).
          const { body: bytes, gzipped } = options.dispatchEncoded
            ? await options.dispatchEncoded(method, input, gzipOk)
            : await encodeResult(await options.dispatch(method, input), gzipOk)
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-store',
            vary: 'accept-encoding',
            'content-length': bytes.length,
            ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
          })
          res.end(bytes)
        })
        .catch((error: Error) => send(413, error.message))
      return
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed')
    serveStatic(options.staticDir, url.pathname, res, send)
  }

  // Whatever a request holds, it gets an answer and the host keeps serving the others.
  const server = http.createServer((req, res) => {
    try {
      handle(req, res)
    } catch (error) {
      console.error('[site-atlas] request failed:', error)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('Internal error')
    }
  })
  return server
}

/** A download's bytes straight from disk; a read error cuts the response short rather than the host. */
function streamFile(file: string, res: http.ServerResponse): void {
  const stream = fs.createReadStream(file)
  stream.on('error', (error) => {
    console.error('[site-atlas] asset file failed:', error)
    res.destroy()
  })
  stream.pipe(res)
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new Error('请求内容过大'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

function serveStatic(
  root: string,
  pathname: string,
  res: http.ServerResponse,
  send: (status: number, body: string) => void,
): void {
  // A malformed escape (%E0%A4%A) is a bad request, not a reason for the host to fall over.
  const relative = safeDecode(pathname === '/' ? '/index.html' : pathname)
  if (relative === null || relative.includes('\0')) return send(400, 'Bad request')
  const file = path.resolve(root, `.${relative}`)
  if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'Forbidden')
  fs.readFile(file, (error, data) => {
    if (error) return send(404, 'Not found')
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'
    res.writeHead(200, {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
    })
    res.end(data)
  })
}
