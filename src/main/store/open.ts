import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { CamelCasePlugin, Kysely, type Migration, Migrator, SqliteDialect, sql } from 'kysely'
import { cachedStatements, ImmediateSqliteDialect } from './dialect'
import { SITE_ATLAS_APPLICATION_ID } from './migrations/001_initial'
import { migrations as appMigrations } from './migrations'
import type { Database } from './schema'
import { registerSqliteHandle } from './handle'

export type StoreOpenProblem = 'missing' | 'not_site_atlas' | 'newer_schema' | 'unreadable'

/** Why a file could not be opened as a store, said in one line the user can act on. */
export class StoreOpenError extends Error {
  readonly problem: StoreOpenProblem
  constructor(problem: StoreOpenProblem, message: string) {
    super(message)
    this.name = 'StoreOpenError'
    this.problem = problem
  }
}

export interface Store {
  /** Typed query builder (camelCase identifiers). */
  db: Kysely<Database>
  sqlite: BetterSqlite3.Database
  file: string
  schemaVersion: number
  /** Where the file was copied before this open migrated it, if it did. */
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
}

const MEMORY = ':memory:'

export async function openStore(file: string, options: OpenStoreOptions = {}): Promise<Store> {
  const inMemory = file === MEMORY
  const existed = !inMemory && fs.existsSync(file)
  if (!existed && !inMemory && (options.mustExist || options.readonly)) {
    throw new StoreOpenError('missing', `找不到数据文件：${file}`)
  }
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })

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
      if (existed && version > 0) backupPath = backupBeforeMigration(sqlite, file, version)
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

/** Copies the file aside, consistent even under WAL, before a migration touches it. */
function backupBeforeMigration(sqlite: BetterSqlite3.Database, file: string, version: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = `${file}.v${version}-${stamp}.bak`
  // VACUUM INTO writes its file in place: killed midway, it would leave a partial copy under the
  // backup's name. Written beside it and renamed when whole, the name only ever holds a whole copy.
  sqlite.prepare('VACUUM INTO ?').run(`${target}.part`)
  fs.renameSync(`${target}.part`, target)
  return target
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
