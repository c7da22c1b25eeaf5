import path from 'node:path'
import type { StoreState } from '../../shared/backup'
import { METHOD_KINDS, methodKind } from '../../shared/methodKinds'
import { type ApiError, DomainError, type Result } from '../../shared/result'
import type { Services, UploadResult } from '../services'
import type { AssetReader } from '../services/assets'
import type { ServiceOptions } from '../services/context'
import type { Dispatch } from '../services/dispatch'
import { backupStatus, listBackups, unavailableMessage } from '../services/backup/status'
import { receiveUpload, registerLocalFile, type Upload, UploadRegistry } from '../services/uploads/registry'
import { encodeResult, type EncodedAnswer } from '../web/encode'
import { storeWorkerEntry, type WorkerEntry } from './entry'
import { ExclusiveGate } from './gate'
import { JOB_STARTS, JobOrigins } from './lostJobs'
import type { TestHook } from './protocol'
import { type Lost, StoreWorker } from './storeWorker'

// The store runtime: the services the hosts use, answered by worker processes instead of the
// host's own thread. One writer takes every write (and the jobs it starts); a few readers take
// the reads and the assets, each on its own read-only connection (WAL lets them read beside the
// writer). The host's thread only forwards calls, so a slow query, a long import or a hostile
// file never freezes a window or stalls other requests. Where a call goes is METHOD_KINDS
// (src/shared/methodKinds.ts).

/** What the hosts use of the services (the context stays inside the workers). */
export type HostServices = Pick<Services, 'dispatch' | 'readAsset' | 'receiveUpload' | 'registerFile' | 'shutdown'>

/** A call answered as the bytes of its HTTP body, for the browser host (see dispatchEncoded below). */
export type DispatchEncoded = (method: string, input: unknown, gzipOk: boolean) => Promise<EncodedAnswer>

export interface StoreRuntimeOptions {
  /** The data file (a real file: every worker opens it). */
  file: string
  actor?: string
  options?: ServiceOptions
  /** Reader processes; default 2 (sized for the two-core laptops this runs on). */
  readers?: number
  /** A read (or asset) running longer than this is stopped; default 30 s. */
  readTimeoutMs?: number
  /** A write stuck longer than this is stopped and rolled back; default 60 s. */
  writeTimeoutMs?: number
  /** How long a stuck-looking worker has to answer a ping; default 1 s. */
  pingGraceMs?: number
  /** Tests only: lets `test()` run raw SQL or crash a worker. */
  testHooks?: boolean
  /** Tests only: where the worker's code is (default: storeWorkerEntry()). */
  entry?: WorkerEntry
  /** A restore (and a recovery preview's deadline is the read's) stopped after this long unanswered; default 10 min. */
  restoreTimeoutMs?: number
}

export interface StoreRuntime extends HostServices {
  /**
   * dispatch, answered as the HTTP body made in the worker (JSON, gzipped when asked and large;
   * for a kept answer made once there): the browser host sends it as it is, so a large answer
   * (map.sites, MBs of JSON) costs its thread neither a stringify nor a clone of the text, only
   * the copy of its (gzipped) bytes.
   */
  dispatchEncoded: DispatchEncoded
  /** The folder beside the data file (uploads, basemaps, caches). */
  dataDir: string
  /** Tests only (testHooks): raw SQL or a crash in the writer or a reader. */
  test(role: 'writer' | 'reader', hook: TestHook): Promise<Result<unknown>>
  /** Tests and logs: the workers as they are now. */
  workers(): Array<{ role: 'writer' | 'reader' | 'offline'; pid: number | undefined; generation: number; load: number }>
  /** The store as it is now: 'ok', or unavailable (recovery mode: only backup.* answer). */
  storeState(): StoreState
}

export const DEFAULT_READERS = 2

/**
 * Writes that read a file someone handed us before writing (a map package; an import's file, which
 * the run's job reads again in the writer): a reader runs those checks first
 * (worker.ts precheck), under a read's deadline, so a crafted file that makes them endless stalls
 * a reader, which is stopped, never the writer. The write checks again, under its own deadline (a
 * user's file left in place could have changed in between).
 */
const CHECKED_FIRST = new Set(['basemaps.import', 'imports.run'])

/**
 * Reads about one upload (the import wizard's inspect and preview) go to one reader, chosen by the
 * upload id: the table it parsed for the first is kept there for the next (services/imports/
 * parsedUploads.ts), instead of each reader parsing the file again and keeping its own copy.
 * Null for any other call (the least busy reader takes it).
 */
