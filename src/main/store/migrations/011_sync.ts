import { type Kysely, sql } from 'kysely'

// Never edit a landed migration: add a new numbered one instead.
//
// Sync between laptops and with the team server (issue 13; the model is in shared/sync.ts):
// - change_log.op_id: an operation's id on every device, `<hlc>:<seq>` (seq: its place in the log
//   of the store that wrote it; a trigger sets it for every local row). change_log.pred: JSON list of the operations it supersedes (NULL = none).
//   Existing logs are one device's history, in order: each operation supersedes the previous one of
//   its field (a whole-row insert counts for every field it set), and a delete or restore saw every
//   field's latest operation.
// - sync_peers: the colleagues' devices this store exchanged packages with, and the team server:
//   what each is known to hold (a clock vector), when we last sent and received, the server's cursor.
// - sync_conflicts: the open conflicts, rebuilt for every row a merge touches.
// - sync_blobs: photo bytes received for rows that cannot be put in place yet (their owner has not
//   arrived), by digest, until they can.
// - sync_pending: rows whose operations arrived before a row they refer to.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE change_log ADD COLUMN op_id TEXT`.execute(db)
  await sql`ALTER TABLE change_log ADD COLUMN pred TEXT`.execute(db)
  await sql`UPDATE change_log SET op_id = hlc || ':' || seq`.execute(db)
  await backfillPred(db)
  await sql`CREATE UNIQUE INDEX change_log_op ON change_log(op_id)`.execute(db)
  // Every local operation gets its id as it is logged, whichever statement logs it (the writer, the
  // bulk and import writers, the demo removal); an operation merged in arrives with its own.
  await sql`CREATE TRIGGER change_log_op_id AFTER INSERT ON change_log WHEN NEW.op_id IS NULL
    BEGIN UPDATE change_log SET op_id = NEW.hlc || ':' || NEW.seq WHERE seq = NEW.seq; END`.execute(db)

  await sql`CREATE TABLE sync_peers (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('device', 'server')),
    name TEXT NOT NULL,
    knows TEXT NOT NULL DEFAULT '{}',
    last_sent_at TEXT,
    last_received_at TEXT,
    pushed_seq INTEGER NOT NULL DEFAULT 0,
    pull_cursor TEXT,
    settings TEXT)`.execute(db)
  await sql`CREATE TABLE sync_conflicts (
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('field', 'delete', 'rule', 'duplicate')),
    "values" TEXT NOT NULL,
    note TEXT,
    detected_at TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id, field, kind))`.execute(db)
  await sql`CREATE TABLE sync_blobs (sha256 TEXT PRIMARY KEY NOT NULL, bytes BLOB NOT NULL)`.execute(db)
  await sql`CREATE TABLE sync_pending (
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id))`.execute(db)
}

interface LogRow {
  seq: number
  opId: string
  op: string
  field: string | null
  newValue: string | null
  tableName: string
  rowId: string
}

async function backfillPred(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<LogRow>`SELECT seq, op_id AS "opId", op, field, new_value AS "newValue",
      table_name AS "tableName", row_id AS "rowId"
    FROM change_log ORDER BY table_name, row_id, seq`.execute(db)
  let key = ''
  let latest = new Map<string, string>()
  for (const row of rows) {
    const rowKey = `${row.tableName}\u0000${row.rowId}`
    if (rowKey !== key) {
      key = rowKey
      latest = new Map()
    }
    let pred: string[]
    let fields: string[]
    if (row.op === 'delete' || row.op === 'restore') {
      pred = [...new Set(latest.values())]
      fields = [row.field ?? 'deletedAt']
    } else if (row.field === null) {
      const value = row.newValue === null ? null : (JSON.parse(row.newValue) as unknown)
      fields = value && typeof value === 'object' ? Object.keys(value) : []
      pred = [...new Set(fields.map((f) => latest.get(f)).filter((id): id is string => id !== undefined))]
    } else {
      fields = [row.field]
      const previous = latest.get(row.field)
      pred = previous ? [previous] : []
    }
    for (const f of fields) latest.set(f, row.opId)
    if (pred.length > 0) await sql`UPDATE change_log SET pred = ${JSON.stringify(pred)} WHERE seq = ${row.seq}`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sync_pending', 'sync_blobs', 'sync_conflicts', 'sync_peers']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db)
  }
  await sql`DROP TRIGGER IF EXISTS change_log_op_id`.execute(db)
  await sql`DROP INDEX IF EXISTS change_log_op`.execute(db)
  await sql`ALTER TABLE change_log DROP COLUMN pred`.execute(db)
  await sql`ALTER TABLE change_log DROP COLUMN op_id`.execute(db)
}
