import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { expect, test, vi } from 'vitest'
import { runtimePerTest } from '../helpers/runtime'

// write-lock.test.ts for the store runtime: with the writer in a worker process, a second process
// writing the same file (the command line beside the app) still makes the app's writes wait for
// its lock (BEGIN IMMEDIATE + busy timeout, inside the writer) instead of failing.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3')

/** Another process that commits small write transactions back to back for `forMs`. */
function busyWriter(file: string, forMs: number) {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)})
    const db = new Database(${JSON.stringify(file)})
    db.pragma('busy_timeout = 5000')
    const put = db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('other.process', ?, '2026-01-01T00:00:00Z')")
    const end = Date.now() + ${forMs}
    let n = 0
    process.stdout.write('writing\\n')
    while (Date.now() < end) {
      db.exec('BEGIN IMMEDIATE')
      put.run(String(++n))
      db.exec('COMMIT')
    }
    db.close()
  `
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve())
    child.once('exit', (code) => reject(new Error(`the other writer exited early (${code})`)))
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { started, exited }
}

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
