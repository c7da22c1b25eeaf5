import { timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Dispatch } from '../services/dispatch'

// The browser host: the built renderer and the API over HTTP, for tests and demos. It listens on
// 127.0.0.1 only and every API call must carry the per-start token.

export interface WebServerOptions {
  dispatch: Dispatch
  /** The built renderer (out/renderer). */
  staticDir: string
  token: string
  /** Largest request body accepted, bytes. */
  maxBody?: number
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

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

  const server = http.createServer((req, res) => {
    const send = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' })
      res.end(body)
    }
    // DNS rebinding: a page on another name resolving to 127.0.0.1 must not reach the API.
    const host = req.headers.host ?? ''
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return send(421, 'Misdirected request')

    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(405, 'Method not allowed')
      const given = Buffer.from(req.headers.authorization ?? '')
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return send(401, JSON.stringify({ ok: false, error: { code: 'unauthorized', message: '访问令牌无效' } }), 'application/json')
      }
      const method = decodeURIComponent(url.pathname.slice('/rpc/'.length))
      readBody(req, maxBody)
        .then(async (body) => {
          let input: unknown
          try {
            input = body.length === 0 ? {} : JSON.parse(body)
          } catch {
            return send(400, JSON.stringify({ ok: false, error: { code: 'invalid', message: '请求内容不是有效的 JSON' } }), 'application/json')
          }
          const result = await options.dispatch(method, input)
          send(200, JSON.stringify(result), 'application/json; charset=utf-8')
        })
        .catch((error: Error) => send(413, error.message))
      return
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed')
    serveStatic(options.staticDir, url.pathname, res, send)
  })
  return server
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

function serveStatic(
  root: string,
  pathname: string,
  res: http.ServerResponse,
  send: (status: number, body: string) => void,
): void {
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname)
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
