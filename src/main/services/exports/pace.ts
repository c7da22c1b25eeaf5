import { setImmediate as nextTurn } from 'node:timers/promises'

// Exports run on the host's own thread: every few hundred rows they give the event loop a turn, so
// the zip and file streams drain, other calls (jobs.get, a cancel) are answered, and a cancel is
// seen within a few milliseconds.

/** What an export updates as it goes (a job's progress satisfies it). */
export interface ExportProgress {
  done: number
  total: number
  message: string | null
}

const ROWS_PER_TURN = 500

export interface Pace {
  /** Counts a row read; every ROWS_PER_TURN rows, true: the caller then awaits turn(). */
  read(): boolean
  /** Yields to the event loop; throws when the export was cancelled. */
  turn(): Promise<void>
}

export function pace(progress: ExportProgress, signal: AbortSignal | undefined): Pace {
  let since = 0
  return {
    read() {
      progress.done += 1
      since += 1
      if (since < ROWS_PER_TURN) return false
      since = 0
      return true
    },
    async turn() {
      await nextTurn()
      signal?.throwIfAborted()
    },
  }
}
