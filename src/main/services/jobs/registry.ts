import { randomUUID } from 'node:crypto'
import type { Job } from '../../../shared/types'

// Background jobs of this process (area downloads …): started by a handler, polled with
// jobs.get, stopped with jobs.cancel. Kept in memory; a restart forgets them.

/** What a job's work updates as it goes. */
export interface JobProgress {
  done: number
  total: number
  bytes: number
  failed: number
  message: string | null
  /** Set by the work when it has made something (an import batch, an export file). */
  resultId: string | null
}

/** The work may end the job as failed (with a message) instead of done. */
export type JobOutcome = { state: 'failed'; message: string } | { state: 'done'; message?: string | null } | void

interface Entry {
  job: Job
  /** e.g. 'download:<basemap id>': at most one running job per key. */
  key: string | null
  controller: AbortController
  finished: Promise<void>
}

/** Finished jobs kept for jobs.get after they end. */
const KEEP_FINISHED = 100

export class JobRegistry {
  private readonly entries = new Map<string, Entry>()

  /** Starts `work` in the background and returns the job as it is now. */
  start(
    kind: Job['kind'],
    key: string | null,
    total: number,
    work: (progress: JobProgress, signal: AbortSignal) => Promise<JobOutcome>,
  ): Job {
    const job: Job = {
      id: randomUUID(), kind, state: 'running', done: 0, total, bytes: 0, failed: 0, message: null, resultId: null,
      startedAt: new Date().toISOString(), finishedAt: null,
    }
    const controller = new AbortController()
    const finish = (state: Job['state'], message: string | null) => {
      job.state = state
      job.message = message
      job.finishedAt = new Date().toISOString()
      this.prune()
    }
    const finished = Promise.resolve()
      .then(() => work(job, controller.signal))
      .then(
        (outcome) => {
          if (controller.signal.aborted) finish('cancelled', '已取消')
          else if (outcome?.state === 'failed') finish('failed', outcome.message)
          else finish('done', outcome?.message ?? job.message)
        },
        (error: unknown) => {
          if (controller.signal.aborted) finish('cancelled', '已取消')
          else finish('failed', error instanceof Error ? error.message : String(error))
        },
      )
    this.entries.set(job.id, { job, key, controller, finished })
    return { ...job }
  }

  /** A copy of the job, or undefined when unknown. */
  get(id: string): Job | undefined {
    const entry = this.entries.get(id)
    return entry ? { ...entry.job } : undefined
  }

  /** The running job holding `key`, if any. */
  running(key: string): Job | undefined {
    for (const entry of this.entries.values()) {
      if (entry.key === key && entry.job.state === 'running') return { ...entry.job }
    }
    return undefined
  }

  /** Asks a job to stop; false when unknown. Cancelling a finished job changes nothing. */
  cancel(id: string): boolean {
    const entry = this.entries.get(id)
    if (!entry) return false
    if (entry.job.state === 'running') entry.controller.abort()
    return true
  }

  /** Resolves when the job has ended (whatever its state). */
  async wait(id: string): Promise<Job | undefined> {
    const entry = this.entries.get(id)
    if (!entry) return undefined
    await entry.finished
    return { ...entry.job }
  }

  /** Cancels every running job and waits for them to end (before closing the store). */
  async stopAll(): Promise<void> {
    const running = [...this.entries.values()].filter((e) => e.job.state === 'running')
    for (const entry of running) entry.controller.abort()
    await Promise.all(running.map((e) => e.finished))
  }

  private prune(): void {
    const finished = [...this.entries.values()].filter((e) => e.job.state !== 'running')
    for (const entry of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.entries.delete(entry.job.id)
  }
}
