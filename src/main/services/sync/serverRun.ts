import type { SyncOp, SyncRunResult } from '../../../shared/sync'
import { PULL_MAX_OPS, PUSH_MAX_OPS, SERVER_MAX_BODY_BYTES } from '../../../shared/syncProtocol'
import { DomainError } from '../../../shared/result'
import { writtenFields, writtenValue } from '../../../shared/syncMerge'
import type { Store } from '../../store/open'
import { applyOps } from '../../store/syncApply'
import { blobsFor, countOpsSince, opsAfterSeq } from '../../store/syncExport'
import {
  clearToken,
  openConflictCount,
  patchServerSettings,
  readServerPeer,
  type ServerPeer,
  saveSignIn,
  savePullCursor,
  savePushedSeq,
  serverView,
  skipServerHeld,
  tokenValid,
} from '../../store/syncServer'
import type { ServiceContext } from '../context'
import { ServerCallError, ServerClient, SIGNED_OUT_MESSAGE } from './serverClient'
import { serverTrust } from './serverTrust'

// One sync with the team server (sync.now, the command line, the timer), resumable anywhere:
// - push: the operations after pushed_seq, a page at a time; the photos the server lacks are PUT and
//   the page pushed again; pushed_seq moves only once the server acknowledged the page. Cut off
//   before that, the page goes again and the server counts it as duplicates.
// - pull: pages after the cursor; the photos they name that this store lacks are fetched; the page
//   is merged (applyOps: one transaction), and only then the cursor is saved. Cut off before that,
//   the page comes again and the merge skips what it already holds.
// No store transaction is ever open while a call is on the network: each page is read, sent,
// merged and recorded in short steps of its own, so the person's saves never wait for the server.

export interface ServerRunOptions {
  /** Signs in with it when no valid sign-in is kept (the command line; the timer has none). */
  password?: string
  signal?: AbortSignal
  /** Today's date for the merge's lease rule (tests fix it). */
  today?: string
  /** Operations per pull page (tests use small pages to cut a pull in the middle). */
  pullLimit?: number
  pushLimit?: number
  /** After each page the server acknowledged (push) or this store merged (pull): progress for the person, and where tests cut a sync off. */
  onPage?: (phase: 'push' | 'pull', done: number) => void
}

/** A page whose operations name more missing photos than this is asked for again, smaller. */
const MAX_BLOBS_PER_PAGE = 200
/** …or whose missing photos weigh more than this in all. */
const MAX_BLOB_BYTES_PER_PAGE = 512 * 1024 ** 2
const DIGEST = /^[0-9a-f]{64}$/

/** Runs in progress, per store: a second request (the timer, a click) joins the one running. */
const running = new WeakMap<Store, Promise<SyncRunResult>>()

export function runServerSync(ctx: ServiceContext, options: ServerRunOptions = {}): Promise<SyncRunResult> {
  const current = running.get(ctx.store)
  if (current) return current
  const run = syncOnce(ctx, options).finally(() => running.delete(ctx.store))
  running.set(ctx.store, run)
  return run
}

/** A sync is running in this process for this store. */
export const syncRunning = (store: Store): boolean => running.has(store)

async function syncOnce(ctx: ServiceContext, options: ServerRunOptions): Promise<SyncRunResult> {
  const { store } = ctx
  const device = ctx.author.deviceId
  const peer = await readServerPeer(store)
  if (!peer) throw new DomainError('not_found', '团队服务器：尚未设置服务器地址和账号')
  try {
    let session = await signedIn(ctx, peer, options)
    let outcome: Omit<SyncRunResult, 'server'>
    try {
      outcome = await exchange(ctx, session, options)
    } catch (error) {
      // The server no longer takes the token (expired early, revoked, the server set up anew):
      // with a password at hand, sign in once more and go on from where the run stopped.
      if (!(error instanceof ServerCallError) || !['signed_out', 'token_expired'].includes(error.failure) || !options.password) throw error
      await clearToken(store)
      session = await signedIn(ctx, (await readServerPeer(store))!, options)
      outcome = await exchange(ctx, session, options)
    }
    // A push stuck on a missing photo still pulled: the run counts, and says what did not go out.
    await patchServerSettings(store, { lastSyncAt: new Date().toISOString(), lastError: outcome.pushBlocked ?? null })
    const after = (await readServerPeer(store))!
    return { ...outcome, server: serverView(after.settings, device) }
  } catch (error) {
    const message = error instanceof ServerCallError || error instanceof DomainError ? error.message : `同步失败：${(error as Error).message}`
    if (store.sqlite.open) {
      if (error instanceof ServerCallError && (error.failure === 'signed_out' || error.failure === 'token_expired')) await clearToken(store)
      await patchServerSettings(store, { lastError: message })
    }
    throw toDomainError(error, message)
  }
}

