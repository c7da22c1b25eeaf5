// Bench part `writes` (issue 8 item 7): write latency under read load. READERS concurrent clients
// ask the browser host (npm run web: the store runtime, one writer and two reader processes) for
// map.sites over HTTP on 127.0.0.1, each again as soon as answered, while one client makes writes
// one after another; the row is the writes' p99. Alone: npx tsx scripts/bench/writes.ts [--db FILE]
// [--buildings N] [--before] (--before also measures the host with the store on its own thread,
// scripts/bench/inProcessHost.ts, which at 10,000 buildings takes minutes).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isMain, runAlone } from './alone'
import { copyStoreInto, ensureHostBuilt, percentile, root, startHost, stopHost, WEB_COMMAND } from './hostProcess'
import type { BenchContext, BenchPart, BenchRow } from './rows'

const READERS = 50
const SECONDS = 15
const MAX_WRITES = 200
const GOAL_MS = 200

const BEFORE_COMMAND = [process.execPath, path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/bench/inProcessHost.ts']

interface Measured {
  writes: number
  writeErrors: number
  readErrors: number
  p50: number
  p99: number
  max: number
  readsPerSecond: number
}

async function measure(origin: string, token: string): Promise<Measured> {
  const rpc = async (method: string, input: unknown) => {
    const response = await fetch(`${origin}/rpc/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify(input),
    })
    const body = (await response.json()) as { ok: boolean; error?: { message: string } }
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
  }
  await rpc('map.sites', {}) // warm: the first answer builds the kept one
  const end = Date.now() + SECONDS * 1000
  let reads = 0
  let readErrors = 0
  let stop = false
  // A host that cannot keep up refuses or drops connections: counted, not fatal.
  const readers = Array.from({ length: READERS }, async () => {
    while (!stop && Date.now() < end) {
      try {
        await rpc('map.sites', {})
        reads++
      } catch {
        readErrors++
      }
    }
  })
  const latencies: number[] = []
  let writeErrors = 0
  const readStart = performance.now()
  // Let the readers pile up before the first write.
  await new Promise((resolve) => setTimeout(resolve, 500))
  for (let i = 0; i < MAX_WRITES && Date.now() < end; i++) {
    const t0 = performance.now()
    try {
      await rpc('clusters.create', { name: `压测聚集区${Date.now()}-${i}`, districtCode: '210103' })
      latencies.push(performance.now() - t0)
    } catch {
      writeErrors++
    }
  }
  stop = true
  await Promise.all(readers)
  return {
    writes: latencies.length,
    writeErrors,
    readErrors,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    readsPerSecond: reads / ((performance.now() - readStart) / 1000),
  }
}

/** One host command over its own copy of the store, measured. */
async function measureHost(ctx: BenchContext, name: string, command: string[]): Promise<Measured> {
  const dataDir = ctx.tempDir(`writes-${name}`)
  await copyStoreInto(ctx.dataDir, dataDir)
  const host = await startHost(command, dataDir)
  try {
    return await measure(host.origin, host.token)
  } finally {
    await stopHost(host.child)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const describe = (r: Measured) =>
  `${r.writes} writes in ${SECONDS} s: p50 ${Math.round(r.p50)} ms, max ${Math.round(r.max)} ms; ${r.readsPerSecond.toFixed(1)} map reads/s; failed writes ${r.writeErrors}, reads ${r.readErrors}`

export const run: BenchPart = async (ctx) => {
  ensureHostBuilt()
  ctx.log(`writes: ${READERS} map.sites readers over HTTP for ${SECONDS} s while one client writes (${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}) …`)
  const after = await measureHost(ctx, 'runtime', WEB_COMMAND)
  ctx.log(`  ${describe(after)}`)
  const row: BenchRow = {
    name: 'writes.underReadLoad',
    label: `a write with ${READERS} concurrent map readers (p99)`,
    ms: Math.round(after.p99),
    goal: `≤ ${GOAL_MS} ms`,
    // Every write must have gone through: a refused write is no fast write.
    met: after.writes > 0 && after.writeErrors === 0 && after.p99 <= GOAL_MS,
    detail: describe(after),
  }
  return [row]
}

if (isMain(import.meta.url)) {
  await runAlone(async (ctx) => {
    const rows = await run(ctx)
    if (process.argv.includes('--before')) {
      ctx.log('before: the store on the host thread …')
      const before = await measureHost(ctx, 'in-process', BEFORE_COMMAND)
      ctx.log(`  before: p99 ${Math.round(before.p99)} ms; ${describe(before)}`)
      rows[0]!.baseline = Math.round(before.p99)
    }
    return rows
  })
}
