import type pg from 'pg'
import type { SyncOp } from '../../../shared/sync'
import { recomputeRows } from './ops'
import { PUSH_LOCK } from './schema'

// Operations an admin takes out of circulation (`npm run server -- --pg URL ops quarantine OP_ID`):
// one stored before the server refused what laptops refuse would otherwise stop every laptop's
// pull. Kept (listed by `ops quarantined`), never served again, left out of the merged state; a push
// of the same operation counts as a duplicate, so it does not come back.

export interface QuarantinedOp {
  id: string
  table: string
  row: string
  field: string | null
  device: string
  receivedBy: string
  quarantinedAt: Date
  quarantinedBy: string
}

/** 'missing': no such operation; 'already': it was quarantined before. */
export async function quarantineOp(pool: pg.Pool, opId: string, by: string): Promise<'done' | 'already' | 'missing'> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    try {
      // In single file with pushes: both recompute merged rows.
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK])
      const { rows } = await client.query<{ table_name: string; row_id: string; quarantined_at: Date | null }>(
        'SELECT table_name, row_id, quarantined_at FROM ops WHERE op_id = $1',
        [opId],
      )
      const op = rows[0]
      if (!op || op.quarantined_at) {
        await client.query('ROLLBACK')
        return op ? 'already' : 'missing'
      }
      await client.query('UPDATE ops SET quarantined_at = now(), quarantined_by = $2 WHERE op_id = $1', [opId, by])
      await recomputeRows(client, [{ table: op.table_name, row: op.row_id }])
      await client.query('COMMIT')
      return 'done'
    } catch (error) {
      await client.query('ROLLBACK')
      throw error
    }
  } finally {
    client.release()
  }
}

export async function listQuarantined(pool: pg.Pool): Promise<QuarantinedOp[]> {
  const { rows } = await pool.query<{
    op_id: string
    table_name: string
    row_id: string
    field: string | null
    device: string
    received_by: string
    quarantined_at: Date
    quarantined_by: string
  }>(
    `SELECT op_id, table_name, row_id, field, device, received_by, quarantined_at, quarantined_by
     FROM ops WHERE quarantined_at IS NOT NULL ORDER BY quarantined_at, seq`,
  )
  return rows.map((r) => ({
    id: r.op_id,
    table: r.table_name,
    row: r.row_id,
    field: r.field,
    device: r.device,
    receivedBy: r.received_by,
    quarantinedAt: r.quarantined_at,
    quarantinedBy: r.quarantined_by,
  }))
}

/** Every operation still served, a page at a time in seq order (for `ops check`). */
export async function* servedOps(pool: pg.Pool, page = 5000): AsyncGenerator<SyncOp[]> {
  let after = '0'
  for (;;) {
    const { rows } = await pool.query<{
      seq: string
      op_id: string
      hlc: string
      device: string
      actor: string
      at: string
      table_name: string
      row_id: string
      op: SyncOp['op']
      field: string | null
      old_value: string | null
      new_value: string | null
      pred: string[]
    }>(
      `SELECT seq, op_id, hlc, device, actor, at, table_name, row_id, op, field, old_value, new_value, pred
       FROM ops WHERE seq > $1 AND quarantined_at IS NULL ORDER BY seq LIMIT $2`,
      [after, page],
    )
    if (rows.length === 0) return
    after = rows.at(-1)!.seq
    yield rows.map((r) => ({
      id: r.op_id,
      hlc: r.hlc,
      device: r.device,
      actor: r.actor,
      at: r.at,
      table: r.table_name,
      row: r.row_id,
      op: r.op,
      field: r.field,
      old: r.old_value,
      value: r.new_value,
      pred: r.pred,
    }))
  }
}
