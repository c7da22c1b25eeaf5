import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { PassThrough, type Readable } from 'node:stream'
import { CONTENT_SECURITY_POLICY } from '../csp'
import { type AssetReader, assetResponse, isAssetPath } from '../services/assets'
import type { Dispatch } from '../services/dispatch'
import { acceptsGzip, type EncodedAnswer, encodeResult } from './encode'
import type { UploadResult } from '../services'
import { MAX_UPLOAD_BYTES, uploadTooLarge } from '../services/uploads/registry'
import { accessCheck, tokenCookie } from './access'
import { refuseWhileReading } from './refuse'

// The browser host: the built renderer and the API over HTTP, for tests and demos. It listens on
// 127.0.0.1 only and every API call must carry the per-start token (access.ts): the page opened at
// the printed /?token=… address is answered with an HttpOnly cookie and sent to the same address
// without the token, and from then on the cookie carries it: POST /rpc/<method>, POST
// /upload?name=<file name>, GET /tiles/…, /photos/… and /exports/<id> (assets). Scripts may send
// it as Authorization: Bearer instead (and assets as ?token=). A POST must come from the host's
// own page (Origin, Sec-Fetch-Site); a body over its limit is answered 413 (refuse.ts).

export interface WebServerOptions {
  dispatch: Dispatch
  /** When given, answers /rpc/ calls with a ready-made body (the store runtime makes it in a worker). */
  dispatchEncoded?: (method: string, input: unknown, gzipOk: boolean) => Promise<EncodedAnswer>
  /** Serves GET /tiles/<id>/<z>/<x>/<y> and /photos/<id>; without it those paths answer 404. */
  readAsset?: AssetReader
  /** Receives POST /upload bodies, answering failures as envelopes (it never rejects); without it that path answers 404. */
  receiveUpload?: (body: Readable, originalName: string, declaredBytes?: number) => Promise<UploadResult>
  /** The built renderer (out/renderer). */
  staticDir: string
  token: string
  /** Largest request body accepted, bytes. */
  maxBody?: number
  /** Largest upload body accepted, bytes (the receiver may refuse less: quota, free space). */
  maxUpload?: number
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
  const maxUpload = options.maxUpload ?? MAX_UPLOAD_BYTES
  const access = accessCheck(options.token)

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const send = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' })
      res.end(body)
    }
    // DNS rebinding: a page on another name resolving to 127.0.0.1 must not reach the API.
    const host = req.headers.host ?? ''
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return send(421, 'Misdirected request')

    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const UNAUTHORIZED = JSON.stringify({ ok: false, error: { code: 'unauthorized', message: '访问令牌无效' } })
    const FORBIDDEN = JSON.stringify({ ok: false, error: { code: 'unauthorized', message: '拒绝访问：请求不是来自本机 Site Atlas 页面' } })
    /** Answers a request that may not proceed; a POST's body may still be arriving, so it is read away. */
    const deny = (verdict: 'unauthorized' | 'forbidden') =>
      refuseWhileReading(req, res, verdict === 'forbidden' ? 403 : 401, verdict === 'forbidden' ? FORBIDDEN : UNAUTHORIZED)

    if (isAssetPath(url.pathname) && options.readAsset) {
      const verdict = access.check(req, url, { acts: false, queryToken: true })
      if (verdict !== 'granted') return deny(verdict)
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
      const verdict = access.check(req, url, { acts: true, queryToken: false })
      if (verdict !== 'granted') return deny(verdict)
      const declared = declaredLength(req)
      if (declared !== undefined && declared > maxUpload) {
        return refuseWhileReading(req, res, 413, JSON.stringify({ ok: false, error: uploadTooLarge(maxUpload).toApiError() }))
      }
      // The receiver reads a pass-through, not the request: when it stops early (too large, no
      // room) the request is still ours to read away, so the client gets the answer, not a reset.
      let seen = 0
      const body = new PassThrough()
      req.on('data', (chunk: Buffer) => {
        seen += chunk.length
        if (seen > maxUpload) body.destroy(uploadTooLarge(maxUpload))
      })
      // A client that goes away mid-body ends the receiver's read too (pipe passes no abort on),
      // so it deletes its part file.
      req.once('close', () => {
        if (!req.complete) body.destroy(new Error('上传中断：客户端已断开'))
      })
      req.pipe(body)
      void options.receiveUpload(body, url.searchParams.get('name') ?? 'upload', declared).then((result) => {
        const text = JSON.stringify(!result.ok && seen > maxUpload ? { ok: false, error: uploadTooLarge(maxUpload).toApiError() } : result)
        // Refused before the whole body came (too large, the quota, the disk): 413, the rest read away.
        if (!req.complete) return refuseWhileReading(req, res, 413, text)
        send(200, text, 'application/json; charset=utf-8')
      })
      return
    }

    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(405, 'Method not allowed')
      const verdict = access.check(req, url, { acts: true, queryToken: false })
      if (verdict !== 'granted') return deny(verdict)
      const method = safeDecode(url.pathname.slice('/rpc/'.length))
      if (method === null) return refuseWhileReading(req, res, 400, 'Bad request', 'text/plain; charset=utf-8')
      const tooLarge = () => refuseWhileReading(req, res, 413, JSON.stringify({ ok: false, error: { code: 'invalid', message: `请求内容过大：超过 ${Math.round(maxBody / 1024 / 1024)} MB 上限` } }))
      const declared = declaredLength(req)
      if (declared !== undefined && declared > maxBody) return tooLarge()
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
        .catch((error: unknown) => {
          if (error instanceof BodyTooLarge) return tooLarge()
          console.error('[site-atlas] rpc failed:', error)
          if (!res.headersSent) send(500, 'Internal error')
          else res.end()
        })
      return
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed')
    // The printed address's first load: the token moves into a cookie and out of the address (and
    // so out of the history, bookmarks and what is shared by copying the address bar).
    if (url.searchParams.has('token') && access.queryTokenValid(url)) {
      url.searchParams.delete('token')
      res.writeHead(303, {
        location: `${url.pathname}${url.search}`,
        'set-cookie': tokenCookie(host, options.token),
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      })
      return res.end()
    }
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

class BodyTooLarge extends Error {}

/** The Content-Length a request declares; undefined for a chunked body (or a header that is not a number). */
function declaredLength(req: http.IncomingMessage): number | undefined {
  const header = req.headers['content-length']
  if (header === undefined || !/^\d+$/.test(header)) return undefined
  return Number(header)
}

/** A request body up to `limit` bytes; past it, rejects with BodyTooLarge and stops collecting (the request is left readable). */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeListener('data', onData)
        req.pause()
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
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
