import { createHash } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import type { KnowsVector, SyncOp } from '../../shared/sync'
import { blobRefOf, blobRefs } from '../../shared/syncBlobs'
import { type MergeOp, rowState, writtenValue } from '../../shared/syncMerge'
import type { Store } from './open'
import { rowOps, toSyncOp } from './syncLog'

// The operations this store holds, for a colleague's package or the team server.
//
// A store holds, from each device, every operation up to the latest stamp it has from it: a
// package or a pull carries all of a device's operations past what the receiver is known to hold,
// and is merged all or nothing. So "what a store knows" is one stamp per device (knowsVector), and
// what it lacks is every operation past its stamp for that operation's device.
//
// The reads hold the store's connection (as store/handle.ts does), so no transaction of this
// process is open on it and they never see uncommitted rows; a long read goes in pages, each
// holding it briefly, bounded by the last seq at its start (the log only grows, in seq order).

/** Operations read per hold of the connection. */
const PAGE = 5_000

const OP_COLUMNS = `seq, op_id AS opId, hlc, device_id AS deviceId, actor, at, table_name AS tableName,
  row_id AS rowId, op, field, old_value AS oldValue, new_value AS newValue, pred`

type Sqlite = BetterSqlite3.Database
type OpRow = Parameters<typeof toSyncOp>[0]

/** Runs synchronous reads on the store's own connection while holding it. */
const held = <T>(store: Store, read: (sqlite: Sqlite) => T): Promise<T> => store.db.connection().execute(async () => read(store.sqlite))

/**
 * The SQL condition "not known to a store knowing `knows`": a device it has no stamp from, or a
 * stamp past it. The vector goes in as ONE JSON parameter, however many devices it names (an OR
 * per device passes SQLite's expression depth past a thousand, and a crafted package could name
 * that many); SQLite keeps the parsed JSON between rows, so a lookup per row costs what the ORs did.
 * Device ids are tokens ([0-9A-Za-z_.:-], checked on the way in), so the quoted path is safe.
 */
function unknownTo(knows: KnowsVector | null): { sql: string; params: string[] } {
  if (Object.keys(knows ?? {}).length === 0) return { sql: '1', params: [] }
  return { sql: `hlc > coalesce(json_extract(?, '$."' || device_id || '"'), '')`, params: [JSON.stringify(knows)] }
}

/** The seq of the newest operation held (0: none): the end of a consistent read of the log. */
export async function logEnd(store: Store): Promise<number> {
  return held(store, (sqlite) => (sqlite.prepare('SELECT coalesce(max(seq), 0) AS seq FROM change_log').get() as { seq: number }).seq)
}

/** Device id → the latest stamp this store holds from it (up to seq `upTo`, when given). */
export async function knowsVector(store: Store, upTo?: number): Promise<KnowsVector> {
  const rows = await held(store, (sqlite) =>
    upTo === undefined
      ? (sqlite.prepare('SELECT device_id AS device, max(hlc) AS hlc FROM change_log GROUP BY device_id').all() as Array<{ device: string; hlc: string }>)
      : (sqlite.prepare('SELECT device_id AS device, max(hlc) AS hlc FROM change_log WHERE seq <= ? GROUP BY device_id').all(upTo) as Array<{ device: string; hlc: string }>),
  )
  return Object.fromEntries(rows.map((r) => [r.device, r.hlc]))
}

/** Each vector's latest stamp per device (what a store holding both knows). */
export function mergeKnows(...vectors: Array<KnowsVector | null | undefined>): KnowsVector {
  const merged: KnowsVector = {}
  for (const vector of vectors) {
    for (const [device, hlc] of Object.entries(vector ?? {})) {
      const held = merged[device]
      if (held === undefined || hlc > held) merged[device] = hlc
    }
  }
  return merged
}

/** How many operations after seq `after` and up to seq `upTo` a store knowing `knows` lacks (every one: null). */
export async function countOpsSince(store: Store, knows: KnowsVector | null, upTo?: number, after = 0): Promise<number> {
  const where = unknownTo(knows)
  return held(store, (sqlite) => {
    const bound = upTo === undefined ? '' : ' AND seq <= ?'
    const params: Array<string | number> = [after, ...where.params]
    if (upTo !== undefined) params.push(upTo)
    return (sqlite.prepare(`SELECT count(*) AS n FROM change_log WHERE seq > ? AND ${where.sql}${bound}`).get(...params) as { n: number }).n
  })
}

