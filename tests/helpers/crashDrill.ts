import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import BetterSqlite3 from 'better-sqlite3'
import { build } from 'esbuild'
import { migrations } from '../../src/main/store/migrations'
import { openStore } from '../../src/main/store/open'
import { checkAfterKill, type CrashModel, emptyModel, readLines, type SchemaDump, schemaOf } from './crashCheck'
import type { CrashChildConfig, CrashLine, CrashOp } from './crashProtocol'
import { seededRandom } from './crashRandom'
import { phoneJpeg } from './photos'
import { tempDir } from './store'

// The crash drill: a child process (crashChild.ts) writes through the real services and is killed
// with SIGKILL at a seeded random moment, most often a few milliseconds after it says it began a
// write; the store is then checked (crashCheck.ts) and the next child carries on from what
// survived. Some rounds start from a store of an older schema version (the child's open migrates
// it) or from no store at all, and are killed during that open.

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The schema version the migration rounds start from. */
export const MIGRATE_FROM = '007_sites_version'

export interface DrillOptions {
  kills: number
  seed: number
  /** Share of rounds that start a new store: half from MIGRATE_FROM, half from nothing. */
  newStoreShare?: number
  /** Children started ahead of their round (they load their modules meanwhile); 2 unless given. */
  spares?: number
  /** Called with a line of progress now and then. */
  progress?: (line: string) => void
}

export interface DrillFigures {
  seed: number
  kills: number
  /** Kills that landed while a write had begun and was not yet acknowledged. */
  midWrite: number
  /** Kills per kind of the write begun last (mid-write or not), e.g. { open: 40, leaseCreate: 30 }. */
  byOp: Record<string, { kills: number; midWrite: number }>
  acknowledged: number
  refused: number
  /** Refusals by method and message: the drill's writes are meant to be accepted, so these are few. */
  refusals: Record<string, number>
  /** Open calls that found an older store and were killed while migrating it or after. */
  migrations: number
  failures: string[]
  seconds: number
}

interface Spare {
  child: ChildProcess
  lines: CrashLine[]
  ready: Promise<void>
  exited: Promise<void>
  listeners: Array<(line: CrashLine) => void>
}

/**
 * Bundles the child once, with its dependencies (but the native ones), and a loader that runs it
 * with V8's code cache: the drill starts hundreds of children, and parsing and compiling the
 * bundle is most of a start. Returns the loader's arguments.
 */
async function bundleChild(dir: string): Promise<string[]> {
  const bundle = path.join(dir, 'crashChild.cjs')
  await build({
    entryPoints: [path.join(REPO, 'tests/helpers/crashChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'sharp'],
    outfile: bundle,
    logLevel: 'error',
    // import('sharp') as require: a script compiled from V8's code cache loses its dynamic-import hook.
    supported: { 'dynamic-import': false },
    // The services find resources/ from their module's URL; in a CommonJS bundle that is the bundle's.
    define: { 'import.meta.url': '__crashChildUrl' },
    banner: { js: "const __crashChildUrl = require('node:url').pathToFileURL(__filename).href;" },
  })
  // The native modules are required by name: resolve them from the project's node_modules.
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  const loader = path.join(dir, 'load.cjs')
  fs.writeFileSync(loader, LOADER)
  return [loader, bundle]
}

/** Runs a CommonJS file through vm.Script with a code cache beside it, made by the first run. */
const LOADER = `const fs = require('node:fs'), vm = require('node:vm'), Module = require('node:module'), path = require('node:path')
const bundle = process.argv[2], cacheFile = bundle + '.v8cache'
const cachedData = fs.existsSync(cacheFile) ? fs.readFileSync(cacheFile) : undefined
const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData })
const wrapped = new Module(bundle, module)
wrapped.filename = bundle
wrapped.paths = Module._nodeModulePaths(path.dirname(bundle))
script.runInThisContext()(wrapped.exports, Module.createRequire(bundle), wrapped, bundle, path.dirname(bundle))
if (!cachedData || script.cachedDataRejected) {
  fs.writeFileSync(cacheFile + '.' + process.pid, script.createCachedData())
  fs.renameSync(cacheFile + '.' + process.pid, cacheFile)
}
`

function startSpare(args: readonly string[]): Spare {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] })
  const spare: Spare = { child, lines: [], ready: Promise.resolve(), exited: Promise.resolve(), listeners: [] }
  let buffer = ''
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    const parts = buffer.split('\n')
    buffer = parts.pop()!
    for (const part of parts) {
      const line = JSON.parse(part) as CrashLine
      spare.lines.push(line)
      for (const listener of spare.listeners) listener(line)
    }
  })
  spare.exited = new Promise((resolve) => child.once('close', () => resolve()))
  spare.ready = new Promise((resolve, reject) => {
    spare.listeners.push((line) => line.t === 'ready' && resolve())
    void spare.exited.then(() => reject(new Error(`the drill's child ended before it was ready: ${stderr.slice(-2000)}`)))
  })
  // A spare stopped at the end of the drill is never awaited.
  spare.ready.catch(() => undefined)
  child.stdin!.on('error', () => undefined)
  return spare
}

/** A store made at `migrateTo` (or the latest), closed, and its schema. */
async function makeStore(file: string, migrateTo?: string): Promise<{ version: number; schema: SchemaDump }> {
  const store = await openStore(file, { migrateTo })
  const version = store.schemaVersion
  await store.close()
  const db = new BetterSqlite3(file, { readonly: true })
  const schema = schemaOf(db)
  db.close()
  return { version, schema }
}