export function toDomainError(error: unknown, message: string): DomainError {
  if (error instanceof DomainError) return error
  const failure = error instanceof ServerCallError ? error.failure : null
  const unauthorized = failure === 'bad_password' || failure === 'signed_out' || failure === 'token_expired' || failure === 'forbidden'
  return new DomainError(unauthorized ? 'unauthorized' : 'internal', message)
}

interface Session {
  client: ServerClient
  role: 'viewer' | 'editor' | 'admin'
}

/** A client holding a valid token: the kept one, or a new sign-in with the password given. */
async function signedIn(ctx: ServiceContext, peer: ServerPeer, options: ServerRunOptions): Promise<Session> {
  const device = ctx.author.deviceId
  const ca = serverTrust(ctx.dataDir)
  const { settings } = peer
  if (tokenValid(settings, device) && settings.role) {
    return { client: new ServerClient({ url: settings.url, token: settings.token, ca, signal: options.signal }), role: settings.role }
  }
  if (!options.password) {
    throw new ServerCallError(settings.token ? 'token_expired' : 'signed_out', settings.token ? '登录已过期，请重新登录' : SIGNED_OUT_MESSAGE)
  }
  return signIn(ctx, settings.url, settings.user, options.password, options.signal)
}

/** Signs in and keeps the token (sync.server.signIn, and a run given a password). */
export async function signIn(ctx: ServiceContext, url: string, user: string, password: string, signal?: AbortSignal): Promise<Session> {
  const client = new ServerClient({ url, ca: serverTrust(ctx.dataDir), signal })
  const answer = await client.login(user, password, ctx.author.deviceId)
  await saveSignIn(ctx.store, { token: answer.token, expiresAt: answer.expiresAt, role: answer.role, serverId: answer.serverId, device: ctx.author.deviceId })
  client.token = answer.token
  return { client, role: answer.role }
}

async function exchange(ctx: ServiceContext, session: Session, options: ServerRunOptions): Promise<Omit<SyncRunResult, 'server'>> {
  // A viewer only pulls: its own edits stay on this laptop.
  const push = session.role === 'viewer' ? { accepted: 0, blocked: null } : await pushAll(ctx.store, session.client, options)
  const pulled = await pullAll(ctx.store, session.client, options)
  return { pushed: push.accepted, ...pulled, ...(push.blocked ? { pushBlocked: push.blocked } : {}) }
}

/** The server wants photos for a page that neither it nor this store holds: the page cannot go. */
class MissingPhotos extends Error {
  constructor(readonly digests: readonly string[]) {
    super('missing photos')
  }
}

/**
 * Pushes the pages after pushed_seq. A page stuck on a missing photo stops the push (pushed_seq
 * cannot pass it) but not the run: the pull goes on, and `blocked` says what waits and why.
 */
async function pushAll(store: Store, client: ServerClient, options: ServerRunOptions): Promise<{ accepted: number; blocked: string | null }> {
  let accepted = 0
  let sent = 0
  let seq = (await readServerPeer(store))?.pushedSeq ?? 0
  for (;;) {
    const { ops, lastSeq } = await opsAfterSeq(store, seq, options.pushLimit ?? PUSH_MAX_OPS)
    if (ops.length === 0) break
    try {
      accepted += await pushPage(store, client, ops)
    } catch (error) {
      if (!(error instanceof MissingPhotos)) throw error
      const waiting = await countOpsSince(store, null, undefined, seq)
      return {
        accepted,
        blocked: `${waiting} 条修改未能上传：服务器缺少 ${error.digests.length} 张照片，本机也没有；已下载服务器上的修改，请从拍摄这些照片的同事处导入含照片的修改包`,
      }
    }
    await savePushedSeq(store, lastSeq, new Date().toISOString())
    seq = lastSeq
    sent += ops.length
    options.onPage?.('push', sent)
  }
  return { accepted, blocked: null }
}

