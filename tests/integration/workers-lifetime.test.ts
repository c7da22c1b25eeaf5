import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runtimePerTest } from '../helpers/runtime'
import { tempDir } from '../helpers/store'

// Worker processes never outlive their host, even stuck inside SQLite, however the host ends.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const t = runtimePerTest()
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
const leftovers: number[] = []
afterEach(() => {
  for (const pid of leftovers.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL')
})

/** Starts tests/helpers/runtimeHost.ts; resolves with the host and its stuck workers' pids. */
async function startHost(then: 'wait' | 'exit'): Promise<{ host: ReturnType<typeof spawn>; workers: number[]; dir: string }> {
  const dir = tempDir('site-atlas-host-')
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const host = spawn(process.execPath, ['--import', tsx, path.join(import.meta.dirname, '../helpers/runtimeHost.ts'), path.join(dir, 'atlas.db'), then], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  const workers = await new Promise<number[]>((resolve, reject) => {
    host.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as number[])
    })
    host.once('exit', (code) => (out.includes('\n') ? undefined : reject(new Error(`host ended (${code}) before starting its workers`))))
  })
  leftovers.push(...workers)
  return { host, workers, dir }
}

describe('worker processes', () => {
  it('die when their host is killed outright, even while stuck in a query', async () => {
    const { host, workers, dir } = await startHost('wait')
    expect(workers.every(alive)).toBe(true)
    host.kill('SIGKILL')
    await vi.waitFor(() => expect(workers.filter(alive)).toEqual([]), { timeout: 15_000, interval: 100 })
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('are killed as their host ends by process.exit(), even while stuck in a query', async () => {
    const { host, workers, dir } = await startHost('exit')
    const code = await new Promise<number | null>((resolve) => (host.exitCode !== null ? resolve(host.exitCode) : host.once('exit', resolve)))
    expect(code).toBe(3)
    await vi.waitFor(() => expect(workers.filter(alive)).toEqual([]), { timeout: 15_000, interval: 100 })
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('leave Ctrl+C (SIGINT to the whole group) to the host: a worker is not lost, nor restarted, by it', async () => {
    const app = await t.start({ readers: 1 })
    await app.ok('meta.info', {})
    const before = app.runtime.workers()
    for (const w of before) process.kill(w.pid!, 'SIGINT')
    for (const w of before) process.kill(w.pid!, 'SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await app.ok('clusters.list', {})).toEqual([])
    expect(app.runtime.workers().map((w) => [w.pid, w.generation])).toEqual(before.map((w) => [w.pid, w.generation]))
  })
})
