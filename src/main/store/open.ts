import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { CamelCasePlugin, Kysely, type Migration, Migrator, SqliteDialect, sql } from 'kysely'
import { cachedStatements, ImmediateSqliteDialect } from './dialect'
import { SITE_ATLAS_APPLICATION_ID } from './migrations/001_initial'
import { migrations as appMigrations } from './migrations'
import type { Database } from './schema'
import { registerSqliteHandle } from './handle'
import { readHeader, truncatedWords, truncation } from './fileHeader'
import { backupInto, backupsDirOf, rotateFolder } from './backupFolder'
import { DEFAULT_BACKUP_KEEP } from '../../shared/backup'

export type StoreOpenProblem = 'missing' | 'not_site_atlas' | 'newer_schema' | 'unreadable' | 'damaged'

/** Why a file could not be opened as a store, said in one line the user can act on. */
export class StoreOpenError extends Error {
  readonly problem: StoreOpenProblem
  /** What is wrong without the file's name or what to do: the recovery screen says those itself (StoreState.message). */
  readonly finding: string
  constructor(problem: StoreOpenProblem, message: string, finding = message) {
    super(message)
    this.name = 'StoreOpenError'
    this.problem = problem
    this.finding = finding
  }
}

export interface Store {
  /** Typed query builder (camelCase identifiers). */
  db: Kysely<Database>
  sqlite: BetterSqlite3.Database
  file: string
  schemaVersion: number
  /** The backup made (in the data folder's backups/) before this open migrated the file, if it did. */
  backupPath: string | null
  close(): Promise<void>
}

export interface OpenStoreOptions {
  /** Refuse to create a new file (command line reads). */
  mustExist?: boolean
  /** Open without writing anything: no pragmas that write, no migration. */
  readonly?: boolean
  /** Migrate to this named migration instead of the latest (migration tests only). */
  migrateTo?: string
  /** Replaces the app's migration record (migration tests only). */
  migrations?: Record<string, Migration>
  /**
   * No backup before migrating (nor the rotation after it): for a file that is itself a copy of
   * its source (a restore's candidate), whose backup would only push a real one out of the folder.
   */
  skipMigrationBackup?: boolean
}

const MEMORY = ':memory:'

export async function openStore(file: string, options: OpenStoreOptions = {}): Promise<Store> {
  const inMemory = file === MEMORY
  const existed = !inMemory && fs.existsSync(file)
  if (!existed && !inMemory && (options.mustExist || options.readonly)) {
    throw new StoreOpenError('missing', `找不到数据文件：${file}`)
  }
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  if (existed) checkWhole(file, !options.readonly)

  let sqlite: BetterSqlite3.Database
  try {
    sqlite = new BetterSqlite3(file, { readonly: Boolean(options.readonly), fileMustExist: existed })
  } catch (error) {
    throw new StoreOpenError('unreadable', `无法打开数据文件 ${file}：${(error as Error).message}`)
  }

  const migrations = options.migrations ?? appMigrations
  const latest = Object.keys(migrations).length
  try {
    const version = inspect(sqlite, file, latest)
    // An empty database (a 0-byte file, or SQLite with no tables) becomes a store when the app
    // opens it to write; to a reader it is simply not a Site Atlas file.
    if (options.readonly && version === 0) {
      throw new StoreOpenError('not_site_atlas', `${file} 不是 Site Atlas 数据文件（空的数据库）`)
    }
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL')
      sqlite.pragma('synchronous = NORMAL')
    }
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')

    // Writers take the write lock when they begin (dialect.ts); a read-only store cannot, and never writes.
    const database = cachedStatements(sqlite)
    const dialect = options.readonly ? new SqliteDialect({ database }) : new ImmediateSqliteDialect({ database })
    const base = new Kysely<any>({ dialect })
    let backupPath: string | null = null
    let schemaVersion = version
    const target = options.migrateTo ? Object.keys(migrations).indexOf(options.migrateTo) + 1 : latest
    if (!options.readonly && version < target) {
      if (existed && version > 0 && !options.skipMigrationBackup) backupPath = await backupBeforeMigration(sqlite, file)
      schemaVersion = await migrateAtomically(sqlite, base, migrations, options.migrateTo)
    }
    const db = base.withPlugin(new CamelCasePlugin()) as unknown as Kysely<Database>
    registerSqliteHandle(db, sqlite, database)
    return {
      db,
      sqlite,
      file,
      schemaVersion,
      backupPath,
      close: async () => {
        await base.destroy() // closes the better-sqlite3 handle
      },
    }
  } catch (error) {
    sqlite.close()
    throw error
  }
}