export function stickyReaderIndex(method: string, input: unknown, readers: number): number | null {
  if (!method.startsWith('imports.') || methodKind(method) !== 'read') return null
  const uploadId = (input as { uploadId?: unknown } | null)?.uploadId
  if (typeof uploadId !== 'string') return null
  let hash = 0
  for (let i = 0; i < uploadId.length; i++) hash = (hash * 31 + uploadId.charCodeAt(i)) >>> 0
  return hash % readers
}

const lostResult = (lost: Lost): Result<never> => ({ ok: false, error: { code: 'internal', message: lost.message } })

/** The store's problem as StoreState says it, from a worker's failure to open it. */
function unavailableState(error: unknown, file: string): Extract<StoreState, { state: 'unavailable' }> {
  const problem = (error as { problem?: string }).problem
  const known = { damaged: 'damaged', newer_schema: 'newer_schema', not_site_atlas: 'foreign', missing: 'missing' } as const
  return {
    state: 'unavailable',
    problem: problem && Object.hasOwn(known, problem) ? known[problem as keyof typeof known] : 'unreadable',
    message: error instanceof Error ? error.message : String(error),
    file,
  }
}

/** A damaged store (StoreOpenError 'damaged') is not an end: the runtime starts in recovery mode. */
const isDamaged = (error: unknown) => (error as { problem?: string } | null)?.problem === 'damaged'

/**
 * Starts the writer (which creates or migrates the store, so a file that is not ours is refused
 * here with the same StoreOpenError as before) and then the readers, and answers as the services.
 * A damaged file is not refused: the runtime answers in recovery mode (storeState() says so).
 */
export async function startStoreRuntime(options: StoreRuntimeOptions): Promise<StoreRuntime> {
  const runtime = launchStoreRuntime(options)
  await runtime.ready
  return runtime
}

/**
 * The same, answering at once: calls wait for their worker, and `ready` settles when the writer has
 * opened the store (rejecting, every worker closed, when it cannot). The browser host serves its
 * page meanwhile, so the page and the workers load side by side.
 */