/** The operations up to seq `upTo` a store knowing `knows` lacks, in log order, a page at a time. */
export async function* opPagesSince(store: Store, knows: KnowsVector | null, upTo: number, pageSize = PAGE): AsyncGenerator<SyncOp[]> {
  const where = unknownTo(knows)
  let after = 0
  for (;;) {
    const rows = await held(
      store,
      (sqlite) =>
        sqlite
          .prepare(`SELECT ${OP_COLUMNS} FROM change_log WHERE seq > ? AND seq <= ? AND ${where.sql} ORDER BY seq LIMIT ?`)
          .all(after, upTo, ...where.params, pageSize) as Array<OpRow & { seq: number }>,
    )
    if (rows.length === 0) return
    after = rows[rows.length - 1]!.seq
    yield rows.map(toSyncOp)
    if (rows.length < pageSize) return
  }
}

/** Every operation a store knowing `knows` lacks (null: every operation), in log order. */
export async function opsSince(store: Store, knows: KnowsVector | null): Promise<SyncOp[]> {
  const upTo = await logEnd(store)
  const ops: SyncOp[] = []
  for await (const page of opPagesSince(store, knows, upTo)) for (const op of page) ops.push(op)
  return ops
}

/** Up to `limit` operations logged after local seq `afterSeq`, in log order, with the last one's seq. */
export async function opsAfterSeq(store: Store, afterSeq: number, limit: number): Promise<{ ops: SyncOp[]; lastSeq: number }> {
  const rows = await held(
    store,
    (sqlite) => sqlite.prepare(`SELECT ${OP_COLUMNS} FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?`).all(afterSeq, limit) as Array<OpRow & { seq: number }>,
  )
  return { ops: rows.map(toSyncOp), lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : afterSeq }
}

// ---- Photo bytes ------------------------------------------------------------------------------

/** The tables and columns holding binary values (logged as { bytes, sha256 }). */
const BLOB_COLUMNS: Record<string, ReadonlySet<string>> = { photos: new Set(['bytes', 'thumbnail', 'original']) }

/** Where a digest's bytes are: kept by digest (received before their row), or a row's column. */
export type BlobSource = { kind: 'kept' } | { kind: 'row'; table: 'photos'; row: string; column: string }

/** A digest named by an operation, with the row and field that named it. */
export interface WantedBlob {
  sha256: string
  table: string
  row: string
  field: string
}

/** The digests the operations name, each with where it was named. */
export function wantedBlobs(ops: Iterable<Pick<SyncOp, 'table' | 'row' | 'field' | 'value'>>): WantedBlob[] {
  const wanted: WantedBlob[] = []
  for (const op of ops) {
    if (!BLOB_COLUMNS[op.table]) continue
    for (const ref of blobRefs(op)) wanted.push({ sha256: ref.sha256, table: op.table, row: op.row, field: ref.field })
  }
  return wanted
}

/**
 * The digests named by the operations up to seq `upTo` a store knowing `knows` lacks. Only the
 * values that can hold one are read (SQLite's LIKE picks them), not the whole log.
 */
export async function wantedBlobsSince(store: Store, knows: KnowsVector | null, upTo: number): Promise<WantedBlob[]> {
  const where = unknownTo(knows)
  const tables = Object.keys(BLOB_COLUMNS)
  const rows = await held(
    store,
    (sqlite) =>
      sqlite
        .prepare(
          `SELECT table_name AS "table", row_id AS row, field, new_value AS value FROM change_log
           WHERE seq <= ? AND table_name IN (${tables.map(() => '?').join(', ')}) AND new_value LIKE '%"sha256"%' AND ${where.sql}`,
        )
        .all(upTo, ...tables, ...where.params) as Array<{ table: string; row: string; field: string | null; value: string | null }>,
  )
  return wantedBlobs(rows)
}

