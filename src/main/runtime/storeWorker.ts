import type { WorkerEntry } from './entry'
import { launchWorker, type WorkerProcess } from './launch'
import type { WorkerCall, WorkerFailure, WorkerInit, WorkerMessage, WorkerRole } from './protocol'

// One store worker seen from the host: starts its process, numbers its calls, answers each call
// exactly once — with the worker's answer, or with a Chinese sentence when the worker timed out,
// crashed or was closed — and starts a fresh process after one is lost.

export interface WorkerLimits {
  /** A call not answered within this long after it was sent is stopped (see onDeadline); a call waiting for a place longer is refused unsent. */
  callTimeoutMs: number
  /**
   * Calls sent to the worker at once; the others wait here. A worker runs SQL one statement at a
   * time, so more in its own queue only makes calls wait where their deadlines already run and
   * puts the ping that tells "busy" from "stuck" behind them.
   */
  maxInFlight: number
  /** How long a stalled-looking worker has to answer a ping before it is killed. */
  pingGraceMs: number
}

/** An answer that did not come from the worker: why the call was not answered. */
export interface Lost {
  type: 'lost'
  message: string
}

type Answer = Exclude<WorkerMessage, { type: 'ready' } | { type: 'failed' }> | Lost
type CallBody = WorkerCall extends infer C ? (C extends WorkerCall ? Omit<C, 'seq'> : never) : never

