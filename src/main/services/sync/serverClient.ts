import { createHash } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import { z } from 'zod'
import type { SyncOp } from '../../../shared/sync'
import {
  type LoginResponse,
  PROTOCOL_PREFIX,
  type PullResponse,
  type PushResponse,
  SERVER_MAX_BODY_BYTES,
  SERVER_ROLES,
  type ServerErrorCode,
  type WhoAmI,
} from '../../../shared/syncProtocol'

// A laptop's side of the team server protocol (shared/syncProtocol.ts): one small HTTP client over
// node:http/https rather than the global fetch, because a team's server often has a certificate of
// its own and fetch cannot be given a CA without the undici package (see serverTrust.ts). Every call
// has a deadline and an idle limit and stops with the caller's AbortSignal; every answer is read up
// to a byte limit and checked against the protocol before it is used; every failure becomes a
// ServerCallError with a Chinese sentence.

/** How a call failed, for the sync run (which of them sign the person out, which mean offline). */
export type ServerFailure =
  | 'offline'
  | 'untrusted'
  | 'bad_password'
  | 'signed_out'
  | 'token_expired'
  | 'forbidden'
  | 'too_large'
  | 'refused'
  | 'not_found'
  | 'server_error'
  | 'not_a_server'
  | 'aborted'

export class ServerCallError extends Error {
  constructor(
    readonly failure: ServerFailure,
    message: string,
  ) {
    super(message)
    this.name = 'ServerCallError'
  }
}

export const OFFLINE_MESSAGE = '无法连接服务器（离线？）'
export const EXPIRED_MESSAGE = '登录已过期，请重新登录'
export const SIGNED_OUT_MESSAGE = '尚未登录团队服务器，请先登录'
export const BAD_PASSWORD_MESSAGE = '账号或密码不正确'
export const FORBIDDEN_MESSAGE = '没有上传权限（只读账号）'

export interface ClientOptions {
  /** The server's address as set (http(s)://host[:port][/prefix]). */
  url: string
  token?: string | null
  /** Certificates to trust for https (serverTrust.ts); undefined: the system's. */
  ca?: string[]
  /** Stops every call (the app closing, the person cancelling). */
  signal?: AbortSignal
  /** A call's whole time; default 2 minutes (a page of operations, a photo on a slow line). */
  timeoutMs?: number
  /** No byte received for this long: the line is gone; default 20 s. */
  idleMs?: number
}

interface Answer {
  status: number
  body: Buffer
  contentType: string
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN',
  'ENETDOWN', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'ERR_SOCKET_CONNECTION_TIMEOUT',
])
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO/