/** One page pushed (in parts when its JSON would pass the server's body limit); answers the operations new to the server. */
async function pushPage(store: Store, client: ServerClient, ops: readonly SyncOp[]): Promise<number> {
  if (ops.length > 1 && jsonBytes(ops) > SERVER_MAX_BODY_BYTES * 0.9) {
    const half = Math.ceil(ops.length / 2)
    return (await pushPage(store, client, ops.slice(0, half))) + (await pushPage(store, client, ops.slice(half)))
  }
  let answer = await client.push(ops)
  let accepted = answer.accepted
  if (answer.missingBlobs.length > 0) {
    const missing = new Set(answer.missingBlobs)
    const naming = ops.filter((op) => namedDigests(op).some((d) => missing.has(d)))
    const held = await blobsFor(store, naming)
    for (const digest of missing) {
      const bytes = held.get(digest)
      if (bytes) await client.putBlob(digest, bytes)
    }
    answer = await client.push(ops)
    accepted += answer.accepted
    const lacking = answer.missingBlobs.filter((d) => !held.has(d))
    if (answer.accepted + answer.duplicates < ops.length) throw new MissingPhotos(lacking.length > 0 ? lacking : answer.missingBlobs)
  }
  return accepted
}

async function pullAll(store: Store, client: ServerClient, options: ServerRunOptions): Promise<Omit<SyncRunResult, 'server' | 'pushed'>> {
  let cursor = (await readServerPeer(store))?.pullCursor ?? null
  const fullLimit = Math.min(options.pullLimit ?? PULL_MAX_OPS, PULL_MAX_OPS)
  let limit = fullLimit
  let pulled = 0
  let applied = 0
  let conflicts: number | null = null
  for (;;) {
    const page = await client.pull(cursor, limit)
    if (page.ops.length === 0) {
      if (page.cursor !== cursor) await savePullCursor(store, page.cursor, new Date().toISOString())
      break
    }
    const blobs = await pageBlobs(store, client, page.ops)
    if (blobs === 'too_many') {
      // Too many photos for one page in memory: the same page again, smaller (the cursor did not move).
      limit = Math.max(1, Math.floor(page.ops.length / 2))
      continue
    }
    const result = await applyOps(store, page.ops, { blob: (digest) => blobs.get(digest), ...(options.today ? { today: options.today } : {}) })
    // What the merge logged here the server holds: not pushed back.
    await skipServerHeld(store, new Set(page.ops.map((op) => op.id)))
    await savePullCursor(store, page.cursor, new Date().toISOString())
    cursor = page.cursor
    limit = fullLimit
    pulled += page.ops.length
    applied += result.applied
    conflicts = result.conflicts
    options.onPage?.('pull', pulled)
    if (!page.more) break
  }
  return { pulled, applied, conflicts: conflicts ?? (await openConflictCount(store)) }
}

/** The photos a page names: the ones this store holds and the others fetched; 'too_many' past the page limits. */
async function pageBlobs(store: Store, client: ServerClient, ops: readonly SyncOp[]): Promise<Map<string, Uint8Array> | 'too_many'> {
  const naming = ops.filter((op) => namedDigests(op).length > 0)
  if (naming.length === 0) return new Map()
  const blobs = new Map(await blobsFor(store, naming))
  const missing = [...new Set(naming.flatMap(namedDigests))].filter((d) => !blobs.has(d))
  if (missing.length > MAX_BLOBS_PER_PAGE && ops.length > 1) return 'too_many'
  let bytes = 0
  for (const digest of missing) {
    const got = await client.getBlob(digest)
    if (!got) continue // the server lacks it too: the merge keeps the operation waiting for its photo
    bytes += got.byteLength
    if (bytes > MAX_BLOB_BYTES_PER_PAGE && ops.length > 1) return 'too_many'
    blobs.set(digest, got)
  }
  return blobs
}

/** The photo digests an operation's written values name ({ bytes, sha256 }, as the change log writes binary values). */
export function namedDigests(op: SyncOp): string[] {
  if (op.value === null || !op.value.includes('sha256')) return []
  const merge = { id: op.id, hlc: op.hlc, op: op.op, field: op.field, value: op.value, pred: op.pred }
  const found: string[] = []
  try {
    for (const field of writtenFields(merge)) {
      const json = writtenValue(merge, field)
      const value = json === null ? null : (JSON.parse(json) as unknown)
      if (!value || typeof value !== 'object' || Array.isArray(value)) continue
      const { sha256, bytes } = value as { sha256?: unknown; bytes?: unknown }
      if (typeof sha256 === 'string' && DIGEST.test(sha256) && typeof bytes === 'number') found.push(sha256)
    }
  } catch {
    return found // a value that is not JSON names no photo (the merge judges the operation)
  }
  return found
}

function jsonBytes(ops: readonly SyncOp[]): number {
  let n = 0
  for (const op of ops) n += 200 + (op.value?.length ?? 0) + (op.old?.length ?? 0) + op.pred.length * 60
  return n
}