interface Pending {
  resolve(answer: Answer): void
  timer: NodeJS.Timeout | null
  describe: string
  /** The process the call was sent to: when it goes, only its own calls are answered for it. */
  process: WorkerProcess
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} 秒` : `${ms} 毫秒`)

export class StoreWorker {
  private process: WorkerProcess | null = null
  private starting: Promise<WorkerProcess> | null = null
  /** A process launched ahead (its code loading) that has not been told to open the store yet. */
  private launched: WorkerProcess | null = null
  private readonly pending = new Map<number, Pending>()
  private seq = 0
  private closed = false
  /** Set as close() begins: a process lost from here on is not replaced. */
  private closing = false
  /** What the calls still pending on a process are told when it goes (set before a kill or close). */
  private readonly exitReasons = new WeakMap<WorkerProcess, string>()
  /** Processes started, for tests and logs. */
  generation = 0
  /** Limited calls sent and not yet answered, and those waiting for a place. */
  private inFlight = 0
  private readonly waiting: Array<() => void> = []
  /** Calls waiting for the process to start. */
  private awaitingStart = 0

  constructor(
    readonly role: WorkerRole,
    private readonly entry: WorkerEntry,
    private readonly init: Omit<WorkerInit, 'type' | 'role'>,
    private readonly limits: WorkerLimits,
    /** Settles when this worker may open the store: a reader waits for the writer to have made or migrated it. */
    private openAfter: Promise<unknown> = Promise.resolve(),
  ) {}

  /** Calls sent or waiting to be: the pool sends reads to the least busy reader. */
  get load(): number {
    return this.pending.size + this.waiting.length + this.awaitingStart
  }

  get pid(): number | undefined {
    return this.process?.pid
  }

  /**
   * Launches the process so its code loads now, beside other work; it opens the store only when
   * started. Readers launch with the writer but open the store after the writer has migrated it.
   */
  launch(): void {
    if (!this.process && !this.starting && !this.launched && !this.closed) this.launched = launchWorker(this.entry, this.role === 'reader')
  }

  /** Starts the process if it is not running; rejects when the store cannot be opened. */
  start(): Promise<WorkerProcess> {
    if (this.process) return Promise.resolve(this.process)
    if (this.closed) return Promise.reject(new Error('数据文件已关闭'))
    this.starting ??= this.openAfter.then(() => this.spawn()).finally(() => (this.starting = null))
    return this.starting
  }

  /**
   * Sends a call (once a place is free, unless `limited` is false: quick or merely waiting work
   * such as a tile) and resolves with its answer; never rejects, never hangs.
   */
  async request(body: CallBody, describe: string, limited = true): Promise<Answer> {
    if (!limited) return this.send(body, describe)
    if (this.inFlight >= this.limits.maxInFlight) {
      if (!(await this.waitForPlace())) {
        return { type: 'lost', message: `后台忙：等待超过 ${seconds(this.limits.callTimeoutMs)}仍未轮到，操作未执行，请稍后重试` }
      }
    } else this.inFlight += 1
    try {
      return await this.send(body, describe)
    } finally {
      // The place passes to the next waiting call (inFlight unchanged), or is freed.
      const next = this.waiting.shift()
      if (next) next()
      else this.inFlight -= 1
    }
  }

  /** Waits for a place (handed over by a finishing call); false when none came within the call's deadline. */
  private waitForPlace(): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const granted = () => {
        clearTimeout(timer)
        resolve(true)
      }
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(granted)
        if (at >= 0) this.waiting.splice(at, 1)
        resolve(false)
      }, this.limits.callTimeoutMs)
      timer.unref?.()
      this.waiting.push(granted)
    })
  }

  private async send(body: CallBody, describe: string): Promise<Answer> {
    let process: WorkerProcess
    this.awaitingStart += 1
    try {
      process = await this.start()
    } catch (error) {
      return { type: 'lost', message: (error as Error).message }
    } finally {
      this.awaitingStart -= 1
    }
    const seq = ++this.seq
    return new Promise<Answer>((resolve) => {
      const pending: Pending = { resolve, timer: null, describe, process }
      this.pending.set(seq, pending)
      this.arm(seq, pending)
      process.send({ ...body, seq } as WorkerCall)
    })
  }

  /**
   * After close(): lets the worker start again, as a new process (a new generation) that opens the
   * store once `openAfter` settles — the runtime's workers after a restore replaced the file.
   */
  reopen(openAfter: Promise<unknown> = Promise.resolve()): void {
    this.closed = false
    this.closing = false
    this.openAfter = openAfter
  }

  /** Closes the store in the worker (services shut down first), then lets the process end. */
  async close(graceMs = 5000): Promise<void> {
    if (this.closed) return
    this.closing = true
    this.launched?.kill()
    this.launched = null
    const process = this.process ?? (this.starting ? await this.starting.catch(() => null) : null)
    this.closed = true
    if (!process) return
    const exited = new Promise<void>((resolve) => process.onExit(() => resolve()))
    this.exitReasons.set(process, '数据文件已关闭，操作未完成')
    const seq = ++this.seq
    this.pending.set(seq, { resolve: () => undefined, timer: null, describe: 'close', process })
    process.send({ type: 'close', seq })
    const timer = setTimeout(() => process.kill(), graceMs)
    await exited
    clearTimeout(timer)
  }

  private spawn(): Promise<WorkerProcess> {
    const process = this.launched ?? launchWorker(this.entry, this.role === 'reader')
    this.launched = null
    this.generation += 1
    return new Promise<WorkerProcess>((resolve, reject) => {
      let ready = false
      process.onMessage((message) => {
        if (message.type === 'ready') {
          ready = true
          this.process = process
          return resolve(process)
        }
        if (message.type === 'failed') {
          process.kill()
          return reject(failureError(message.error))
        }
        this.settle(message.seq, message)
      })
      process.onExit((code, signal) => {
        if (!ready) return reject(new Error(`后台数据进程未能启动（退出码 ${code ?? signal}）`))
        if (this.process === process) this.process = null
        const reason = this.exitReasons.get(process) ?? '后台数据进程意外退出，操作未完成，请重试'
        // The user is told why in words; which calls went (method names, paths) is for the log.
        const lost = [...this.pending.values()].filter((p) => p.process === process && p.describe !== 'close').map((p) => p.describe)
        if (lost.length > 0 && !this.closing) console.error(`[site-atlas] ${this.role} exited (${code ?? signal}) with ${lost.join(', ')} unanswered`)
        for (const [seq, pending] of [...this.pending]) {
          if (pending.process === process) this.settle(seq, { type: 'lost', message: reason })
        }
        this.restart()
      })
      process.send({ type: 'init', role: this.role, ...this.init })
    })
  }

  private settle(seq: number, answer: Answer): void {
    const pending = this.pending.get(seq)
    if (!pending) return // answered already (timed out), or a ping
    this.pending.delete(seq)
    if (pending.timer) clearTimeout(pending.timer)
    pending.resolve(answer)
  }

  private arm(seq: number, pending: Pending): void {
    pending.timer = setTimeout(() => void this.onDeadline(seq), this.limits.callTimeoutMs)
    pending.timer.unref?.()
  }

  /**
   * A call is overdue. A reader's is stopped: its process is killed and replaced, whether it is
   * stuck inside SQLite or a parser or merely still busy (an async parse that yields answers a
   * ping, and would otherwise go on after the user was told it stopped, while the next read landed
   * behind it). The other calls it held are told they were interrupted. A write whose worker still
   * answers a ping is given more time, since its outcome must be told truthfully (a long job runs
   * there); a writer that does not answer is stuck: killed (SQLite rolls back whatever it had not
   * committed) and replaced the same way.
   */
  private async onDeadline(seq: number): Promise<void> {
    const pending = this.pending.get(seq)
    // A call on a process already being replaced is answered when that process has gone.
    if (!pending || pending.process !== this.process) return
    const process = pending.process
    const limit = seconds(this.limits.callTimeoutMs)
    // A writer's outcome (or a restore's) must be told truly: given more time while it answers.
    if (this.role !== 'reader') {
      const alive = await this.ping(process)
      if (!this.pending.has(seq)) return
      if (alive) return this.arm(seq, pending)
      if (process !== this.process) return
    }
    console.error(`[site-atlas] ${this.role} overdue on ${pending.describe} after ${limit}; restarting it`)
    this.settle(seq, {
      type: 'lost',
      message: this.role === 'writer'
        ? `保存超时：超过 ${limit}仍未完成，已中止，数据库中尚未提交的修改已撤销`
        : `操作超时：超过 ${limit}仍未完成，已停止`,
    })
    this.exitReasons.set(process, '后台数据进程因另一操作超时而重启，本操作被中断，请重试')
    // Detached now: calls from here on go to a fresh process, not to the one being killed.
    this.process = null
    process.kill()
    this.restart()
  }

  /** A fresh process at once, so the next call does not pay for the start. */
  private restart(): void {
    if (this.closed || this.closing || this.process) return
    this.start().catch((error: unknown) => console.error(`[site-atlas] ${this.role} restart failed:`, error))
  }

  private ping(process: WorkerProcess): Promise<boolean> {
    const seq = ++this.seq
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq)
        resolve(false)
      }, this.limits.pingGraceMs)
      this.pending.set(seq, {
        resolve: (answer) => {
          clearTimeout(timer)
          resolve(answer.type === 'pong')
        },
        timer: null,
        describe: 'ping',
        process,
      })
      process.send({ type: 'ping', seq })
    })
  }
}

/**
 * A worker's failure to open the store, with the message (and StoreOpenError's name and problem)
 * it had there. Not a StoreOpenError itself: that would load the store's code into the host.
 */
function failureError(failure: WorkerFailure): Error & { problem?: string } {
  const error: Error & { problem?: string } = new Error(failure.message)
  error.name = failure.name
  if (failure.problem) error.problem = failure.problem
  return error
}
