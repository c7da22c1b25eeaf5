// npm run bench [-- --json] [-- --only store,map] [-- --db FILE]: every figure of issue 8 at the
// target scale (10,000 buildings, 200,000 spaces, 50,000 leases, 5,000 parcels) with its goal and
// whether it is met. One store is generated in a mkdtemp folder (or --db is copied there) and every
// part runs on it in turn; the table (or with --json the object) goes to stdout, progress to stderr.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import BetterSqlite3 from 'better-sqlite3'
import { runCli } from '../../src/main/cli/main'
import { formatTable, parseArgs, toJson, USAGE } from './report'
import type { BenchContext, BenchPart, BenchRow, BenchScale } from './rows'

/**
 * The parts, in the order they run: name (for --only) → module beside this file exporting
 * `run: BenchPart`. Adding a part is one line here; a module not (yet) on this branch is skipped
 * with a message.
 */
export const PARTS: Record<string, string> = {
  store: './store.ts',
  import: './import.ts',
  export: './export.ts',
  map: './map.ts',
  host: './hostStart.ts',
  writes: './writes.ts',
  'stats.rollups': './statsRollups.ts',
  'stats.trend': './statsTrend.ts',
  'sync.apply': './syncApply.ts',
  'sync.packages': './syncPackages.ts',
}

/** The scale of issue 8, as `cli generate` options. */
const GENERATE = ['--buildings', '10000', '--parcels', '5000', '--tenants', '50000', '--spaces', '200000', '--seed', '1']
const DB_NAME = 'site-atlas.db'

const log = (line: string) => process.stderr.write(`${line}\n`)

function scaleOf(file: string): BenchScale {
  const sqlite = new BetterSqlite3(file, { readonly: true })
  try {
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n
    return { buildings: count('buildings'), spaces: count('spaces'), leases: count('leases'), parcels: count('parcels') }
  } finally {
    sqlite.close()
  }
}

/** A consistent copy of a store file (its WAL included) through SQLite's backup, so the original is only read. */
async function copyDb(from: string, to: string): Promise<void> {
  const sqlite = new BetterSqlite3(from, { readonly: true, fileMustExist: true })
  try {
    await sqlite.backup(to)
  } finally {
    sqlite.close()
  }
}

async function generate(file: string): Promise<void> {
  log(`Generating the store (generate ${GENERATE.join(' ')}) in ${path.dirname(file)} …`)
  let last = 0
  const code = await runCli(['generate', '--db', file, ...GENERATE], {
    out: () => {},
    // generate reports progress on err: one line in ten seconds is enough here.
    err: (line: string) => {
      if (Date.now() - last > 10_000) {
        last = Date.now()
        log(`  ${line}`)
      }
    },
  })
  if (code !== 0) throw new Error(`generate failed (exit ${code})`)
}

async function loadPart(name: string, modulePath: string): Promise<BenchPart | string> {
  const file = path.resolve(import.meta.dirname, modulePath)
  if (!fs.existsSync(file)) return `part ${name} skipped: ${path.relative(process.cwd(), file)} is not on this branch yet`
  const module = (await import(pathToFileURL(file).href)) as { run?: unknown }
  if (typeof module.run !== 'function') return `part ${name} skipped: ${path.relative(process.cwd(), file)} exports no run(ctx)`
  return module.run as BenchPart
}

async function main(): Promise<number> {
  let options
  try {
    options = parseArgs(process.argv.slice(2), Object.keys(PARTS))
  } catch (error) {
    log(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-bench-'))
  const cleanup = () => fs.rmSync(root, { recursive: true, force: true })
  process.once('SIGINT', () => {
    cleanup()
    process.exit(130)
  })
  try {
    const dataDir = path.join(root, 'data')
    fs.mkdirSync(dataDir)
    const file = path.join(dataDir, DB_NAME)
    if (options.db) {
      log(`Copying ${options.db} to ${dataDir} (the bench never changes the original) …`)
      await copyDb(options.db, file)
    } else {
      await generate(file)
    }
    const scale = scaleOf(file)
    log(`Scale: ${scale.buildings} buildings, ${scale.spaces} spaces, ${scale.leases} leases, ${scale.parcels} parcels`)

    let folders = 0
    const tempDir = (prefix: string) => fs.mkdtempSync(path.join(root, `${prefix.replace(/[^\w.-]/g, '_')}-${++folders}-`))
    const ctx: BenchContext = {
      dataDir,
      scale,
      log,
      tempDir,
      copyStore: async (prefix) => {
        const dir = tempDir(`${prefix}-data`)
        await copyDb(file, path.join(dir, DB_NAME))
        return dir
      },
    }

    const rows: BenchRow[] = []
    const notes: string[] = []
    let failed = false
    for (const [name, modulePath] of Object.entries(PARTS)) {
      if (options.only && !options.only.includes(name)) continue
      const part = await loadPart(name, modulePath)
      if (typeof part === 'string') {
        log(part)
        notes.push(part)
        continue
      }
      log(`Part ${name} (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs) …`)
      const started = performance.now()
      try {
        const partRows = await part(ctx)
        rows.push(...partRows)
        log(`  ${partRows.length} rows in ${((performance.now() - started) / 1000).toFixed(0)} s`)
      } catch (error) {
        failed = true
        const message = `part ${name} failed: ${error instanceof Error ? error.message : String(error)}`
        log(error instanceof Error && error.stack ? error.stack : message)
        notes.push(message)
      }
    }
    notes.push(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
    if (options.json) process.stdout.write(`${JSON.stringify(toJson(scale, rows), null, 2)}\n`)
    else process.stdout.write(formatTable(scale, rows, notes))
    // With --json the notes stay on stderr; the skipped and failed parts were told as they happened.
    if (options.json) log(notes.at(-1)!)
    return failed ? 1 : 0
  } finally {
    cleanup()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench failed: ${error instanceof Error ? error.stack : String(error)}`)
    process.exit(1)
  },
)
