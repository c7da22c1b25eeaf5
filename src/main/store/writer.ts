import { createHash, randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { decodeHlc, encodeHlc, type HlcState, tick } from './hlc'
import type { Database, LoggedTable } from './schema'
import { getSetting, setSetting } from './settings'
import { fillPred } from './syncLog'
import { refreshConflicts } from './syncRefresh'

// Every change to a person-edited row goes through here, so that each write is logged field by
// field with who, where and when (a hybrid logical clock stamp) in the same transaction.

export interface Author {
  deviceId: string
  actor: string
}

export interface Writer {
  trx: Transaction<Database>
  author: Author
  now: string
  /** One clock stamp per transaction: all fields changed together share it. */
  stamp: string
  /** The store's last stamp before this transaction: unchanged means nothing was written since it was read. */
  previousStamp: string | null
}

export const HLC_KEY = 'hlc.last'

/** Runs `work` in one transaction with a writer that logs what it changes. */
export async function write<T>(db: Kysely<Database>, author: Author, work: (w: Writer) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const lastStamp = await getSetting(trx, HLC_KEY)
    const last: HlcState = lastStamp ? decodeHlc(lastStamp) : { wall: 0, counter: 0 }
    const nowMs = Date.now()
    const next = tick(last, nowMs)
    const stamp = encodeHlc(next, author.deviceId)
    await setSetting(trx, HLC_KEY, stamp)
    const result = await work({ trx, author, now: new Date(nowMs).toISOString(), stamp, previousStamp: lastStamp })
    await fillPred(db, trx, stamp)
    await refreshConflicts(db, trx, stamp)
    return result
  })
}

const keyColumn = (table: LoggedTable) => (table === 'districts' ? 'code' : 'id')

type AnyRow = Record<string, unknown>
const loose = (w: Writer) => w.trx as unknown as Kysely<any>
/**
 * A logged value as JSON. Binary values (a photo's bytes) are logged by size and digest: the log
 * says what changed without holding a second copy of every image.
 */
const json = (v: unknown) => {
  if (v === undefined) return null
  if (v instanceof Uint8Array) return JSON.stringify({ bytes: v.byteLength, sha256: createHash('sha256').update(v).digest('hex') })
  return JSON.stringify(v)
}
/** Fields an insert does not log: the key, the times, the demo flag (the row's own, not what anyone wrote). */
/** Bookkeeping columns, never logged as fields; a row's key (id, or a district's code) is the log row's rowId. */
export const LOG_SKIP = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'isDemo'])
const logged = (table: LoggedTable, field: string) => field !== keyColumn(table) && !LOG_SKIP.has(field)

async function log(
  w: Writer,
  table: LoggedTable,
  rowId: string,
  op: 'insert' | 'update' | 'delete' | 'restore',
  changes: Array<{ field: string | null; oldValue: unknown; newValue: unknown }>,
): Promise<void> {
  if (changes.length === 0) return
  await w.trx
    .insertInto('changeLog')
    .values(
      changes.map((c) => ({
        hlc: w.stamp,
        deviceId: w.author.deviceId,
        actor: w.author.actor,
        tableName: table,
        rowId,
        op,
        field: c.field,
        oldValue: json(c.oldValue),
        newValue: json(c.newValue),
        at: w.now,
      })),
    )
    .execute()
}

export async function findRow(w: Writer, table: LoggedTable, id: string): Promise<AnyRow | undefined> {
  return loose(w).selectFrom(table).selectAll().where(keyColumn(table), '=', id).executeTakeFirst()
}

/** Inserts a row (a new UUID unless `values.id` is given) and logs every set field. */
export async function insertRow(w: Writer, table: LoggedTable, values: AnyRow): Promise<string> {
  const key = keyColumn(table)
  const id = (values[key] as string | undefined) ?? randomUUID()
  const row = { ...values, [key]: id, createdAt: w.now, updatedAt: w.now, deletedAt: null }
  await loose(w).insertInto(table).values(row).execute()
  await log(
    w,
    table,
    id,
    'insert',
    Object.entries(row)
      .filter(([field, v]) => logged(table, field) && v !== null && v !== undefined)
      .map(([field, v]) => ({ field, oldValue: null, newValue: v })),
  )
  return id
}

/**
 * Applies the fields of `patch` that differ from the stored row; returns the names of the fields
 * that changed (none: nothing is written). Undefined values in the patch mean "leave as is".
 */
export async function updateRow(w: Writer, table: LoggedTable, id: string, patch: AnyRow, before?: AnyRow): Promise<string[]> {
  const old = before ?? (await findRow(w, table, id))
  if (!old) return []
  const changes = Object.entries(patch)
    .filter(([field, v]) => v !== undefined && logged(table, field) && !sameValue(old[field], v))
    .map(([field, v]) => ({ field, oldValue: old[field], newValue: v }))
  if (changes.length === 0) return []
  const set = Object.fromEntries(changes.map((c) => [c.field, c.newValue]))
  await loose(w).updateTable(table).set({ ...set, updatedAt: w.now }).where(keyColumn(table), '=', id).execute()
  await log(w, table, id, 'update', changes)
  return changes.map((c) => c.field as string)
}

/**
 * Logs a value kept outside the row's own columns as one of its fields, e.g. a lease's set of
 * spaces (rows of lease_spaces), so the change log still tells the whole story of the row.
 */
export async function logField(
  w: Writer,
  table: LoggedTable,
  rowId: string,
  op: 'insert' | 'update',
  field: string,
  oldValue: unknown,
  newValue: unknown,
): Promise<void> {
  await log(w, table, rowId, op, [{ field, oldValue, newValue }])
}

export async function softDeleteRow(w: Writer, table: LoggedTable, id: string): Promise<void> {
  await loose(w).updateTable(table).set({ deletedAt: w.now, updatedAt: w.now }).where(keyColumn(table), '=', id).execute()
  await log(w, table, id, 'delete', [{ field: 'deletedAt', oldValue: null, newValue: w.now }])
}

export async function restoreRow(w: Writer, table: LoggedTable, id: string, deletedAt: string): Promise<void> {
  await loose(w).updateTable(table).set({ deletedAt: null, updatedAt: w.now }).where(keyColumn(table), '=', id).execute()
  await log(w, table, id, 'restore', [{ field: 'deletedAt', oldValue: deletedAt, newValue: null }])
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  // SQLite hands back 0/1 for booleans and numbers for REAL; compare loosely across those.
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true
  if (typeof b === 'boolean') return Number(b) === a
  return false
}
