// Runs one bench part by itself (npx tsx scripts/bench/<part>.ts [--db FILE] [--buildings N]):
// the same context npm run bench gives it, over a store generated at the given size (small by
// default, for a quick look) or a copy of --db, in a temporary folder removed afterwards.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import { runCli } from '../../src/main/cli/main'
import type { BenchContext, BenchPart } from './rows'

export async function runAlone(part: BenchPart): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, buildings: { type: 'string', default: '10000' }, parcels: { type: 'string', default: '5000' }, spaces: { type: 'string' }, tenants: { type: 'string' } },
    strict: false,
  })
  // The proportions (10,000 buildings : 200,000 spaces : 50,000 tenants) unless told otherwise.
  const buildings = Number(values.buildings)
  const spaces = String(values.spaces ?? buildings * 20)
  const tenants = String(values.tenants ?? buildings * 5)
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-bench-part-'))
  const log = (line: string) => process.stderr.write(`${line}\n`)
  try {
    const dataDir = path.join(root, 'data')
    fs.mkdirSync(dataDir)
    const file = path.join(dataDir, 'site-atlas.db')
    if (typeof values.db === 'string') {
      const source = new BetterSqlite3(values.db, { readonly: true, fileMustExist: true })
      await source.backup(file).finally(() => source.close())
    } else {
      log(`generating ${buildings} buildings, ${spaces} spaces, ${tenants} tenants, ${values.parcels} parcels …`)
      const args = ['generate', '--db', file, '--buildings', String(buildings), '--parcels', String(values.parcels), '--spaces', spaces, '--tenants', tenants, '--seed', '1']
      const code = await runCli(args, { out: () => {}, err: () => {} })
      if (code !== 0) throw new Error('generate failed')
    }
    const sqlite = new BetterSqlite3(file, { readonly: true })
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n
    const scale = { buildings: count('buildings'), spaces: count('spaces'), leases: count('leases'), parcels: count('parcels') }
    sqlite.close()
    let n = 0
    const tempDir = (prefix: string) => fs.mkdtempSync(path.join(root, `${prefix}-${++n}-`))
    const copyStore = async (prefix: string) => {
      const dir = tempDir(`${prefix}-data`)
      const source = new BetterSqlite3(file, { readonly: true })
      await source.backup(path.join(dir, 'site-atlas.db')).finally(() => source.close())
      return dir
    }
    // Not a literal typed BenchContext: the runner's context may carry more (copyStore) than this branch's type.
    const ctx = { dataDir, scale, log, tempDir, copyStore }
    const context: BenchContext = ctx
    for (const row of await part(context)) console.log(JSON.stringify(row))
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
}

/** Whether a module was started as the script itself (npx tsx scripts/bench/x.ts), not imported. */
export const isMain = (moduleUrl: string): boolean => process.argv[1] !== undefined && path.resolve(process.argv[1]) === new URL(moduleUrl).pathname
