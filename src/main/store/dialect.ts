import type BetterSqlite3 from 'better-sqlite3'
import { CompiledQuery, type DatabaseConnection, SqliteDialect, type SqliteDatabase, type SqliteDialectConfig, SqliteDriver, type Driver } from 'kysely'

// Kysely's SQLite driver opens transactions with a plain (deferred) BEGIN. A write transaction
// here reads first (the clock stamp) and writes after; with another process writing the same
// file (the command line beside the app), the upgrade from reader to writer fails at once with
// "database is locked", because SQLite cannot wait for a lock a reader in WAL mode upgrades into.
// BEGIN IMMEDIATE takes the write lock up front, so the busy timeout applies and the second
// writer waits its turn instead of failing.

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

/** How many distinct query texts keep their prepared statement (most recently used first). */
const STATEMENT_CACHE_SIZE = 500

/**
 * The database as Kysely sees it, with its prepared statements kept by query text: Kysely prepares
 * every query anew, which for a one-row read costs more than running it. A statement still being
 * iterated (a streamed query) is not handed out twice; a fresh one is prepared instead.
 */
export function cachedStatements(sqlite: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const kept = cache.get(text)
      if (kept && !kept.busy) {
        cache.delete(text)
        cache.set(text, kept)
        return kept
      }
      const statement = sqlite.prepare(text)
      if (!kept) {
        cache.set(text, statement)
        if (cache.size > size) cache.delete(cache.keys().next().value!)
      }
      return statement
    },
  }
}
