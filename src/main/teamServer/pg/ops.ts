import type pg from 'pg'
import type { SyncOp } from '../../../shared/sync'
import { EXISTENCE_FIELD, type MergeOp, rowState, shownValues } from '../../../shared/syncMerge'
import type { PullResponse, PushResponse } from '../../../shared/syncProtocol'
import { blobDigests } from '../blobRefs'
import { PUSH_LOCK } from './schema'

// The operations the server holds, and the merged state kept from them.
//
// A push runs in one transaction holding one advisory lock for the whole database: identity values
// are handed out as rows are inserted but become visible at commit, so two pushes committing out of
// order could let a puller read `seq > cursor` past a row committed a moment later, and never see it.
// With pushes in single file, every seq a puller can see was committed before any later one was
// handed out. The merged state of the rows a push touched is recomputed in the same transaction.

const OP_COLUMNS = 'seq, op_id, hlc, device, actor, at, table_name, row_id, op, field, old_value, new_value, pred'

interface OpRow {
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
}

const toSyncOp = (r: OpRow): SyncOp => ({
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
})

/**
 * Stores the operations it does not hold yet, all or none. When one of the new operations names a
 * photo the server lacks, nothing is stored and the digests are returned: the laptop PUTs them and
 * pushes again (so the server never hands out an operation whose photo it cannot serve).
 */
export async function pushOps(pool: pg.Pool, ops: readonly SyncOp[], user: string): Promise<PushResponse> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK])
      const ids = [...new Set(ops.map((op) => op.id))]
      const { rows: held } = await client.query<{ op_id: string }>('SELECT op_id FROM ops WHERE op_id = ANY($1::text[])', [ids])
      const heldIds = new Set(held.map((r) => r.op_id))
      const fresh: SyncOp[] = []
      const seen = new Set<string>()
      for (const op of ops) {
        if (heldIds.has(op.id) || seen.has(op.id)) continue
        seen.add(op.id)
        fresh.push(op)
      }
      const duplicates = ops.length - fresh.length
      const missingBlobs = await missingDigests(client, fresh)
      if (missingBlobs.length > 0 || fresh.length === 0) {
        await client.query('ROLLBACK')
        return { accepted: 0, duplicates, missingBlobs }
      }
      await insertOps(client, fresh, user)
      await recomputeRows(client, fresh)
      await client.query('COMMIT')
      return { accepted: fresh.length, duplicates, missingBlobs: [] }
    } catch (error) {
      await client.query('ROLLBACK')
      throw error
    }
  } finally {
    client.release()
  }
}

async function missingDigests(client: pg.PoolClient, ops: readonly SyncOp[]): Promise<string[]> {
  const named = [...new Set(ops.flatMap(blobDigests))]
  if (named.length === 0) return []
  const { rows } = await client.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE sha256 = ANY($1::text[])', [named])
  const have = new Set(rows.map((r) => r.sha256))
  return named.filter((d) => !have.has(d))
}

async function insertOps(client: pg.PoolClient, ops: readonly SyncOp[], user: string): Promise<void> {
  const col = <K extends keyof SyncOp>(key: K) => ops.map((op) => op[key])
  // One statement for the page; ORDER BY ordinality: seq follows the laptop's order.
  await client.query(
    `INSERT INTO ops (op_id, hlc, device, actor, at, table_name, row_id, op, field, old_value, new_value, pred, received_by)
     SELECT op_id, hlc, device, actor, at, table_name, row_id, op, field, old_value, new_value, pred::jsonb, $13
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::text[], $10::text[], $11::text[], $12::text[])
       WITH ORDINALITY AS t(op_id, hlc, device, actor, at, table_name, row_id, op, field, old_value, new_value, pred, n)
     ORDER BY n
     ON CONFLICT (op_id) DO NOTHING`,
    [
      col('id'),
      col('hlc'),
      col('device'),
      col('actor'),
      col('at'),
      col('table'),
      col('row'),
      col('op'),
      col('field'),
      col('old'),
      col('value'),
      ops.map((op) => JSON.stringify(op.pred)),
      user,
    ],
  )
}

/**
 * merged_rows for every row the operations touch, from every operation held for each (shared/syncMerge.ts)
 * but those quarantined; a row left with none has no merged row.
 */
