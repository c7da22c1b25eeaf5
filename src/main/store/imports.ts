import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { ImportBatch, ImportKind } from '../../shared/imports'
import type { Database, LoggedTable } from './schema'
import { LOG_SKIP, type Writer } from './writer'

// The importer's reads (what a file's rows may match) and its record of each import (batches and
// the rows each touched), plus prepared inserts for writing thousands of rows in one transaction.

type Row = Record<string, unknown>
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** Everything an import may match, read once per plan (live rows only). */
export interface ImportLookups {
  districts: Array<{ code: string; name: string; city: string; province: string }>
  buildings: Row[]
  spaces: Row[]
  tenants: Row[]
  /** Current and past live leases with their spaces. */
  leases: Array<Row & { spaceIds: string[] }>
  parcels: Row[]
  parks: Row[]
  subParks: Row[]
  parkHosts: Row[]
  clusters: Array<{ id: string }>
  today: string
}

export async function readImportLookups(db: Kysely<Database>, what: { buildings?: boolean; parcels?: boolean; parks?: boolean }): Promise<ImportLookups> {
  const live = <T extends keyof Database>(table: T) => (db as unknown as Kysely<any>).selectFrom(table).selectAll().where('deletedAt', 'is', null).execute() as Promise<Row[]>
  const none = Promise.resolve([] as Row[])
  const [districts, buildings, spaces, tenants, leases, links, parcels, parks, subParks, parkHosts, clusters] = await Promise.all([
    db.selectFrom('districts').select(['code', 'name', 'city', 'province']).where('deletedAt', 'is', null).execute(),
    what.buildings || what.parks ? live('buildings') : none,
    what.buildings ? live('spaces') : none,
    what.buildings ? live('tenants') : none,
    what.buildings ? live('leases') : none,
    what.buildings ? db.selectFrom('leaseSpaces').selectAll().execute() : Promise.resolve([]),
    what.parcels ? live('parcels') : none,
    what.parks ? live('parks') : none,
    what.parks ? live('subParks') : none,
    what.parks ? live('parkHosts') : none,
    db.selectFrom('clusters').select('id').where('deletedAt', 'is', null).execute(),
  ])
  const spacesOf = new Map<string, string[]>()
  for (const link of links) {
    const list = spacesOf.get(link.leaseId)
    if (list) list.push(link.spaceId)
    else spacesOf.set(link.leaseId, [link.spaceId])
  }
  const today = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    districts,
    buildings,
    spaces,
    tenants,
    leases: leases.map((l) => ({ ...l, spaceIds: spacesOf.get(l.id as string) ?? [] })),
    parcels,
    parks,
    subParks,
    parkHosts,
    clusters,
    today: `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`,
  }
}

export interface ImportWriter {
  /** Inserts a row (id, times set here) and logs it as one change-log entry holding every field. */
  insert(table: LoggedTable, row: Row, logExtra?: Row): void
  linkLeaseSpace(leaseId: string, spaceId: string): void
  /** Records what the import did to a row, for undo. */
  touched(table: LoggedTable, rowId: string, op: 'insert' | 'update', previous?: Row): void
}

/**
 * Prepared inserts on the writer's own connection (so inside its transaction). A statement per
 * table and set of columns, made once. Each inserted row is logged like store/bulk.ts does: one
 * 'insert' entry whose new value is the whole row, stamped with the writer's clock.
 */
