import { type Kysely, sql, type Transaction } from 'kysely'
import { sqliteHandle } from './handle'
import type { Database } from './schema'
import { rebuildConflicts } from './syncConflicts'
import { Merger, type RowRef } from './syncMaterialize'
import { applyLeaseRule, localToday } from './syncRules'

// A local write to a row with an open conflict changes the conflict (a new value supersedes the one
// shown; the others stay open): its entry is rebuilt before the write commits, as a merge would
// rebuild it on every device that receives the write, so the review shows what is open now. A row
// held out as a duplicate of the row written is looked at again too (its unit changed, the row it
// yielded to was deleted: it may be free), as the devices receiving the write will.

const hasConflicts = new WeakMap<object, boolean>()

export async function refreshConflicts(db: Kysely<Database>, trx: Transaction<Database>, stamp: string): Promise<void> {
  let known = hasConflicts.get(db)
  if (known === undefined) {
    // A store opened at an older schema (tests, a restore migrating a file) has no sync tables yet.
    const { rows } = await sql`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_conflicts'`.execute(trx)
    known = rows.length > 0
    hasConflicts.set(db, known)
  }
  if (!known) return
  const { rows } = await sql<RowRef>`SELECT DISTINCT c.table_name AS "table", c.row_id AS "rowId"
    FROM change_log c JOIN sync_conflicts s ON s.table_name = c.table_name AND s.row_id = c.row_id
    WHERE c.hlc = ${stamp}`.execute(trx)
  const { rows: held } = await sql<RowRef>`SELECT DISTINCT s.table_name AS "table", s.row_id AS "rowId"
    FROM sync_conflicts s JOIN change_log c ON c.table_name = s.table_name AND s."values" LIKE '%"row:' || c.row_id || '"%'
    WHERE s.kind = 'duplicate' AND c.hlc = ${stamp}`.execute(trx)
  const sqlite = sqliteHandle(db)
  if ((rows.length === 0 && held.length === 0) || !sqlite) return
  const now = new Date().toISOString()
  const merger = new Merger(sqlite, { blob: () => undefined, today: localToday(), now })
  await merger.mergeRows([...held, ...rows])
  const spaces = [...merger.touched.values()].filter((r) => r.table === 'spaces').map((r) => r.rowId)
  await rebuildConflicts(merger, await applyLeaseRule(merger, spaces))
}
