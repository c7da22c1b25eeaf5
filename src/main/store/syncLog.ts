import { type Kysely, sql, type Transaction } from 'kysely'
import type { SyncOp } from '../../shared/sync'
import { type MergeOp, predForField, predForRow, rowState } from '../../shared/syncMerge'
import type { Database } from './schema'

// The change log read as sync operations (shared/sync.ts): a row's operations for the merge rules
// (shared/syncMerge.ts), and the `pred` of the operations a local write just logged.

type Db = Kysely<Database> | Transaction<Database>

interface OpRow {
  seq: number
  opId: string
  hlc: string
  deviceId: string
  actor: string
  at: string
  tableName: string
  rowId: string
  op: SyncOp['op']
  field: string | null
  oldValue: string | null
  newValue: string | null
  pred: string | null
}

export const toMergeOp = (r: Pick<OpRow, 'opId' | 'hlc' | 'op' | 'field' | 'newValue' | 'pred'>): MergeOp => ({
  id: r.opId,
  hlc: r.hlc,
  op: r.op,
  field: r.field,
  value: r.newValue,
  pred: r.pred ? (JSON.parse(r.pred) as string[]) : [],
})

export const toSyncOp = (r: OpRow): SyncOp => ({
  id: r.opId,
  hlc: r.hlc,
  device: r.deviceId,
  actor: r.actor,
  at: r.at,
  table: r.tableName,
  row: r.rowId,
  op: r.op,
  field: r.field,
  old: r.oldValue,
  value: r.newValue,
  pred: r.pred ? (JSON.parse(r.pred) as string[]) : [],
})

/** Every operation held for one row, in log order (the change_log_row index). */
export async function rowOps(db: Db, table: string, rowId: string): Promise<Array<MergeOp & { seq: number }>> {
  const rows = await db
    .selectFrom('changeLog')
    .select(['seq', 'opId', 'hlc', 'op', 'field', 'newValue', 'pred'])
    .where('tableName', '=', table)
    .where('rowId', '=', rowId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({ ...toMergeOp(r), seq: r.seq }))
}

// A store opened at an older schema (tests, a restore migrating a file) has no pred column yet.
const hasPred = new WeakMap<object, boolean>()
async function logsPred(db: Kysely<Database>, trx: Transaction<Database>): Promise<boolean> {
  let known = hasPred.get(db)
  if (known === undefined) {
    const { rows } = await sql`SELECT 1 FROM pragma_table_info('change_log') WHERE name = 'pred'`.execute(trx)
    known = rows.length > 0
    hasPred.set(db, known)
  }
  return known
}

/**
 * Sets `pred` on the operations the transaction stamped `stamp` logged (run by write() before it
 * commits): an update supersedes the value shown for its field, a delete or restore every field's
 * heads, each as the row stood just before that operation. Done once here rather than in every
 * statement that logs (the writer, the demo removal's set-based deletes), so none can forget it.
 */
export async function fillPred(db: Kysely<Database>, trx: Transaction<Database>, stamp: string): Promise<void> {
  if (!(await logsPred(db, trx))) return
  const logged = await trx
    .selectFrom('changeLog')
    .select(['seq', 'tableName', 'rowId', 'op', 'field'])
    .where('hlc', '=', stamp)
    .where('op', '!=', 'insert')
    .where('pred', 'is', null)
    .orderBy('seq')
    .execute()
  if (logged.length === 0) return
  const rows = new Map<string, { table: string; rowId: string }>()
  for (const r of logged) rows.set(`${r.tableName}\u0000${r.rowId}`, { table: r.tableName, rowId: r.rowId })
  const wanted = new Set(logged.map((r) => r.seq))
  for (const { table, rowId } of rows.values()) {
    const ops = await rowOps(trx, table, rowId)
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!
      if (!wanted.has(op.seq)) continue
      const before = rowState(ops.slice(0, i))
      const pred = op.op === 'delete' || op.op === 'restore' ? predForRow(before) : predForField(before, op.field ?? '')
      if (pred.length === 0) continue
      await sql`UPDATE change_log SET pred = ${JSON.stringify(pred)} WHERE seq = ${op.seq}`.execute(trx)
      ops[i] = { ...op, pred }
    }
  }
}

/**
 * Sets the pred of the operation this transaction (stamped `stamp`) logged for one field of one
 * row: a resolution supersedes every head of the field (or, for a delete or restore, of the row),
 * not only the value shown, so the conflict closes. Run right after logging it; fillPred only
 * fills operations whose pred is still NULL.
 */
export async function setPred(trx: Transaction<Database>, stamp: string, table: string, rowId: string, field: string, pred: readonly string[]): Promise<void> {
  await sql`UPDATE change_log SET pred = ${JSON.stringify(pred)}
    WHERE hlc = ${stamp} AND table_name = ${table} AND row_id = ${rowId} AND field = ${field}`.execute(trx)
}