const opSchema = z.object({
  id: z.string().max(300),
  hlc: z.string().max(200),
  device: z.string().max(200),
  actor: z.string().max(500),
  at: z.string().max(100),
  table: z.string().max(100),
  row: z.string().max(300),
  op: z.enum(['insert', 'update', 'delete', 'restore']),
  field: z.string().max(200).nullable(),
  old: z.string().nullable(),
  value: z.string().nullable(),
  pred: z.array(z.string().max(300)).max(10_000),
})
const loginSchema = z.object({
  token: z.string().min(1).max(4096),
  expiresAt: z.string().max(100).refine((s) => !Number.isNaN(Date.parse(s))),
  user: z.string().max(200),
  role: z.enum(SERVER_ROLES),
  serverId: z.string().min(1).max(200),
})
const whoamiSchema = loginSchema.omit({ token: true })
const pushSchema = z.object({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  missingBlobs: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(1_000_000),
})
const pullSchema = z.object({ ops: z.array(opSchema), cursor: z.string().max(1000), more: z.boolean() })
const errorSchema = z.object({ error: z.string(), message: z.string().max(2000) })

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export class ServerClient {
  private readonly base: URL
  token: string | null

  constructor(private readonly options: ClientOptions) {
    this.base = new URL(options.url.replace(/\/+$/, '') + PROTOCOL_PREFIX + '/')
    this.token = options.token ?? null
  }

  async login(user: string, password: string, device: string): Promise<LoginResponse> {
    return this.json('POST', 'login', loginSchema, { user, password, device }, { login: true })
  }

  async whoami(): Promise<WhoAmI> {
    return this.json('GET', 'whoami', whoamiSchema)
  }

  async push(ops: readonly SyncOp[]): Promise<PushResponse> {
    return this.json('POST', 'push', pushSchema, { ops })
  }

  async pull(after: string | null, limit: number): Promise<PullResponse> {
    const query = new URLSearchParams({ limit: String(limit) })
    if (after !== null) query.set('after', after)
    return this.json('GET', `pull?${query.toString()}`, pullSchema) as Promise<PullResponse>
  }

  /** A photo's bytes, checked against their digest; null when the server does not hold them. */
  async getBlob(digest: string): Promise<Uint8Array | null> {
    const answer = await this.call('GET', `blobs/${digest}`)
    if (answer.status === 404) return null
    this.refuse(answer)
    if (sha256(answer.body) !== digest) throw new ServerCallError('not_a_server', `服务器发来的照片与其摘要不符（${digest.slice(0, 12)}…）`)
    return new Uint8Array(answer.body)
  }

  async putBlob(digest: string, bytes: Uint8Array): Promise<void> {
    this.refuse(await this.call('PUT', `blobs/${digest}`, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'application/octet-stream'))
  }

  private async json<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown, how: { login?: boolean } = {}): Promise<T> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    if (payload && payload.byteLength > SERVER_MAX_BODY_BYTES) throw new ServerCallError('too_large', '要上传的数据超过服务器的上限')
    const answer = await this.call(method, path, payload, 'application/json')
    this.refuse(answer, how)
    let parsed: unknown
    try {
      parsed = JSON.parse(answer.body.toString('utf8'))
    } catch {
      throw notAServer(this.base)
    }
    const checked = schema.safeParse(parsed)
    if (!checked.success) throw notAServer(this.base)
    return checked.data
  }

  /** An error answer as the person reads it. */
  private refuse(answer: Answer, how: { login?: boolean } = {}): void {
    if (answer.status >= 200 && answer.status < 300) return
    let code: ServerErrorCode | null = null
    let message = ''
    try {
      const parsed = errorSchema.safeParse(JSON.parse(answer.body.toString('utf8')))
      if (parsed.success) {
        code = parsed.data.error as ServerErrorCode
        message = parsed.data.message
      }
    } catch {
      // not the protocol's error body: judged by the status alone
    }
    if (code === null && answer.status !== 500 && answer.status !== 413) throw notAServer(this.base, answer.status)
    const said = message ? `：${message}` : ''
    if (code === 'token_expired') throw new ServerCallError('token_expired', EXPIRED_MESSAGE)
    // At sign-in the server's own sentence says which (a wrong password, too many tries, an account disabled).
    if (how.login && (code === 'unauthorized' || code === 'forbidden')) throw new ServerCallError('bad_password', message || BAD_PASSWORD_MESSAGE)
    if (code === 'unauthorized' || answer.status === 401) throw new ServerCallError('signed_out', EXPIRED_MESSAGE)
    if (code === 'forbidden' || answer.status === 403) throw new ServerCallError('forbidden', FORBIDDEN_MESSAGE)
    if (code === 'too_large' || answer.status === 413) throw new ServerCallError('too_large', `服务器拒绝：数据超过上限${said}`)
    if (code === 'not_found' || answer.status === 404) throw new ServerCallError('not_found', `服务器上找不到${said}`)
    if (code === 'invalid' || answer.status === 400) throw new ServerCallError('refused', `服务器拒绝了请求${said}`)
    throw new ServerCallError('server_error', `服务器出错（${answer.status}）${said}`)
  }

  private call(method: string, path: string, body?: Buffer, contentType?: string): Promise<Answer> {
    const url = new URL(path, this.base)
    const { signal: outer, timeoutMs = 120_000, idleMs = 20_000, ca } = this.options
    if (outer?.aborted) return Promise.reject(new ServerCallError('aborted', '同步已中止'))
    const signal = outer ? AbortSignal.any([outer, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs)
    const headers: Record<string, string> = { accept: 'application/json' }
    if (this.token) headers.authorization = `Bearer ${this.token}`
    if (body) {
      headers['content-type'] = contentType ?? 'application/octet-stream'
      headers['content-length'] = String(body.byteLength)
    }
    const secure = url.protocol === 'https:'
    const request = secure ? https.request : http.request
    return new Promise<Answer>((resolve, reject) => {
      const fail = (error: unknown) => reject(describeNetworkError(error, url, outer))
      const req = request(url, { method, headers, signal, ...(secure && ca ? { ca } : {}) }, (res) => {
        const declared = Number(res.headers['content-length'] ?? NaN)
        if (declared > SERVER_MAX_BODY_BYTES) {
          req.destroy()
          reject(new ServerCallError('too_large', '服务器的回答超过上限'))
          return
        }
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.byteLength
          if (size > SERVER_MAX_BODY_BYTES) {
            req.destroy()
            reject(new ServerCallError('too_large', '服务器的回答超过上限'))
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), contentType: String(res.headers['content-type'] ?? '') }))
        res.on('error', fail)
        res.on('aborted', () => fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })))
      })
      req.setTimeout(idleMs, () => req.destroy(Object.assign(new Error('idle'), { code: 'ETIMEDOUT' })))
      req.on('error', fail)
      req.end(body)
    })
  }
}

function notAServer(base: URL, status?: number): ServerCallError {
  const origin = base.origin
  return new ServerCallError('not_a_server', `${origin} 不是招商资源图团队服务器，或版本不符${status ? `（HTTP ${status}）` : ''}`)
}

function describeNetworkError(error: unknown, url: URL, outer: AbortSignal | undefined): ServerCallError {
  if (error instanceof ServerCallError) return error
  if (outer?.aborted) return new ServerCallError('aborted', '同步已中止')
  const e = error as NodeJS.ErrnoException & { name?: string }
  const code = e.code ?? ''
  if (TLS_CODES.test(code) || /certificate|SSL|TLS/i.test(e.message ?? '')) {
    return new ServerCallError(
      'untrusted',
      `服务器证书不受信任（${code || e.message}）：请向管理员索取团队服务器的 CA 证书，放在数据文件夹的 server-ca.pem`,
    )
  }
  if (NETWORK_CODES.has(code) || e.name === 'AbortError' || e.name === 'TimeoutError' || code === 'ABORT_ERR') {
    return new ServerCallError('offline', `${OFFLINE_MESSAGE}：${url.host} 没有回应`)
  }
  return new ServerCallError('offline', `${OFFLINE_MESSAGE}：${e.message ?? String(error)}`)
}