export function importWriter(sqlite: BetterSqlite3.Database, w: Writer, batchId: string): ImportWriter {
  const statements = new Map<string, { columns: string[]; statement: BetterSqlite3.Statement }>()
  const log = sqlite.prepare(
    `INSERT INTO change_log (hlc, device_id, actor, table_name, row_id, op, field, old_value, new_value, at)
     VALUES (?, ?, ?, ?, ?, 'insert', NULL, NULL, ?, ?)`,
  )
  const link = sqlite.prepare('INSERT INTO lease_spaces (lease_id, space_id) VALUES (?, ?)')
  const touch = sqlite.prepare('INSERT INTO import_batch_rows (batch_id, seq, table_name, row_id, op, previous) VALUES (?, ?, ?, ?, ?, ?)')
  let seq = 0
  return {
    insert(table, values, logExtra) {
      const key = table === 'districts' ? 'code' : 'id'
      const row: Row = { ...values, createdAt: w.now, updatedAt: w.now, deletedAt: null }
      const columns = Object.keys(row)
      const signature = `${table}:${columns.join(',')}`
      let entry = statements.get(signature)
      if (!entry) {
        const sql = `INSERT INTO ${snake(table)} (${columns.map(snake).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
        entry = { columns, statement: sqlite.prepare(sql) }
        statements.set(signature, entry)
      }
      entry.statement.run(entry.columns.map((c) => (row[c] === undefined ? null : row[c])))
      // The fields insertRow would log one entry each (tests/integration/import-apply-log.test.ts).
      const logged: Row = {}
      for (const field in values) {
        const value = values[field]
        if (field !== key && !LOG_SKIP.has(field) && value !== null && value !== undefined) logged[field] = value
      }
      log.run(w.stamp, w.author.deviceId, w.author.actor, table, row[key] as string, JSON.stringify({ ...logged, ...logExtra }), w.now)
    },
    linkLeaseSpace(leaseId, spaceId) {
      link.run(leaseId, spaceId)
    },
    touched(table, rowId, op, previous) {
      touch.run(batchId, seq++, table, rowId, op, previous ? JSON.stringify(previous) : null)
    },
  }
}

export async function insertBatch(
  w: Writer,
  batch: { id: string; fileName: string; kind: ImportKind; sheet: string | null; created: number; updated: number; rejected: number },
): Promise<void> {
  await w.trx
    .insertInto('importBatches')
    .values({ ...batch, at: w.now, hlc: w.stamp, actor: w.author.actor, deviceId: w.author.deviceId, undoneAt: null })
    .execute()
}

export async function listBatches(db: Kysely<Database>): Promise<ImportBatch[]> {
  return db
    .selectFrom('importBatches')
    .select(['id', 'fileName', 'kind', 'at', 'actor', 'created', 'updated', 'rejected', 'undoneAt'])
    .orderBy('at', 'desc')
    .orderBy('id')
    .execute()
}

export async function findBatch(db: Kysely<Database>, id: string) {
  return db.selectFrom('importBatches').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function batchRows(db: Kysely<Database>, batchId: string) {
  return db.selectFrom('importBatchRows').selectAll().where('batchId', '=', batchId).orderBy('seq', 'desc').execute()
}

/** Rows of `tables` changed by anyone after the clock stamp `hlc` (a later edit of an imported row). */
export async function rowsChangedSince(db: Kysely<Database>, hlc: string, tables: string[]): Promise<Set<string>> {
  if (tables.length === 0) return new Set()
  const rows = await db
    .selectFrom('changeLog')
    .select(['tableName', 'rowId'])
    .distinct()
    .where('hlc', '>', hlc)
    .where('tableName', 'in', tables)
    .execute()
  return new Set(rows.map((r) => `${r.tableName}:${r.rowId}`))
}

export async function markBatchUndone(w: Writer, id: string): Promise<void> {
  await w.trx.updateTable('importBatches').set({ undoneAt: w.now }).where('id', '=', id).execute()
}

/** The rows of `table` with these ids (any state), by id: a workbook's rows the store already holds. */
export async function rowsOfIds(db: Kysely<Database>, table: LoggedTable, ids: string[]): Promise<Map<string, Row>> {
  const key = table === 'districts' ? 'code' : 'id'
  const found = new Map<string, Row>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = (await (db as unknown as Kysely<any>).selectFrom(table).selectAll().where(key, 'in', ids.slice(i, i + 500)).execute()) as Row[]
    for (const row of rows) found.set(row[key] as string, row)
  }
  return found
}
