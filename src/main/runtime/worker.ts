import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Result } from '../../shared/result'
import { createServices, type Services } from '../services'
import { checkPackageUpload } from '../services/basemaps/importPackage'
import { type Dispatch, toApiError } from '../services/dispatch'
import { createOfflineDispatch } from '../services/restore/offline'
import { openStore, type Store, StoreOpenError } from '../store/open'
import { encodeResult } from '../web/encode'
import type { TestHook, WorkerCall, WorkerFailure, WorkerInit, WorkerMessage } from './protocol'
import { endWorker } from './workerExit'

// A store worker process: opens the store (the writer read-write and migrated; a reader read-only,
// so a write filed as a read fails loudly instead of racing the writer), makes the same services
// the hosts used to make, and answers the pool's calls. Everything the contract does happens here.

/** How often the watchdog looks for the host. */
const PARENT_CHECK_MS = 1000

/** An Electron utility process's channel to its parent (the packaged desktop app, runtime/launch.ts setWorkerLauncher). */
interface ParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}
const parentPort = (process as { parentPort?: ParentPort }).parentPort

const post = (message: WorkerMessage): void => {
  if (parentPort) parentPort.postMessage(message)
  else process.send?.(message)
}

let opened: { store: Store; services: Services; init: WorkerInit } | null = null
/** The 'offline' role's answers (no store open): backup.preview and backup.restore. */
let offline: Dispatch | null = null
/** Calls that arrived before the store was open, answered once it is. */
const waiting: WorkerCall[] = []

const receive = (message: WorkerInit | WorkerCall) => {
  if (message.type === 'init') return void start(message)
  if (offline) return void answerOffline(offline, message)
  if (!opened) return void waiting.push(message)
  void answer(message)
}
if (parentPort) parentPort.on('message', (event) => receive(event.data as WorkerInit | WorkerCall))
else process.on('message', receive)
// The host went away (crashed, or was killed): a worker never outlives it. Forked, the channel
// closing says so; a utility process has no channel (parentPort tells no close) and relies on the
// watchdog below, which sees its parent gone.
process.on('disconnect', () => process.exit(0))
// A worker's life is the host's to end (close, or a kill). Ctrl+C in a terminal signals the whole
// process group: a worker that died of it first would be restarted by a host that is shutting down.
process.on('SIGINT', () => undefined)
process.on('SIGTERM', () => undefined)
watchParent()

/**
 * A watchdog thread that kills this process once its parent has gone (it is then adopted by
 * another: ppid changes). A thread, because the main thread may be stuck inside SQLite or a parser
 * and never see the channel close; a killed host (SIGKILL, a crash) runs no exit handler of its own.
 */
function watchParent(): void {
  // process.ppid is read once at start: Linux's /proc tells the parent now (an orphan's is another
  // process); elsewhere, whether the parent's pid still names a process.
  const code = `
    const fs = require('node:fs')
    const parent = ${process.ppid}
    const gone = () => {
      try {
        const stat = fs.readFileSync('/proc/self/stat', 'utf8')
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== parent
      } catch {
        try { process.kill(parent, 0); return false } catch (error) { return error.code === 'ESRCH' }
      }
    }
    setInterval(() => { if (gone()) process.kill(process.pid, 'SIGKILL') }, ${PARENT_CHECK_MS})
  `
  new Worker(code, { eval: true }).unref()
}

async function start(init: WorkerInit): Promise<void> {
  if (init.role === 'offline') {
    offline = createOfflineDispatch({ file: init.file, dataDir: init.options.dataDir ?? path.dirname(init.file), state: init.state ?? { state: 'ok' } })
    post({ type: 'ready' })
    for (const call of waiting.splice(0)) void answerOffline(offline, call)
    return
  }
  // A damaged file is left exactly as it is: openStore checks it before anything writes to it (the
  // writer's open adds SQLite's quick check) and fails with the problem 'damaged', which the runtime
  // turns into recovery mode (pool.ts); the state's message is the finding alone.
  try {
    const store = await openStore(init.file, init.role === 'reader' ? { readonly: true } : {})
    const services = await createServices(store, init.actor, init.options)
    // The device id is made by the writer before any reader opens (they start after it is ready),
    // so a reader answering meta.info only ever reads it.
    if (init.role === 'writer') void services.ctx.author.deviceId
    opened = { store, services, init }
  } catch (error) {
    const failure: WorkerFailure = { name: (error as Error).name ?? 'Error', message: (error as Error).message ?? String(error) }
    if (error instanceof StoreOpenError) {
      failure.problem = error.problem
      if (error.problem === 'damaged') failure.message = error.finding
    }
    post({ type: 'failed', error: failure })
    return
  }
  post({ type: 'ready' })
  for (const call of waiting.splice(0)) void answer(call)
}