export async function recomputeRows(client: pg.PoolClient, touched: ReadonlyArray<Pick<SyncOp, 'table' | 'row'>>): Promise<void> {
  const keys = new Map<string, { table: string; row: string }>()
  for (const op of touched) keys.set(`${op.table}\u0000${op.row}`, { table: op.table, row: op.row })
  let tables = [...keys.values()].map((k) => k.table)
  let rowIds = [...keys.values()].map((k) => k.row)
  const { rows } = await client.query<Pick<OpRow, 'op_id' | 'hlc' | 'op' | 'field' | 'new_value' | 'pred' | 'table_name' | 'row_id'>>(
    `SELECT o.op_id, o.hlc, o.op, o.field, o.new_value, o.pred, o.table_name, o.row_id
     FROM ops o JOIN unnest($1::text[], $2::text[]) AS k(table_name, row_id)
       ON o.table_name = k.table_name AND o.row_id = k.row_id
     WHERE o.quarantined_at IS NULL`,
    [tables, rowIds],
  )
  const byRow = new Map<string, MergeOp[]>()
  for (const r of rows) {
    const key = `${r.table_name}\u0000${r.row_id}`
    const op: MergeOp = { id: r.op_id, hlc: r.hlc, op: r.op, field: r.field, value: r.new_value, pred: r.pred }
    const list = byRow.get(key)
    if (list) list.push(op)
    else byRow.set(key, [op])
  }
  const deleted: boolean[] = []
  const fields: string[] = []
  const conflicted: string[] = []
  const gone = [...keys.entries()].filter(([key]) => !byRow.has(key)).map(([, k]) => k)
  if (gone.length > 0) {
    await client.query('DELETE FROM merged_rows m USING unnest($1::text[], $2::text[]) AS k(table_name, row_id) WHERE m.table_name = k.table_name AND m.row_id = k.row_id', [
      gone.map((k) => k.table),
      gone.map((k) => k.row),
    ])
    for (const k of gone) keys.delete(`${k.table}\u0000${k.row}`)
  }
  if (keys.size === 0) return
  tables = [...keys.values()].map((k) => k.table)
  rowIds = [...keys.values()].map((k) => k.row)
  for (const key of keys.keys()) {
    const state = rowState(byRow.get(key) ?? [])
    const values: Record<string, unknown> = {}
    for (const [field, json] of Object.entries(shownValues(state))) values[field] = json === null ? null : (JSON.parse(json) as unknown)
    const fieldsInConflict = [...state.fields.values()].filter((s) => s.conflicted).map((s) => s.field)
    if (state.deleteConflict && !fieldsInConflict.includes(EXISTENCE_FIELD)) fieldsInConflict.push(EXISTENCE_FIELD)
    deleted.push(state.deleted)
    fields.push(JSON.stringify(values))
    conflicted.push(JSON.stringify(fieldsInConflict.sort()))
  }
  await client.query(
    `INSERT INTO merged_rows (table_name, row_id, deleted, fields, conflicted_fields, updated_at)
     SELECT table_name, row_id, deleted, fields::jsonb,
       ARRAY(SELECT jsonb_array_elements_text(conflicted::jsonb)), now()
     FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::text[]) AS t(table_name, row_id, deleted, fields, conflicted)
     ON CONFLICT (table_name, row_id) DO UPDATE SET deleted = EXCLUDED.deleted, fields = EXCLUDED.fields,
       conflicted_fields = EXCLUDED.conflicted_fields, updated_at = EXCLUDED.updated_at`,
    [tables, rowIds, deleted, fields, conflicted],
  )
}

/** A page's values in all: a page of large values (parcel boundaries) stops early, `more` set. */
export const PULL_MAX_VALUE_BYTES = 24 * 1024 ** 2

/**
 * Up to `limit` operations after the cursor, in seq order, fewer when their values pass `maxBytes`
 * (always at least one); the cursor moves to the last one returned.
 */
export async function pullOps(pool: pg.Pool, after: bigint, limit: number, maxBytes = PULL_MAX_VALUE_BYTES): Promise<PullResponse> {
  const { rows } = await pool.query<OpRow & { fetched: string }>(
    `SELECT ${OP_COLUMNS}, fetched FROM (
       SELECT p.*, sum(p.size) OVER (ORDER BY p.seq) AS running, count(*) OVER () AS fetched
       FROM (SELECT ${OP_COLUMNS}, octet_length(coalesce(new_value, '')) + octet_length(coalesce(old_value, '')) AS size
             FROM ops WHERE seq > $1 AND quarantined_at IS NULL ORDER BY seq LIMIT $2) p
     ) t
     WHERE running - size < $3
     ORDER BY seq`,
    [after.toString(), limit + 1, maxBytes],
  )
  const page = rows.slice(0, limit)
  const fetched = rows.length > 0 ? Number(rows[0]!.fetched) : 0
  const cursor = page.length > 0 ? page.at(-1)!.seq : after.toString()
  return { ops: page.map(toSyncOp), cursor, more: fetched > page.length }
}

export async function readBlob(pool: pg.Pool, sha256: string): Promise<Buffer | null> {
  const { rows } = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM blobs WHERE sha256 = $1', [sha256])
  return rows[0]?.bytes ?? null
}

/** Stores a blob whose digest the caller checked; false when it was already held. */
export async function storeBlob(pool: pg.Pool, sha256: string, bytes: Buffer): Promise<boolean> {
  const { rowCount } = await pool.query('INSERT INTO blobs (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [
    sha256,
    bytes,
  ])
  return rowCount === 1
}
