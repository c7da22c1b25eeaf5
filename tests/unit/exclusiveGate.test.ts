import { describe, expect, it } from 'vitest'
import { ExclusiveGate } from '../../src/main/runtime/gate'

// The runtime's gate (runtime/gate.ts): a restore waits for the calls in flight, and the calls that
// come after it wait for it, in their order.

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('ExclusiveGate', () => {
  it('runs exclusive work after the shared work in flight and before the shared work that came later', async () => {
    const gate = new ExclusiveGate()
    const log: string[] = []
    const first = deferred()
    const second = deferred()
    const a = gate.shared(async () => { log.push('a starts'); await first.promise; log.push('a ends') })
    const b = gate.shared(async () => { log.push('b starts'); await second.promise; log.push('b ends') })
    const x = gate.exclusive(async () => { log.push('x runs') })
    const c = gate.shared(async () => { log.push('c runs') })
    await tick()
    expect(log).toEqual(['a starts', 'b starts'])
    expect(gate.closing).toBe(true)
    first.resolve()
    await tick()
    expect(log).toEqual(['a starts', 'b starts', 'a ends'])
    second.resolve()
    await Promise.all([a, b, x, c])
    expect(log).toEqual(['a starts', 'b starts', 'a ends', 'b ends', 'x runs', 'c runs'])
    expect(gate.closing).toBe(false)
  })

  it('lets the next work go when exclusive work fails, and passes the failure to its caller', async () => {
    const gate = new ExclusiveGate()
    const failed = gate.exclusive(async () => { throw new Error('refused') })
    const after = gate.shared(async () => 'answered')
    await expect(failed).rejects.toThrow('refused')
    await expect(after).resolves.toBe('answered')
  })

  it('never runs exclusive work beside any other work', async () => {
    const gate = new ExclusiveGate()
    const running: string[] = []
    const overlaps: string[][] = []
    const work = (name: string) => async () => {
      running.push(name)
      if (running.length > 1 && running.some((n) => n.startsWith('x'))) overlaps.push([...running])
      await tick()
      running.splice(running.indexOf(name), 1)
    }
    await Promise.all([gate.exclusive(work('x1')), gate.shared(work('s1')), gate.exclusive(work('x2')), gate.shared(work('s2')), gate.shared(work('s3'))])
    expect(overlaps).toEqual([])
  })
})
