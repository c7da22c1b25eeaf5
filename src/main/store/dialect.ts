import { CompiledQuery, type DatabaseConnection, SqliteDialect, type SqliteDialectConfig, SqliteDriver, type Driver } from 'kysely'

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
