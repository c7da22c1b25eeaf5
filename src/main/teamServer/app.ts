import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type pg from 'pg'
import {
  type LoginRequest,
  type LoginResponse,
  PROTOCOL_PREFIX,
  type ServerRole,
  TOKEN_LIFETIME_HOURS,
  type WhoAmI,
} from '../../shared/syncProtocol'
import { HttpError, readBody, readJson, sendBytes, sendError, sendJson } from './http'
import { hashPassword, PASSWORD_PARAMS, type PasswordHash, type ScryptParams, verifyPassword, weakerThan } from './passwords'
import * as accounts from './pg/accounts'
import { pullOps, pushOps, readBlob, storeBlob } from './pg/ops'
import { AddressThrottle, waitSeconds } from './throttle'
import { describeIssue, loginRequestSchema, parsePullQuery, pushRequestSchema } from './validate'

// The protocol's routes (shared/syncProtocol.ts) over one PostgreSQL pool. Stateless but for the
// per-address login throttle: any number of instances can serve one database.

export interface AppOptions {
  pool: pg.Pool
  serverId: string
  /** Hashing cost for passwords set or upgraded here (tests lower it; the default is the real one). */
  passwordParams?: ScryptParams
  /** Where unexpected errors are told (stderr by default). */
  log?: (line: string) => void
  /** Logins checked at once by this instance; more are answered 503 (default MAX_CONCURRENT_LOGINS). */
  maxConcurrentLogins?: number
}

/** 4 × 128 MiB of scrypt memory at most, per instance. */
export const MAX_CONCURRENT_LOGINS = 4
const LOGIN_RETRY_SECONDS = 2
/** A login body is a name, a password (≤ 200) and a device id: a few hundred bytes. */
export const LOGIN_MAX_BODY_BYTES = 4 * 1024

interface Caller {
  user: string
  role: ServerRole
  expiresAt: Date
}

const DIGEST = /^[0-9a-f]{64}$/
const hashToken = (token: string) => createHash('sha256').update(token).digest()

const unauthorized = () => new HttpError(401, 'unauthorized', '未登录或登录无效：请重新登录', { 'www-authenticate': 'Bearer' })
const wrongPassword = () => new HttpError(401, 'unauthorized', '账号或密码不正确')
const forbidden = (role: ServerRole, what: string) =>
  new HttpError(403, 'forbidden', `权限不足：${roleName(role)}账号不能${what}，请联系管理员`)
const notFound = (what = '接口') => new HttpError(404, 'not_found', `${what}：不存在`)

export function roleName(role: ServerRole): string {
  return role === 'viewer' ? '只读' : role === 'editor' ? '编辑' : '管理员'
}