const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function readSource(sqlite: Sqlite, sha256: string, source: BlobSource): Uint8Array | undefined {
  if (source.kind === 'kept') {
    return (sqlite.prepare('SELECT bytes FROM sync_blobs WHERE sha256 = ?').get(sha256) as { bytes: Uint8Array } | undefined)?.bytes
  }
  // The column name comes from BLOB_COLUMNS, never from the operation itself.
  const bytes = (sqlite.prepare(`SELECT ${source.column} AS bytes FROM photos WHERE id = ?`).get(source.row) as { bytes: Uint8Array | null } | undefined)?.bytes
  return bytes ?? undefined
}

/**
 * Where each wanted digest's bytes are in this store: kept by digest, or the column of the row that
 * named it when its bytes still have that digest (a photo replaced since holds newer bytes: the old
 * ones are gone, and the later operation that replaced them travels too). Digests found nowhere
 * are left out. Reads each candidate's bytes to check them, one at a time.
 */
export async function locateBlobs(store: Store, wanted: readonly WantedBlob[]): Promise<Map<string, BlobSource>> {
  const found = new Map<string, BlobSource>()
  const tried = new Set<string>()
  for (const want of wanted) {
    if (found.has(want.sha256)) continue
    const column = BLOB_COLUMNS[want.table]?.has(want.field) ? want.field : null
    const candidate = `${want.row}\u0000${column}`
    const source = await held(store, (sqlite): BlobSource | null => {
      if (sqlite.prepare('SELECT 1 FROM sync_blobs WHERE sha256 = ?').get(want.sha256)) return { kind: 'kept' }
      if (!column || tried.has(candidate)) return null
      tried.add(candidate)
      const row: BlobSource = { kind: 'row', table: 'photos', row: want.row, column }
      const bytes = readSource(sqlite, want.sha256, row)
      return bytes && digestOf(bytes) === want.sha256 ? row : null
    })
    if (source) found.set(want.sha256, source)
  }
  return found
}

/** The bytes at a located source, or undefined when they no longer have the digest (changed since). */
export async function readBlob(store: Store, sha256: string, source: BlobSource): Promise<Uint8Array | undefined> {
  const bytes = await held(store, (sqlite) => readSource(sqlite, sha256, source))
  return bytes && digestOf(bytes) === sha256 ? bytes : undefined
}

/** The photo bytes the operations name by digest ({ bytes, sha256 } values), from the rows holding them. */
export async function blobsFor(store: Store, ops: readonly SyncOp[]): Promise<Map<string, Uint8Array>> {
  const located = await locateBlobs(store, wantedBlobs(ops))
  const blobs = new Map<string, Uint8Array>()
  for (const [sha256, source] of located) {
    const bytes = await readBlob(store, sha256, source)
    if (bytes) blobs.set(sha256, bytes)
  }
  return blobs
}

/**
 * Of digests found nowhere, those still needed: named by a head of their field (a value standing,
 * shown or in conflict) once this store's operations and `incoming` are merged. A photo replaced
 * since, or whose row a delete saw, is superseded: its old bytes are gone everywhere and no row
 * will ever hold them. Reads one row's log per missing digest (there are none in the usual case).
 */
export async function neededBlobs(store: Store, missing: readonly WantedBlob[], incoming: readonly SyncOp[] = []): Promise<WantedBlob[]> {
  const needed: WantedBlob[] = []
  const heads = new Map<string, Set<string>>()
  for (const want of missing) {
    const key = `${want.table}\u0000${want.row}\u0000${want.field}`
    let digests = heads.get(key)
    if (!digests) {
      const ops: MergeOp[] = [...(await rowOps(store.db, want.table, want.row))]
      for (const op of incoming) if (op.table === want.table && op.row === want.row) ops.push({ id: op.id, hlc: op.hlc, op: op.op, field: op.field, value: op.value, pred: op.pred })
      digests = new Set<string>()
      for (const head of rowState(ops).fields.get(want.field)?.heads ?? []) {
        const json = writtenValue(head, want.field)
        const ref = json === null ? null : blobRefOf(JSON.parse(json) as unknown)
        if (ref) digests.add(ref.sha256)
      }
      heads.set(key, digests)
    }
    if (digests.has(want.sha256)) needed.push(want)
  }
  return needed
}
