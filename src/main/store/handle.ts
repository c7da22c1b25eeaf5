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

/**
 * Registers `db`'s connection under `held` too: `held` is the query builder of db.connection(), so
 * reads on it (readRowsTogether) go straight through the kept statements while it holds the connection.
 */
export function shareSqliteHandle(db: Kysely<Database>, held: Kysely<Database>): void {
  const handle = handles.get(db)
  if (handle) handles.set(held, handle)
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

/** The camelCase key of each column a statement yields, worked out once per statement. */
const columnKeys = new WeakMap<object, string[]>()

/**
 * A read statement's rows as objects keyed in camelCase. The rows are fetched as arrays (raw mode)
 * and the objects built from the statement's column list: better-sqlite3 builds an object per row
 * more slowly than an array, and renaming every key of every row was a third of a one-building
 * read (issue 8). A repeated column name keeps its last value, as an object row would.
 */
function camelRows(statement: BetterSqlite3.Statement, parameters: readonly unknown[]): Array<Record<string, unknown>> {
  let keys = columnKeys.get(statement)
  if (!keys) {
    keys = statement.columns().map((c) => camel(c.name))
    columnKeys.set(statement, keys)
  }
  statement.raw(true)
  let rows: unknown[][]
  try {
    rows = statement.all(parameters) as unknown[][]
  } finally {
    statement.raw(false)
  }
  const count = keys.length
  return rows.map((values) => {
    const out: Record<string, unknown> = {}
    for (let i = 0; i < count; i++) out[keys[i]!] = values[i]
    return out
  })
}

/**
 * The rows of a composed query, keys in camelCase as Kysely's plugin gives them: on the store's
 * connection, straight through a kept prepared statement; on a transaction (or a query builder
 * without a registered connection), through Kysely.
 */
export async function readRows<R>(db: Kysely<Database>, query: ReadQuery<R>): Promise<R[]> {
  const [rows] = await readRowsTogether(db, [query] as const)
  return rows as R[]
}

/**
 * A read made by a template (readTemplate): the query builder for Kysely's path, and its SQL text
 * compiled once per store with this call's values bound.
 */
export class TemplateRead<R> {
  constructor(
    readonly build: () => RawBuilder<R>,
    readonly compiled: (db: Kysely<Database>) => { sql: string; parameters: readonly unknown[] },
  ) {}
}

type ReadQuery<R> = RawBuilder<R> | TemplateRead<R>

/**
 * A read whose SQL text depends on the shape of its query only, never on its values (each value
 * is bound): Kysely compiles it once per store and later calls bind their own values to the kept
 * text, which also finds the kept statement by the same string. Compiling and hashing the text of
 * four composed queries was a tenth of a building page's read (issue 8).
 */
export function readTemplate<A extends string[], R>(build: (...args: A) => RawBuilder<R>): (...args: A) => TemplateRead<R> {
  type Slot = { arg: number } | { value: unknown }
  const kept = new WeakMap<Kysely<Database>, { sql: string; slots: Slot[] }>()
  return (...args) =>
    new TemplateRead(
      () => build(...args),
      (db) => {
        let shape = kept.get(db)
        if (!shape) {
          const markers = args.map((_, i) => `\u0000value ${i}\u0000`)
          const { sql, parameters } = build(...(markers as A)).compile(db)
          if (markers.some((m) => sql.includes(m))) throw new Error('readTemplate: a value is written into the SQL text instead of bound')
          const slots = parameters.map((p): Slot => (markers.includes(p as string) ? { arg: markers.indexOf(p as string) } : { value: p }))
          shape = { sql, slots }
          kept.set(db, shape)
        }
        return { sql: shape.sql, parameters: shape.slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.value)) }
      },
    )
}

type RowsOf<Q extends readonly ReadQuery<unknown>[]> = { [K in keyof Q]: Q[K] extends ReadQuery<infer R> ? R[] : never }

/**
 * The rows of several composed queries, read one after another while holding the connection once
 * (one building's page is four small reads: taking the connection four times cost more than
 * some of them), in one read transaction so they all see the same committed state.
 */
export async function readRowsTogether<Q extends readonly ReadQuery<unknown>[]>(db: Kysely<Database>, queries: Q): Promise<RowsOf<Q>> {
  const handle = db.isTransaction ? undefined : handles.get(db)
  const builder = (q: ReadQuery<unknown>) => (q instanceof TemplateRead ? q.build() : q)
  if (!handle) {
    const all: unknown[][] = []
    for (const q of queries) all.push((await builder(q).execute(db)).rows)
    return all as RowsOf<Q>
  }
  const compiled = queries.map((q) => (q instanceof TemplateRead ? q.compiled(db) : q.compile(db)))
  const readAll = () => compiled.map(({ sql, parameters }) => camelRows(handle.statements.prepare(sql) as unknown as BetterSqlite3.Statement, parameters))
  return db.connection().execute(async () => {
    // Outside a transaction each statement reads its own snapshot, and the writer (another
    // process) may commit between two of them: one read transaction gives the page one moment.
    if (compiled.length < 2 || handle.sqlite.inTransaction) return readAll()
    handle.sqlite.exec('BEGIN')
    try {
      return readAll()
    } finally {
      handle.sqlite.exec('COMMIT')
    }
  }) as Promise<RowsOf<Q>>
}
