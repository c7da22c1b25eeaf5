import fs from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import type { StoreFileCheck, StoreFileSummary } from '../../shared/backup'
import { readHeader, truncatedWords, truncation } from './fileHeader'
import { LATEST_SCHEMA_VERSION, migrations } from './migrations'
import { openStore } from './open'

// A store file as a whole: copied consistently while it is in use (SQLite's online backup API), and
// judged without changing it (is it ours, whole, and from a version we can read; what does it hold).

export { backupTo, quickCheckOffThread } from './backupCopy'
export { readHeader } from './fileHeader'

export interface InspectOptions {
  /** Refuse files larger than this (a file someone hands us). */
  maxBytes?: number
}

const COUNTED = ['buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'photos'] as const

/**
 * Judges a file as a store to restore or open: ours and whole ('damaged' when truncated or failing
 * SQLite's quick check), its schema exactly that of its version (no view, trigger or table of
 * anyone else's: a restored file's triggers would run on every later write), and what it holds.
 * Reads only; never writes to `file`.
 */
export async function inspectStoreFile(file: string, options: InspectOptions = {}): Promise<StoreFileCheck> {
  let size: number
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile()) return { ok: false, problem: 'unreadable', message: `${file} 不是文件` }
    size = stat.size
  } catch (error) {
    return { ok: false, problem: 'unreadable', message: `无法读取 ${file}：${(error as Error).message}` }
  }
  if (options.maxBytes !== undefined && size > options.maxBytes) {
    return { ok: false, problem: 'too_large', message: `文件过大（${size} 字节，上限 ${options.maxBytes} 字节）` }
  }
  if (size === 0) return { ok: false, problem: 'foreign', message: '这是一个空文件，不是 Site Atlas 数据文件' }
  const header = readHeader(file)
  if (!header.sqlite) return { ok: false, problem: 'foreign', message: '不是 Site Atlas 数据文件（不是 SQLite 数据库）' }
  if (!header.ours) return { ok: false, problem: 'foreign', message: '不是 Site Atlas 数据文件（其他程序的 SQLite 数据库）' }
  const cut = truncation(file, header)
  if (cut) return { ok: false, problem: 'damaged', message: `数据文件已损坏：${truncatedWords(cut)}` }

  let sqlite: BetterSqlite3.Database
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    return { ok: false, problem: 'unreadable', message: `无法打开 ${file}：${(error as Error).message}` }
  }
  try {
    const version = sqlite.pragma('user_version', { simple: true }) as number
    if (version > LATEST_SCHEMA_VERSION) {
      return { ok: false, problem: 'newer_schema', message: `数据结构版本为 ${version}，比本程序支持的 ${LATEST_SCHEMA_VERSION} 更新；请先升级 Site Atlas` }
    }
    const differs = await schemaDifference(sqlite, version)
    const foreign = (): StoreFileCheck => ({ ok: false, problem: 'foreign', message: `结构与 Site Atlas 第 ${version} 版不符（${differs}），不能使用` })
    // A view, trigger or table this version never makes is someone's addition, not damage: refused
    // before the quick check, which reads every page (a hostile file can hold gigabytes of them).
    if (differs?.startsWith('多出')) return foreign()
    const check = sqlite.pragma('quick_check(20)') as Array<{ quick_check: string }>
    if (check.length !== 1 || check[0]!.quick_check !== 'ok') {
      return { ok: false, problem: 'damaged', message: `数据文件已损坏：SQLite 完整性检查未通过（${firstProblem(check)}）` }
    }
    if (differs) return foreign()
    return { ok: true, summary: summarise(sqlite, version, size) }
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      return { ok: false, problem: 'damaged', message: `数据文件已损坏：${(error as Error).message}` }
    }
    return { ok: false, problem: 'unreadable', message: `无法读取 ${file}：${(error as Error).message}` }
  } finally {
    sqlite.close()
  }
}

/** The first problem quick_check names (its answer may be one row of many lines), for a sentence. */
function firstProblem(rows: Array<{ quick_check: string }>): string {
  const lines = rows.flatMap((row) => row.quick_check.split('\n')).filter((line) => line && !line.startsWith('***'))
  return lines.length > 1 ? `${lines[0]} 等 ${lines.length} 处` : (lines[0] ?? '未知问题')
}

type SchemaRow = { type: string; name: string; sql: string | null }

const schemaRows = (sqlite: BetterSqlite3.Database): SchemaRow[] =>
  sqlite
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as SchemaRow[]

/** The first way the file's schema differs from a store made by this version's migrations, or null. */
async function schemaDifference(sqlite: BetterSqlite3.Database, version: number): Promise<string | null> {
  if (version === 0) return '空的数据库'
  const names = Object.keys(migrations)
  const reference = await openStore(':memory:', { migrateTo: names[version - 1] })
  try {
    const expected = new Map(schemaRows(reference.sqlite).map((row) => [`${row.type} ${row.name}`, row.sql]))
    const actual = schemaRows(sqlite)
    // Objects of someone else's first: the caller refuses those without a quick check.
    const extra = actual.find((row) => !expected.has(`${row.type} ${row.name}`))
    if (extra) return `多出 ${extra.type} ${extra.name}`
    for (const row of actual) {
      const key = `${row.type} ${row.name}`
      if (expected.get(key) !== row.sql) return `${row.type} ${row.name} 的定义不同`
      expected.delete(key)
    }
    const missing = expected.keys().next()
    return missing.done ? null : `缺少 ${missing.value}`
  } finally {
    await reference.close()
  }
}

function summarise(sqlite: BetterSqlite3.Database, version: number, bytes: number): StoreFileSummary {
  const live = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n
  const has = (table: string) => sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined
  const counts = Object.fromEntries(COUNTED.map((table) => [table, has(table) ? live(table) : 0])) as StoreFileSummary['counts']
  const newest = sqlite.prepare('SELECT at, actor FROM change_log ORDER BY seq DESC LIMIT 1').get() as { at: string; actor: string } | undefined
  return { schemaVersion: version, counts, newestChange: newest ?? null, bytes }
}

/** Whether anything was ever written to the store (a change log row): a store never written has nothing to back up on a schedule. */
export function hasChanges(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM change_log LIMIT 1').get() !== undefined
}