/** Reads the header and decides whether this file is ours and whether we can read its schema. */
function inspect(sqlite: BetterSqlite3.Database, file: string, latest: number): number {
  let applicationId: number
  let tableCount: number
  let version: number
  try {
    applicationId = sqlite.pragma('application_id', { simple: true }) as number
    version = sqlite.pragma('user_version', { simple: true }) as number
    tableCount = (sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n
  } catch (error) {
    if (isOurs(file)) throw damaged(file, `SQLite 无法读取其内容（${(error as Error).message}）`)
    throw new StoreOpenError('not_site_atlas', `${file} 不是 Site Atlas 数据文件（${(error as Error).message}）`)
  }
  if (tableCount === 0 && applicationId === 0) return 0
  if (applicationId !== SITE_ATLAS_APPLICATION_ID) {
    throw new StoreOpenError('not_site_atlas', `${file} 不是 Site Atlas 数据文件（其他程序的 SQLite 数据库）`)
  }
  if (version > latest) {
    throw new StoreOpenError(
      'newer_schema',
      `${file} 的数据结构版本为 ${version}，比本程序支持的 ${latest} 更新；请升级 Site Atlas 后再打开`,
    )
  }
  return version
}

/** Whether the file's header says it is a Site Atlas store (whatever follows it). */
function isOurs(file: string): boolean {
  try {
    const header = readHeader(file)
    return header.sqlite && header.ours
  } catch {
    return false
  }
}

/**
 * A damaged store: the message names the file and says what to do (the command line prints it);
 * the finding says only what is wrong (the recovery screen shows the file and offers the backups).
 */
const damaged = (file: string, why: string) =>
  new StoreOpenError('damaged', `数据文件已损坏：${why}。原文件未做任何修改（${file}），可从备份恢复。`, `数据文件已损坏：${why}`)

/**
 * The start-up check of an existing Site Atlas file, before anything writes to it: not truncated
 * (the header's page count against the file's size), and, when it is to be written, SQLite's
 * quick_check, run on a read-only connection of its own (a writable one would checkpoint a
 * leftover -wal into the damaged file as it closed). Readers skip quick_check: the writer opened
 * the file first and checked it. Other files are left to inspect(), which says what they are.
 */
function checkWhole(file: string, quickCheck: boolean): void {
  let header: ReturnType<typeof readHeader>
  try {
    header = readHeader(file)
  } catch {
    return // unreadable: the open itself says so
  }
  if (!header.sqlite || !header.ours) return
  const cut = truncation(file, header)
  if (cut) throw damaged(file, truncatedWords(cut))
  if (!quickCheck) return
  let checker: BetterSqlite3.Database
  try {
    checker = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  } catch {
    return // e.g. a leftover -wal without its -shm, which only a writable connection can read: the open goes on
  }
  try {
    const rows = checker.pragma('quick_check(5)') as Array<{ quick_check: string }>
    if (rows.length !== 1 || rows[0]!.quick_check !== 'ok') {
      const findings = rows.flatMap((r) => r.quick_check.split('\n')).filter((line) => line && !line.startsWith('***'))
      throw damaged(file, `SQLite 完整性检查未通过（${findings[0] ?? '未知问题'}${findings.length > 1 ? ` 等 ${findings.length} 处` : ''}）`)
    }
  } catch (error) {
    if (error instanceof StoreOpenError) throw error
    const code = (error as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw damaged(file, `SQLite 无法读取其内容（${(error as Error).message}）`)
    throw error
  } finally {
    checker.close()
  }
}

/**
 * A backup into the data folder's backups/ (the store file's folder: the data folder of every
 * host) before a migration touches the file; the newest such backups are kept (rotation).
 */
async function backupBeforeMigration(sqlite: BetterSqlite3.Database, file: string): Promise<string> {
  const dir = backupsDirOf(path.dirname(path.resolve(file)))
  const made = await backupInto(sqlite, dir, 'before-migration')
  try {
    rotateFolder(dir, DEFAULT_BACKUP_KEEP, { onlyEvents: true })
  } catch (error) {
    console.error('[site-atlas] rotating the backups failed:', error)
  }
  return made.path
}

/**
 * Runs the pending migrations, their kysely_migration rows and the user_version as ONE transaction.
 * Kysely's Migrator wraps migrations in a transaction only for adapters that claim transactional DDL,
 * and its SQLite adapter does not (SQLite has it), so a process killed mid-migration left a
 * half-migrated store: tables of the next version without its kysely_migration row (its re-run then
 * fails), or a new file holding only kysely_migration (refused as not ours). Every statement runs on
 * this one connection, so an outer transaction holds them all: a kill leaves the old version or the new.
 */
async function migrateAtomically(sqlite: BetterSqlite3.Database, db: Kysely<any>, migrations: Record<string, Migration>, target?: string): Promise<number> {
  sqlite.exec('BEGIN IMMEDIATE')
  try {
    const version = await migrate(db, migrations, target)
    sqlite.exec('COMMIT')
    return version
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
    throw error
  }
}

async function migrate(db: Kysely<any>, migrations: Record<string, Migration>, target?: string): Promise<number> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } =
    target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target)
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?'
    throw new Error(`数据结构升级失败（${failed}）：${(error as Error).message}`)
  }
  const applied = (await db.selectFrom('kysely_migration').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
  await sql.raw(`PRAGMA user_version = ${Number(applied)}`).execute(db)
  return Number(applied)
}
