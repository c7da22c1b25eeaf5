import { afterEach, expect, test } from 'vitest'
import { busyWriter } from '../helpers/busyWriter'
import { openTestApp, type TestApp } from '../helpers/store'

// A second process writing the same file (the command line beside the app) commits now and then;
// the app's writes must wait for its lock (busy timeout) rather than fail with "database is
// locked". A deferred BEGIN fails here: the write reads first (its clock), the other process
// commits in between, and SQLite cannot upgrade a stale read snapshot to a write, whatever the
// busy timeout.

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

test("the app's writes wait for another process's writes instead of failing", async () => {
  app = await openTestApp()
  const other = busyWriter(app.file, 1500)
  await other.started
  let running = true
  const exited = other.exited.finally(() => (running = false))
  // Write for as long as the other process does (each write a transaction that reads, then writes).
  const results = []
  for (let i = 1; running || i <= 20; i++) {
    results.push(await app.call('clusters.create', { name: `聚集区${i}`, districtCode: '210103' }))
    // better-sqlite3 answers synchronously: give the event loop a turn to hear the other process exit.
    await new Promise((resolve) => setImmediate(resolve))
  }
  expect(results.filter((r) => !r.ok)).toEqual([])
  expect(await exited).toBe(0)
  expect(await app.ok('clusters.list', {})).toHaveLength(results.length)
})
