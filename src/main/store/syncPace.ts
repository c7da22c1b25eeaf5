// A merge's pace: a whole store's log is checked and merged for minutes in one call, and the store
// runtime gives a write more time past its deadline only while its process answers a ping
// (runtime/storeWorker.ts onDeadline). Work that runs in microtasks alone (better-sqlite3 is
// synchronous; Kysely's awaits never reach the event loop) lets the loop turn this often.

/** How long merging runs before it lets the event loop turn. */
export const BREATH_MS = 150

export class Pace {
  private last = performance.now()

  /** Lets the event loop turn when BREATH_MS have passed since it last did (an open transaction stays open). */
  async breathe(): Promise<void> {
    if (performance.now() - this.last < BREATH_MS) return
    await new Promise((resolve) => setImmediate(resolve))
    this.last = performance.now()
  }
}
