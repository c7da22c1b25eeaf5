// Login throttling: after FREE_FAILURES wrong passwords in a row, each further attempt waits twice
// as long as the one before (capped), so guessing a password over the network takes ages. Counted
// per account in the database (every instance sees it) and per client address in this process (one
// address trying many account names).

export const FREE_FAILURES = 5
const MAX_WAIT_SECONDS = 15 * 60

/** Seconds still to wait before another attempt, 0 when one may be made now. */
export function waitSeconds(failures: number, lastFailedAt: Date | null, now: Date = new Date()): number {
  if (failures < FREE_FAILURES || !lastFailedAt) return 0
  const wait = Math.min(2 ** (failures - FREE_FAILURES), MAX_WAIT_SECONDS)
  const left = lastFailedAt.getTime() + wait * 1000 - now.getTime()
  return left > 0 ? Math.ceil(left / 1000) : 0
}

/** Failures per client address, kept in memory (forgotten an hour after the last one). */
export class AddressThrottle {
  private readonly failures = new Map<string, { count: number; last: Date }>()

  waitSeconds(address: string, now: Date = new Date()): number {
    const entry = this.failures.get(address)
    return entry ? waitSeconds(entry.count, entry.last, now) : 0
  }

  failed(address: string, now: Date = new Date()): void {
    this.sweep(now)
    const entry = this.failures.get(address)
    this.failures.set(address, { count: (entry?.count ?? 0) + 1, last: now })
  }

  succeeded(address: string): void {
    this.failures.delete(address)
  }

  private sweep(now: Date): void {
    if (this.failures.size < 10_000) return
    for (const [address, entry] of this.failures) if (now.getTime() - entry.last.getTime() > 3600_000) this.failures.delete(address)
  }
}