export function launchStoreRuntime(options: StoreRuntimeOptions): StoreRuntime & { ready: Promise<void> } {
  const entry = options.entry ?? storeWorkerEntry()
  const init = { file: path.resolve(options.file), actor: options.actor, options: options.options ?? {}, testHooks: options.testHooks }
  const pingGraceMs = options.pingGraceMs ?? 1000
  // Writes are short and a few in flight keep the writer fed; a reader gets one read at a time
  // (tiles and photos pass beside it: they are quick, or wait on a file or the network).
  const writer = new StoreWorker('writer', entry, init, { callTimeoutMs: options.writeTimeoutMs ?? 60_000, pingGraceMs, maxInFlight: 8 })
  const writerUp = writer.start()
  const readers = Array.from(
    { length: Math.max(1, options.readers ?? DEFAULT_READERS) },
    () => new StoreWorker('reader', entry, init, { callTimeoutMs: options.readTimeoutMs ?? 30_000, pingGraceMs, maxInFlight: 1 }, writerUp),
  )
  // Every process loads its code at once; the readers open the store once the writer has made
  // or migrated it (a read sent earlier waits for its reader), and nobody waits for the readers.
  for (const reader of readers) reader.launch()
  let state: StoreState = { state: 'ok' }
  const startReaders = () => {
    for (const reader of readers) reader.start().catch((error: unknown) => console.error('[site-atlas] reader failed to start:', error))
  }
  /**
   * Recovery mode: the writer found the file damaged and never opened it to write. Every worker is
   * stopped, the file is left exactly as it is, and only backup.* answer (see recoveryDispatch).
   */
  const enterRecovery = async (error: unknown) => {
    const unavailable = unavailableState(error, init.file)
    state = unavailable
    console.error(`[site-atlas] the data file cannot be used; recovery mode (only backup.* answer): ${unavailable.message}`)
    await Promise.all([...readers, writer].map((worker) => worker.close()))
  }
  /** Why the store could not be opened at all (not ours, newer, missing): every call is answered with it. */
  let startFailure: { ok: false; error: ApiError } | null = null
  const ready = writerUp.then(startReaders, async (error: unknown) => {
    if (isDamaged(error)) return enterRecovery(error)
    startFailure = { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }
    await Promise.all(readers.map((reader) => reader.close()))
    throw error
  })
  // Whoever calls before `ready` is answered through the call; an unhandled rejection is no answer.
  ready.catch(() => undefined)
  /** Calls wait for the start to settle: only then is it known whether the store answers or recovery does. */
  const started = () => ready.catch(() => undefined)

  /** The workers again after a restore (on the new file, or the old one when it was refused). */
  const restartWorkers = async () => {
    writer.reopen()
    const up = writer.start()
    for (const reader of readers) reader.reopen(up)
    try {
      await up
      state = { state: 'ok' }
      startReaders()
    } catch (error) {
      // The file it left failed to open (a disk that failed mid-way): recovery, not a dead app.
      await enterRecovery(error)
    }
  }

  let turn = 0
  /** The least busy reader; among equals, the next in turn. */
  const reader = (): StoreWorker => {
    turn = (turn + 1) % readers.length
    let best = readers[turn]!
    for (const candidate of readers) if (candidate.load < best.load) best = candidate
    return best
  }

  /** The worker a call goes to: the writer, the reader kept for its upload, or the least busy reader. */
  const target = (method: string, input: unknown): StoreWorker => {
    if (methodKind(method) !== 'read') return writer
    const sticky = stickyReaderIndex(method, input, readers.length)
    return sticky === null ? reader() : readers[sticky]!
  }

  /** A refusal from a reader's checks of a write's file, or null when the write may go on. */
  const checkedFirst = async (method: string, input: unknown): Promise<Result<unknown> | null> => {
    if (!CHECKED_FIRST.has(method)) return null
    // An import's file is read in the reader that keeps its table (read already by the wizard).
    const sticky = stickyReaderIndex('imports.inspect', input, readers.length)
    const checker = method === 'imports.run' && sticky !== null ? readers[sticky]! : reader()
    const answer = await checker.request({ type: 'precheck', method, input }, method)
    if (answer.type === 'answer') return answer.result.ok ? null : answer.result
    return lostResult(answer.type === 'lost' ? answer : { type: 'lost', message: '内部错误：后台数据进程答非所问' })
  }

  // Uploads are received here, on the host: streaming a body to disk is what the host's thread
  // does well, and the id (written down beside the uploads) is then known to every worker.
  const dataDir = options.options?.dataDir ?? path.dirname(init.file)
  const jobs = new JobOrigins()
  const gate = new ExclusiveGate()

  /** One call in a short-lived 'offline' worker (no store open), stopped once answered or past `timeoutMs`. */
  const runOffline = async (method: string, input: unknown, timeoutMs: number): Promise<Result<unknown>> => {
    const worker = new StoreWorker('offline', entry, { ...init, state }, { callTimeoutMs: timeoutMs, pingGraceMs, maxInFlight: 1 })
    try {
      const answer = await worker.request({ type: 'dispatch', method, input }, method)
      return answer.type === 'answer' ? answer.result : lostResult(answer.type === 'lost' ? answer : { type: 'lost', message: '内部错误：后台进程答非所问' })
    } finally {
      await worker.close()
    }
  }
  const restoreTimeoutMs = options.restoreTimeoutMs ?? 10 * 60_000

  /**
   * A restore ('exclusive'): after the calls in flight (those that come later wait), every worker
   * stops, the file is replaced in an offline worker, and the workers start again (new generations)
   * on whichever file is there: the restored one, or the old one when the restore was refused. In
   * recovery mode there are no workers to stop; a restore that succeeds leaves recovery.
   */
  const exclusive = (method: string, input: unknown): Promise<Result<unknown>> =>
    gate.exclusive(async () => {
      if (state.state !== 'ok') {
        const result = await runOffline(method, input, restoreTimeoutMs)
        if (result.ok) await restartWorkers()
        return result
      }
      await Promise.all([writer, ...readers].map((worker) => worker.close()))
      try {
        return await runOffline(method, input, restoreTimeoutMs)
      } finally {
        await restartWorkers()
      }
    })

  /**
   * Recovery mode's answers: the backup folders' status and list read here (files only), a
   * preview in an offline worker under a read's deadline, everything else store_unavailable.
   */
  const recoveryDispatch = async (method: string, input: unknown): Promise<Result<unknown>> => {
    if (!Object.hasOwn(METHOD_KINDS, method)) return { ok: false, error: { code: 'unknown_method', message: `未知的接口：${String(method)}` } }
    if (method === 'backup.status' || method === 'backup.list') {
      if (input !== undefined && input !== null && (typeof input !== 'object' || Object.keys(input).length > 0)) {
        return { ok: false, error: { code: 'invalid', message: '参数：此接口不带参数' } }
      }
      return { ok: true, value: method === 'backup.status' ? backupStatus(dataDir, state) : listBackups(dataDir) }
    }
    if (method === 'backup.preview') return runOffline(method, input, options.readTimeoutMs ?? 30_000)
    return { ok: false, error: { code: 'store_unavailable', message: unavailableMessage(state) } }
  }

  const dispatch: Dispatch = async (method, input) => {
    await started()
    if (startFailure) return startFailure
    if (methodKind(method) === 'exclusive') return exclusive(method, input)
    return gate.shared(() => (state.state === 'ok' ? dispatchToWorkers(method, input) : recoveryDispatch(method, input)))
  }

  const dispatchToWorkers: Dispatch = async (method, input) => {
    const lostJob = jobs.answerLost(method, input, writer.generation)
    if (lostJob) return lostJob
    const refused = await checkedFirst(method, input)
    if (refused) return refused
    const worker = target(method, input)
    const answer = await worker.request({ type: 'dispatch', method, input }, String(method))
    const result = answer.type === 'answer' ? answer.result : lostResult(answer.type === 'lost' ? answer : { type: 'lost', message: '内部错误：后台数据进程答非所问' })
    // The generation now: a writer replaced before answering cannot have answered.
    if (worker === writer) jobs.record(method, result, writer.generation)
    return result
  }

  const dispatchEncoded: DispatchEncoded = async (method, input, gzipOk) => {
    await started()
    if (startFailure) return encodeResult(startFailure, gzipOk)
    if (methodKind(method) === 'exclusive') return encodeResult(await exclusive(method, input), gzipOk)
    return gate.shared(() => (state.state === 'ok' ? encodedByWorkers(method, input, gzipOk) : recoveryDispatch(method, input).then((result) => encodeResult(result, gzipOk))))
  }

  const encodedByWorkers: DispatchEncoded = async (method, input, gzipOk) => {
    // Small answers the host must read (a job started, a job asked after): through dispatch.
    if (Object.hasOwn(JOB_STARTS, method) || method === 'jobs.get' || method === 'jobs.cancel') return encodeResult(await dispatchToWorkers(method, input), gzipOk)
    const refused = await checkedFirst(method, input)
    if (refused) return encodeResult(refused, gzipOk)
    const answer = await target(method, input).request({ type: 'dispatchEncoded', method, input, gzipOk }, String(method))
    if (answer.type !== 'encoded') return encodeResult(lostResult(answer.type === 'lost' ? answer : { type: 'lost', message: '内部错误：后台数据进程答非所问' }), gzipOk)
    // Bytes arrive over the channel as a Uint8Array (structured clone): the same memory, as a Buffer.
    return { body: Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength), gzipped: answer.gzipped }
  }

  const readAsset: AssetReader = async (pathname) => {
    await started()
    if (startFailure) throw new Error(startFailure.error.message)
    return gate.shared(async () => {
      // Nothing to show while the store is unavailable: not found.
      if (state.state !== 'ok') return null
      const answer = await reader().request({ type: 'asset', pathname }, pathname, false)
      if (answer.type === 'asset' && !answer.error) return answer.asset ?? null
      throw new Error(answer.type === 'lost' ? answer.message : answer.type === 'asset' ? answer.error : 'unexpected answer')
    })
  }

  const uploads = new UploadRegistry(path.join(dataDir, 'uploads'))
  const uploaded = async (work: () => Promise<Upload>): Promise<UploadResult> => {
    try {
      return { ok: true, value: { uploadId: (await work()).id } }
    } catch (error) {
      // As the services word it (services/dispatch.ts toApiError), without loading the contract here.
      if (error instanceof DomainError) return { ok: false, error: error.toApiError() }
      // The reason (an English system message, a path) goes to the log; the person gets words.
      console.error('[site-atlas] upload failed:', error)
      return { ok: false, error: { code: 'internal', message: '上传文件：未能保存到数据文件夹（可检查磁盘空间和文件夹权限），请重试' } }
    }
  }

  return {
    ready,
    dataDir,
    dispatch,
    dispatchEncoded,
    readAsset,
    receiveUpload: (body, name, declared) => uploaded(() => receiveUpload(uploads, body, name, declared)),
    registerFile: (filePath) => uploaded(() => registerLocalFile(uploads, filePath)),
    shutdown: async () => {
      await Promise.all([...readers, writer].map((worker) => worker.close()))
    },
    test: async (role, hook) => {
      await started()
      if (startFailure) return startFailure
      return gate.shared(async () => {
        const answer = await (role === 'writer' ? writer : reader()).request({ type: 'test', hook }, `test:${hook.kind}`)
        return answer.type === 'answer' ? answer.result : lostResult(answer.type === 'lost' ? answer : { type: 'lost', message: 'unexpected answer' })
      })
    },
    workers: () => [writer, ...readers].map((w) => ({ role: w.role, pid: w.pid, generation: w.generation, load: w.load })),
    storeState: () => state,
  }
}
