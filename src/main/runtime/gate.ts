// Calls pass side by side; an exclusive one (a restore: METHOD_KINDS 'exclusive') waits for those
// in flight to finish, and every call that arrives after it waits behind it, so it is never
// starved by a steady stream of reads. When it is done, the waiting calls go in their order.

interface Waiter {
  exclusive: boolean
  go(): void
}

export class ExclusiveGate {
  private passing = 0
  private held = false
  private readonly queue: Waiter[] = []

  /** Runs `work` beside other shared work, once no exclusive work holds or waits for the gate. */
  shared<T>(work: () => Promise<T>): Promise<T> {
    return this.run(false, work)
  }

  /** Runs `work` alone: after everything in flight, before anything that came after. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.run(true, work)
  }

  /** True while exclusive work runs or waits to. */
  get closing(): boolean {
    return this.held || this.queue.some((w) => w.exclusive)
  }

  private async run<T>(exclusive: boolean, work: () => Promise<T>): Promise<T> {
    await this.enter(exclusive)
    try {
      return await work()
    } finally {
      if (exclusive) this.held = false
      else this.passing -= 1
      this.drain()
    }
  }

  private enter(exclusive: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      this.queue.push({ exclusive, go: resolve })
      this.drain()
    })
  }

  private drain(): void {
    while (this.queue.length > 0 && !this.held) {
      const next = this.queue[0]!
      if (next.exclusive) {
        if (this.passing > 0) return
        this.held = true
      } else this.passing += 1
      this.queue.shift()
      next.go()
    }
  }
}
