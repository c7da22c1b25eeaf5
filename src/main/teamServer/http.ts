import type { IncomingMessage, ServerResponse } from 'node:http'
import { SERVER_MAX_BODY_BYTES, type ServerError, type ServerErrorCode } from '../../shared/syncProtocol'

// The plain HTTP chores of the protocol: a bounded body, JSON out, errors as { error, message }.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/** `close`: the connection cannot be reused (a declared body left unread would be taken for the next request). */
export const tooLarge = (close = false, limit = SERVER_MAX_BODY_BYTES) =>
  new HttpError(413, 'too_large', `请求内容：超过 ${describeBytes(limit)} 的上限`, close ? { connection: 'close' } : {})

const describeBytes = (bytes: number) => (bytes >= 1024 ** 2 ? `${Math.round(bytes / 1024 ** 2)} MB` : `${Math.round(bytes / 1024)} KB`)

/** The request body, refused past `limit` bytes (a declared length is judged before reading any). */
export function readBody(req: IncomingMessage, limit = SERVER_MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0')
  if (declared > limit) return Promise.reject(tooLarge(true, limit))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > limit) {
        done = true
        chunks.length = 0
        reject(tooLarge(false, limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (done) return
      done = true
      resolve(Buffer.concat(chunks))
    })
    req.on('error', (error) => {
      if (done) return
      done = true
      reject(error)
    })
  })
}

export async function readJson(req: IncomingMessage, limit = SERVER_MAX_BODY_BYTES): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '')
  if (!/^application\/json\b/i.test(type)) throw new HttpError(400, 'invalid', '请求内容：应为 JSON（Content-Type: application/json）')
  const body = await readBody(req, limit)
  try {
    return JSON.parse(body.toString('utf8')) as unknown
  } catch {
    throw new HttpError(400, 'invalid', '请求内容：不是有效的 JSON')
  }
}

const COMMON_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

export function sendBytes(res: ServerResponse, bytes: Buffer): void {
  res.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'application/octet-stream', 'content-length': bytes.length })
  res.end(bytes)
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body: ServerError = { error: error.code, message: error.message }
  // The rest of a body refused part-way is read and dropped by node:http (bounded by the server's
  // request timeout), so the client gets this answer rather than a reset connection.
  sendJson(res, error.status, body, error.headers)
}
