import type BetterSqlite3 from 'better-sqlite3'
import type { LoggedTable } from './schema'
import type { Writer } from './writer'

// Prepared-statement inserts for writing a large generated dataset inside a writer's transaction.
//
// insertRow (writer.ts) costs two Kysely queries per row and logs every field as its own
// change_log row: right for people's edits, too slow for a generated store. Measured on the
// 2-core machine with 10,000 buildings, 150,000 spaces, 30,000 tenants and leases and 5,000
// parcels: 170 s, 1.9 million change_log rows, a 760 MB file; this way about 10 s, 226,000 log
// rows and 230 MB. Here each table's INSERT is prepared once and run per row on the same
// better-sqlite3 handle (so inside the same transaction as `w`), and each row still gets one
// change_log 'insert' row (field NULL, the whole row as JSON in new_value) stamped with the
// writer's clock, so the history says where every row came from.

type Row = Record<string, unknown>

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

export interface BulkWriter {
  /**
   * Inserts a row with its id, created/updated times (the writer's), and logs it once.
   * `logExtra` adds values kept outside the row to its log entry (a lease's spaceIds).
   */
  insert(table: Exclude<LoggedTable, 'districts'>, row: Row & { id: string }, logExtra?: Row): void
  /** A lease's space (lease_spaces has no id or log of its own: the lease's log entry lists them). */
  linkLeaseSpace(leaseId: string, spaceId: string): void
}

export function bulkWriter(sqlite: BetterSqlite3.Database, w: Writer): BulkWriter {
  const statements = new Map<string, { columns: string[]; known: Set<string>; statement: BetterSqlite3.Statement }>()
  // Table and column names are the schema's identifiers in snake_case, as CamelCasePlugin maps them.
  const prepare = (table: LoggedTable | 'leaseSpaces', columns: string[]) => {
    const sql = `INSERT INTO ${snake(table)} (${columns.map(snake).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
    const entry = { columns, known: new Set(columns), statement: sqlite.prepare(sql) }
    statements.set(table, entry)
    return entry
  }
  const log = sqlite.prepare(
    `INSERT INTO change_log (hlc, device_id, actor, table_name, row_id, op, field, old_value, new_value, at)
     VALUES (?, ?, ?, ?, ?, 'insert', NULL, NULL, ?, ?)`,
  )
  const link = prepare('leaseSpaces', ['leaseId', 'spaceId']).statement

  return {
    insert(table, values, logExtra) {
      const row: Row = { ...values, createdAt: w.now, updatedAt: w.now, deletedAt: null }
      const keys = Object.keys(row)
      const entry = statements.get(table) ?? prepare(table, keys)
      if (keys.length !== entry.columns.length || keys.some((k) => !entry.known.has(k))) {
        throw new Error(`bulk insert into ${table}: the row's fields differ from the first row's`)
      }
      entry.statement.run(entry.columns.map((c) => (row[c] === undefined ? null : row[c])))
      const { id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...logged } = row
      log.run(w.stamp, w.author.deviceId, w.author.actor, table, id, JSON.stringify({ ...logged, ...logExtra }), w.now)
    },
    linkLeaseSpace(leaseId, spaceId) {
      link.run(leaseId, spaceId)
    },
  }
}