export function createApp(options: AppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { pool, serverId } = options
  const params = options.passwordParams ?? PASSWORD_PARAMS
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const addresses = new AddressThrottle()
  const unknownNames = new AddressThrottle()
  const maxLogins = options.maxConcurrentLogins ?? MAX_CONCURRENT_LOGINS
  let activeLogins = 0
  // Compared against when the account does not exist, so a wrong name costs as long as a wrong password.
  const decoy: Promise<PasswordHash> = hashPassword(randomBytes(16).toString('hex'), params)

  async function authenticate(req: IncomingMessage): Promise<Caller> {
    const header = req.headers.authorization ?? ''
    const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)
    if (!match) throw unauthorized()
    const owner = await accounts.tokenOwner(pool, hashToken(match[1]!))
    if (!owner) throw unauthorized()
    if (owner.expired) {
      throw new HttpError(401, 'token_expired', '登录已过期：请重新登录', { 'www-authenticate': 'Bearer error="invalid_token"' })
    }
    return { user: owner.user, role: owner.role, expiresAt: owner.expiresAt }
  }

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = loginRequestSchema.safeParse(await readJson(req, LOGIN_MAX_BODY_BYTES))
    if (!parsed.success) throw new HttpError(400, 'invalid', describeIssue(parsed.error))
    // Each login holds up to 128 MiB of scrypt memory: a flood of them is turned away, not queued.
    // Counted once the body is in, so slow senders cannot hold the places.
    if (activeLogins >= maxLogins) {
      throw new HttpError(503, 'internal', '服务器繁忙：登录的人太多，请稍后重试', { 'retry-after': String(LOGIN_RETRY_SECONDS) })
    }
    activeLogins++
    try {
      await checkLogin(req, res, parsed.data)
    } finally {
      activeLogins--
    }
  }

  async function checkLogin(req: IncomingMessage, res: ServerResponse, request: LoginRequest): Promise<void> {
    const { user: name, password, device } = request
    const address = req.socket.remoteAddress ?? ''
    const user = await accounts.findUser(pool, name)
    // Every attempt is counted as failed before the password is checked (cleared when right), so
    // attempts made in parallel cannot all pass on the same count. Synchronous in memory; row-locked
    // in the database for an account (every instance); in memory by name for an unknown one, so a
    // name's being throttled or not does not tell whether the account exists.
    let wait = addresses.waitSeconds(address)
    if (wait === 0) addresses.failed(address)
    if (wait === 0 && !user) {
      wait = unknownNames.waitSeconds(name)
      if (wait === 0) unknownNames.failed(name)
    }
    if (wait === 0 && user) wait = await accounts.reserveLoginAttempt(pool, user.name, waitSeconds)
    if (wait > 0) {
      // As long as a checked attempt takes, whoever asks.
      await verifyPassword(password, await decoy)
      throw new HttpError(401, 'unauthorized', `登录失败次数过多：请 ${wait} 秒后再试`, { 'retry-after': String(wait) })
    }
    const ok = await verifyPassword(password, user?.password ?? (await decoy))
    if (!user || !ok) throw wrongPassword()
    addresses.succeeded(address)
    await accounts.clearFailedLogins(pool, user.name)
    if (user.disabled) throw new HttpError(403, 'forbidden', `账号 ${user.name}：已停用，请联系管理员`)
    if (weakerThan(user.password.params, params)) {
      await accounts.rehashPassword(pool, user.name, user.password, await hashPassword(password, params))
    }
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_HOURS * 3600_000)
    await accounts.insertToken(pool, hashToken(token), user.name, device, expiresAt)
    const body: LoginResponse = { token, expiresAt: expiresAt.toISOString(), user: user.name, role: user.role, serverId }
    sendJson(res, 200, body)
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://server')
    if (!url.pathname.startsWith(`${PROTOCOL_PREFIX}/`)) throw notFound()
    const path = url.pathname.slice(PROTOCOL_PREFIX.length)
    const method = req.method ?? 'GET'
    if (path === '/login' && method === 'POST') return login(req, res)

    const caller = await authenticate(req)
    if (path === '/whoami' && method === 'GET') {
      const body: WhoAmI = { user: caller.user, role: caller.role, expiresAt: caller.expiresAt.toISOString(), serverId }
      return sendJson(res, 200, body)
    }
    if (path === '/push' && method === 'POST') {
      if (caller.role === 'viewer') throw forbidden(caller.role, '上传修改')
      const parsed = pushRequestSchema.safeParse(await readJson(req))
      if (!parsed.success) throw new HttpError(400, 'invalid', describeIssue(parsed.error))
      return sendJson(res, 200, await pushOps(pool, parsed.data.ops, caller.user))
    }
    if (path === '/pull' && method === 'GET') {
      const query = parsePullQuery(url.searchParams)
      if (typeof query === 'string') throw new HttpError(400, 'invalid', query)
      return sendJson(res, 200, await pullOps(pool, query.after, query.limit))
    }
    const blob = /^\/blobs\/([^/]*)$/.exec(path)
    if (blob && (method === 'GET' || method === 'PUT')) {
      const digest = blob[1]!
      if (!DIGEST.test(digest)) throw new HttpError(400, 'invalid', '照片编号：应为 64 位十六进制 sha256')
      if (method === 'GET') {
        const bytes = await readBlob(pool, digest)
        if (!bytes) throw notFound('照片')
        return sendBytes(res, bytes)
      }
      if (caller.role === 'viewer') throw forbidden(caller.role, '上传照片')
      const bytes = await readBody(req)
      if (createHash('sha256').update(bytes).digest('hex') !== digest) {
        throw new HttpError(400, 'invalid', '照片内容：与其 sha256 不符（传输中损坏？请重试）')
      }
      await storeBlob(pool, digest, bytes)
      res.writeHead(204, { 'cache-control': 'no-store' })
      res.end()
      return
    }
    throw notFound()
  }

  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      if (error instanceof HttpError) return sendError(res, error)
      log(`team server: ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      sendError(res, new HttpError(500, 'internal', '服务器内部错误：请稍后重试，或请管理员查看服务器日志'))
    })
  }
}
