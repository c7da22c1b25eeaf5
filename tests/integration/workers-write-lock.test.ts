import { expect, test, vi } from 'vitest'
import { busyWriter } from '../helpers/busyWriter'
import { runtimePerTest } from '../helpers/runtime'

// write-lock.test.ts for the store runtime: with the writer in a worker process, a second process
// writing the same file (the command line beside the app) still makes the app's writes wait for
// its lock (BEGIN IMMEDIATE + busy timeout, inside the writer) instead of failing.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const t = runtimePerTest()

test("the writer worker's writes wait for another process's writes instead of failing", async () => {
  const app = await t.start({ readers: 1 })
  await app.ok('meta.info', {})
  const other = busyWriter(app.file, 1500)
  await other.started
  let running = true
  const exited = other.exited.finally(() => (running = false))
  // Several writes in flight at once, for as long as the other process writes.
  const results = []
  for (let i = 1; running || i <= 20; i += 4) {
    results.push(...(await Promise.all([0, 1, 2, 3].map((k) => app.call('clusters.create', { name: `聚集区${i + k}`, districtCode: '210103' })))))
  }
  expect(results.filter((r) => !r.ok)).toEqual([])
  expect(await exited).toBe(0)
  expect(await app.ok('clusters.list', {})).toHaveLength(results.length)
})