export async function runCrashDrill(options: DrillOptions): Promise<DrillFigures> {
  const started = Date.now()
  const random = seededRandom(options.seed)
  const newStoreShare = options.newStoreShare ?? 0.2
  const dir = tempDir('site-atlas-crash-')
  const figures: DrillFigures = {
    seed: options.seed, kills: 0, midWrite: 0, byOp: {}, acknowledged: 0, refused: 0, refusals: {}, migrations: 0, failures: [], seconds: 0,
  }
  const spares: Spare[] = []
  try {
    const bundle = await bundleChild(dir)
    spares.push(startSpare(bundle))
    // The first child writes the code cache the others start from.
    await spares[0]!.ready
    for (let i = 1; i < (options.spares ?? 2); i++) spares.push(startSpare(bundle))
    const workDir = path.join(dir, 'work')
    fs.mkdirSync(workDir)
    const photos = [
      path.join(workDir, 'street.jpg'),
      path.join(workDir, 'lobby.png'),
    ]
    fs.writeFileSync(photos[0]!, await phoneJpeg({ width: 640, height: 480, taken: '2025:05:01 10:00:00', gps: { lng: 123.43, lat: 41.8 } }))
    fs.writeFileSync(photos[1]!, await phoneJpeg({ width: 320, height: 240, alpha: true }))
    const template = path.join(dir, 'template', 'atlas.db')
    const old = await makeStore(template, MIGRATE_FROM)
    const latest = await makeStore(path.join(dir, 'latest', 'atlas.db'))
    const schemas = new Map([[old.version, old.schema], [latest.version, latest.schema]])
    if (latest.version !== Object.keys(migrations).length) throw new Error('the latest store is not at the latest migration')

    let storeNumber = 0
    let file = ''
    let model: CrashModel = emptyModel(0)
    let killOpen = false
    let version = 0
    const newStore = (fromOld: boolean) => {
      storeNumber += 1
      file = path.join(dir, `store-${storeNumber}`, 'atlas.db')
      fs.mkdirSync(path.dirname(file))
      if (fromOld) fs.copyFileSync(template, file)
      model = emptyModel(fromOld ? old.version : 0)
      version = model.fromVersion
      killOpen = true
    }
    newStore(false)

    for (let round = 0; round < options.kills; round++) {
      if (round > 0 && random() < newStoreShare) newStore(random() < 0.5)
      // Which begun write to kill in (0: the open) and how long after it began.
      const target = killOpen ? 0 : 1 + Math.floor(random() * 6)
      const delay = killOpen ? random() * 120 : random() * 30
      const childSeed = Math.floor(random() * 2 ** 31)
      const context = `seed ${options.seed}, round ${round}, store ${storeNumber}, child seed ${childSeed}, kill ${delay.toFixed(1)} ms after begin #${target}`
      killOpen = false

      const current = spares.shift()!
      await current.ready
      spares.push(startSpare(bundle))
      const config: CrashChildConfig = { file, workDir, resourcesDir: path.join(REPO, 'resources'), photos, seed: childSeed, tag: `${storeNumber}r${round}` }
      let begun = 0
      let timer: NodeJS.Timeout | undefined
      const kill = () => current.child.kill('SIGKILL')
      const watch = (line: CrashLine) => {
        if (line.t === 'begin' && begun++ === target) timer = setTimeout(kill, delay)
        if (line.t === 'error') kill()
      }
      current.listeners.push(watch)
      current.child.stdin!.write(`${JSON.stringify(config)}\n`)
      // A child that never reaches its target write (it failed, or hangs) is stopped after a while.
      const stuck = setTimeout(kill, 60_000)
      await current.exited
      clearTimeout(stuck)
      if (timer) clearTimeout(timer)

      const lines = current.lines
      const failed = lines.find((l): l is Extract<CrashLine, { t: 'error' }> => l.t === 'error')
      if (failed) {
        figures.failures.push(`${context}: the child failed: ${failed.message}`)
        break
      }
      if (current.child.signalCode !== 'SIGKILL') {
        figures.failures.push(`${context}: the child ended by itself (${current.child.exitCode})`)
        break
      }
      const { acked, inFlight, refused } = readLines(lines)
      const last = [...lines].reverse().find((l): l is Extract<CrashLine, { t: 'begin' }> => l.t === 'begin')
      const kind = last ? last.op.kind : 'start'
      figures.kills += 1
      figures.acknowledged += acked.length
      figures.refused += refused
      for (const line of lines) if (line.t === 'refused') figures.refusals[`${line.method}: ${line.message}`] = (figures.refusals[`${line.method}: ${line.message}`] ?? 0) + 1
      const entry = (figures.byOp[kind] ??= { kills: 0, midWrite: 0 })
      entry.kills += 1
      if (inFlight) {
        figures.midWrite += 1
        entry.midWrite += 1
      }
      if (version < latest.version && kind === 'open') figures.migrations += 1

      const checked = checkAfterKill({ file, schemas, latest: latest.version }, model, lines)
      if (checked.problems.length > 0) {
        figures.failures.push(`${context}; in flight: ${describe(inFlight)}\n  ${checked.problems.slice(0, 10).join('\n  ')}`)
        break
      }
      version = checked.version
      if (round % 25 === 24) options.progress?.(`${round + 1} kills, ${figures.midWrite} mid-write`)
    }
  } finally {
    for (const spare of spares) {
      spare.child.kill('SIGKILL')
      await spare.exited
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  figures.seconds = (Date.now() - started) / 1000
  return figures
}

function describe(op: CrashOp | null): string {
  return op ? JSON.stringify(op).slice(0, 300) : 'nothing'
}