async function answer(call: WorkerCall): Promise<void> {
  const { store, services, init } = opened!
  switch (call.type) {
    case 'dispatch':
      return post({ type: 'answer', seq: call.seq, result: await services.dispatch(call.method, call.input) })
    case 'dispatchEncoded': {
      const { body, gzipped } = await encodeResult(await services.dispatch(call.method, call.input), call.gzipOk)
      return post({ type: 'encoded', seq: call.seq, body, gzipped })
    }
    case 'asset':
      try {
        return post({ type: 'asset', seq: call.seq, asset: await services.readAsset(call.pathname) })
      } catch (error) {
        console.error('[site-atlas] asset failed:', error)
        return post({ type: 'asset', seq: call.seq, error: (error as Error).message ?? String(error) })
      }
    case 'precheck':
      return post({ type: 'answer', seq: call.seq, result: await precheck(services, call.method, call.input) })
    case 'ping':
      return post({ type: 'pong', seq: call.seq })
    case 'test':
      if (!init.testHooks) return post({ type: 'answer', seq: call.seq, result: { ok: false, error: { code: 'unknown_method', message: '未知的接口：test' } } })
      try {
        if (call.hook.kind === 'busy') await busyFor(call.hook.ms)
        return post({ type: 'answer', seq: call.seq, result: { ok: true, value: runTestHook(store, call.hook) } })
      } catch (error) {
        return post({ type: 'answer', seq: call.seq, result: { ok: false, error: { code: 'internal', message: (error as Error).message } } })
      }
    case 'close':
      await services.shutdown().catch((error: unknown) => console.error('[site-atlas] shutdown failed:', error))
      await store.close()
      post({ type: 'closed', seq: call.seq })
      return endWorker(process)
  }
}

/** An 'offline' worker's answers: the backup methods it knows, and its own ending. */
async function answerOffline(dispatch: Dispatch, call: WorkerCall): Promise<void> {
  switch (call.type) {
    case 'dispatch':
      return post({ type: 'answer', seq: call.seq, result: await dispatch(call.method, call.input) })
    case 'ping':
      return post({ type: 'pong', seq: call.seq })
    case 'close':
      post({ type: 'closed', seq: call.seq })
      return endWorker(process)
    default:
      return post({ type: 'answer', seq: call.seq, result: { ok: false, error: { code: 'internal', message: '内部错误：此后台进程不打开数据文件' } } })
  }
}

/** The checks a write of a file runs before writing, alone (see pool.ts CHECKED_FIRST). */
async function precheck(services: Services, method: string, input: unknown): Promise<Result<null>> {
  const uploadId = (input as { uploadId?: unknown } | null)?.uploadId
  // Anything else is left to the write itself, whose dispatcher checks the input.
  if (typeof uploadId !== 'string') return { ok: true, value: null }
  if (method === 'imports.run') {
    // Reading the file as the wizard does: one that cannot be read is refused here, and one whose
    // reading never ends stalls this reader (stopped at its deadline), not the writer's jobs.
    const read = await services.dispatch('imports.inspect', { uploadId })
    return read.ok ? { ok: true, value: null } : read
  }
  if (method !== 'basemaps.import') return { ok: true, value: null }
  try {
    await checkPackageUpload(services.ctx, uploadId)
    return { ok: true, value: null }
  } catch (error) {
    return { ok: false, error: toApiError(error, method) }
  }
}

/** Tests only: yields every 10 ms until `ms` have passed. */
async function busyFor(ms: number): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10))
}

/** Tests only (enabled by the pool's testHooks): raw SQL, or a crash. */
function runTestHook(store: Store, hook: TestHook): unknown {
  if (hook.kind === 'crash') process.kill(process.pid, 'SIGKILL')
  if (hook.kind !== 'sql') return null
  // Each statement in turn; the answer is the last one's rows (or its run info).
  const run = () => {
    let result: unknown = null
    for (const sql of hook.statements) {
      const statement = store.sqlite.prepare(sql)
      result = statement.reader ? statement.all() : statement.run()
    }
    return result
  }
  if (!hook.inWriteTransaction) return run()
  store.sqlite.exec('BEGIN IMMEDIATE')
  try {
    const result = run()
    store.sqlite.exec('COMMIT')
    return result
  } catch (error) {
    store.sqlite.exec('ROLLBACK')
    throw error
  }
}
