import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely, RawBuilder, SqliteDatabase } from 'kysely'
import type { Database } from './schema'

// The better-sqlite3 connection under a store's query builder, for reads where Kysely's own cost
// (a promise per query, the camelCase plugin over every row) is most of the work: one building's
// page, the map's 200,000 spaces. Such reads hold the connection (db.connection()) while they run,
// so no transaction of this process is open on it and they never see uncommitted rows.

interface Handle {
  sqlite: BetterSqlite3.Database
  /** The same statement cache Kysely prepares through (dialect.ts). */
  statements: SqliteDatabase
}

const handles = new WeakMap<Kysely<Database>, Handle>()

/** Remembers the connection under a store's query builder (store/open.ts). */
export function registerSqliteHandle(db: Kysely<Database>, sqlite: BetterSqlite3.Database, statements: SqliteDatabase): void {
  handles.set(db, { sqlite, statements })
}

/** The better-sqlite3 connection under `db`; only for use while holding that connection. */
export function sqliteHandle(db: Kysely<Database>): BetterSqlite3.Database | undefined {
  return handles.get(db)?.sqlite
}

const camelNames = new Map<string, string>()
const camel = (name: string) => {
  let c = camelNames.get(name)
  if (c === undefined) {
    c = name.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())
    camelNames.set(name, c)
  }
  return c
}

function camelRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key in row) out[camel(key)] = row[key]
  return out
}

/**
 * The rows of a composed query, keys in camelCase as Kysely's plugin gives them: on the store's
 * connection, straight through a kept prepared statement; on a transaction (or a query builder
 * without a registered connection), through Kysely.
 */
export async function readRows<R>(db: Kysely<Database>, query: RawBuilder<R>): Promise<R[]> {
  const handle = db.isTransaction ? undefined : handles.get(db)
  if (!handle) return (await query.execute(db)).rows
  const { sql, parameters } = query.compile(db)
  return db.connection().execute(async () => {
    const rows = handle.statements.prepare(sql).all(parameters as unknown[]) as Array<Record<string, unknown>>
    return rows.map(camelRow) as R[]
  })
}
