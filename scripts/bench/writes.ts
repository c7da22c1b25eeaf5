// npx tsx scripts/bench/writes.ts [--buildings N] [--parcels N] [--readers 50] [--seconds 15] [--writes 200]
// Write latency under read load: `readers` concurrent clients ask the browser host for map.sites
// over HTTP on 127.0.0.1 (each again as soon as answered) while one client makes writes one after
// another; prints write latency p50/p99/max and map reads per second, for the host with the store
// on its own thread (before: scripts/bench/inProcessHost.ts) and with the store runtime's workers
// (after: npm run web's bundle). The store is generated once (cli generate) in a temp folder.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { runCli } from '../../src/main/cli/main'

const root = path.resolve(import.meta.dirname, '../..')
const { values } = parseArgs({
  options: {
    buildings: { type: 'string', default: '10000' },
    parcels: { type: 'string', default: '5000' },
    readers: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '15' },
    writes: { type: 'string', default: '200' },
    only: { type: 'string' },
  },
})
const READERS = Number(values.readers)
const SECONDS = Number(values.seconds)
const MAX_WRITES = Number(values.writes)

const hosts: Array<[string, string[]]> = [
  ['before: store on the host thread', [process.execPath, path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/bench/inProcessHost.ts']],
  ['after: store runtime (1 writer, 2 readers)', [process.execPath, 'scripts/host.mjs', 'web']],
]

function startHost(command: string[], dataDir: string): Promise<{ child: ChildProcess; origin: string; token: string }> {
  const child = spawn(command[0]!, [...command.slice(1), '--port', '0', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(out)
      if (match) resolve({ child, origin: match[1]!, token: match[2]! })
    })
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before serving`)))
  })
}

const stopHost = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN

async function measure(origin: string, token: string) {
  const rpc = async (method: string, input: unknown) => {
    const response = await fetch(`${origin}/rpc/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    })
    const body = (await response.json()) as { ok: boolean; error?: { message: string } }
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
  }
  await rpc('map.sites', {}) // warm: the first answer may build caches
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
  const readSeconds = (performance.now() - readStart) / 1000
  latencies.sort((a, b) => a - b)
  return { writes: latencies.length, writeErrors, readErrors, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN, readsPerSecond: reads / readSeconds }
}

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-writes-'))
try {
  const seedDir = path.join(base, 'seed')
  fs.mkdirSync(seedDir)
  const seedFile = path.join(seedDir, 'site-atlas.db')
  console.error(`generating ${values.buildings} buildings, ${values.parcels} parcels …`)
  const code = await runCli(['generate', '--db', seedFile, '--buildings', values.buildings!, '--parcels', values.parcels!, '--seed', '1'])
  if (code !== 0) throw new Error('generate failed')
  console.log(`writes under read load: ${READERS} map.sites readers over HTTP, ${SECONDS} s, ${values.buildings} buildings — ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`)
  for (const [name, command] of hosts) {
    if (values.only && !name.startsWith(values.only)) continue
    // Each host gets its own copy of the same store.
    const dataDir = path.join(base, name.split(':')[0]!)
    fs.mkdirSync(dataDir)
    fs.copyFileSync(seedFile, path.join(dataDir, 'site-atlas.db'))
    const host = await startHost(command, dataDir)
    try {
      const r = await measure(host.origin, host.token)
      const ms = (x: number) => `${Math.round(x)} ms`
      console.log(`${name.padEnd(44)} writes ${String(r.writes).padStart(4)}  p50 ${ms(r.p50).padStart(8)}  p99 ${ms(r.p99).padStart(8)}  max ${ms(r.max).padStart(8)}  map reads/s ${r.readsPerSecond.toFixed(1)}  failed writes ${r.writeErrors}, reads ${r.readErrors}`)
    } finally {
      await stopHost(host.child)
    }
  }
} finally {
  fs.rmSync(base, { recursive: true, force: true })
}
