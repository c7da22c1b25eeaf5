import { type Kysely, sql } from 'kysely'
import type { z } from 'zod'
import type { ChangeActor, ChangeEntry, HistoryTable, changeListInput } from '../../shared/history'
import type { Change } from '../../shared/types'
import { nameRows, rowKey, type RowKeys } from './rowNames'
import type { Database } from './schema'

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text))

export type ChangeFilter = z.output<typeof changeListInput>

/**
 * The change log, newest first, with each row named. Ordered by clock stamp rather than local
 * sequence so that, once edits from other devices are merged in, "newest" still means newest in
 * time; the sequence breaks ties among the fields of one write. A page ends where `beforeSeq`
 * says: the next page starts after the last entry of this one.
 */
export async function listChanges(db: Kysely<Database>, filter: ChangeFilter = {}): Promise<ChangeEntry[]> {
  let query = db.selectFrom('changeLog').selectAll()
  if (filter.rowId) query = query.where('rowId', '=', filter.rowId)
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor)
  if (filter.table) query = query.where('tableName', '=', filter.table)
  if (filter.since) query = query.where('at', '>=', new Date(filter.since).toISOString())
  if (filter.until) query = query.where('at', '<', new Date(filter.until).toISOString())
  if (filter.beforeSeq !== undefined) {
    query = query.where(sql<boolean>`(hlc, seq) < (SELECT c.hlc, c.seq FROM change_log c WHERE c.seq = ${filter.beforeSeq})`)
  }
  if (filter.site) query = query.where(siteRows(filter.site.kind, filter.site.id))
  const rows = await query
    .orderBy('hlc', 'desc')
    .orderBy('seq', 'desc')
    .limit(filter.limit ?? 100)
    .execute()
  return nameChanges(db, rows.map((r) => ({ ...r, oldValue: parse(r.oldValue), newValue: parse(r.newValue) })))
}

/**
 * A site's own row and its children's: a building's spaces, leases, park hosting and photos; a
 * park's sub-parks, hosts and photos; a parcel's photos; a tenant's leases. Each part names its
 * table, so the (table_name, row_id) index answers it.
 */
function siteRows(kind: NonNullable<ChangeFilter['site']>['kind'], id: string) {
  return sql<boolean>`(${sql.join(
    SITE_PARTS[kind].map(([table, ids]) => sql`(table_name = ${table} AND row_id IN (${ids(id)}))`),
    sql` OR `,
  )})`
}

type Part = [HistoryTable, (id: string) => ReturnType<typeof sql>]
const own = (table: HistoryTable): Part => [table, (id) => sql`${id}`]
const photosOf: Part = ['photos', (id) => sql`SELECT id FROM photos WHERE owner_id = ${id}`]

const SITE_PARTS: Record<NonNullable<ChangeFilter['site']>['kind'], Part[]> = {
  building: [
    own('buildings'),
    ['spaces', (id) => sql`SELECT id FROM spaces WHERE building_id = ${id}`],
    ['leases', (id) => sql`SELECT id FROM leases WHERE building_id = ${id}`],
    ['parkHosts', (id) => sql`SELECT id FROM park_hosts WHERE building_id = ${id}`],
    photosOf,
  ],
  park: [
    own('parks'),
    ['subParks', (id) => sql`SELECT id FROM sub_parks WHERE park_id = ${id}`],
    ['parkHosts', (id) => sql`SELECT id FROM park_hosts WHERE park_id = ${id}`],
    photosOf,
  ],
  parcel: [own('parcels'), photosOf],
  tenant: [own('tenants'), ['leases', (id) => sql`SELECT id FROM leases WHERE tenant_id = ${id}`]],
  cluster: [own('clusters')],
}

/** Which table the ids in a field's values belong to. */
const REF_TABLES: Record<string, HistoryTable[]> = {
  tenantId: ['tenants'], buildingId: ['buildings'], clusterId: ['clusters'], parkId: ['parks'], renewsLeaseId: ['leases'],
  districtCode: ['districts'], spaceIds: ['spaces'], mergedInto: ['spaces'], ownerId: ['buildings', 'parcels', 'parks'],
  targetId: ['targets'],
}
const SITE_TABLE: Record<string, HistoryTable> = { building: 'buildings', parcel: 'parcels', park: 'parks' }

function refIds(field: string | null, value: unknown): Array<[HistoryTable, string]> {
  if (field === null || value === null || value === undefined) return []
  if (field === 'sites' && Array.isArray(value)) {
    return value.flatMap((s: { kind?: string; id?: string } | null) =>
      s && typeof s.id === 'string' && s.kind && SITE_TABLE[s.kind] ? [[SITE_TABLE[s.kind]!, s.id] as [HistoryTable, string]] : [],
    )
  }
  const tables = REF_TABLES[field]
  if (!tables) return []
  const ids = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
  return tables.flatMap((t) => ids.map((id) => [t, id] as [HistoryTable, string]))
}

/** Names every row a page of changes is about or points to, a query per table for the whole page. */
export async function nameChanges(db: Kysely<Database>, changes: Change[]): Promise<ChangeEntry[]> {
  const wanted: RowKeys = new Map()
  const want = (table: HistoryTable, id: string) => {
    let ids = wanted.get(table)
    if (!ids) wanted.set(table, (ids = new Set()))
    ids.add(id)
  }
  for (const c of changes) {
    want(c.tableName as HistoryTable, c.rowId)
    for (const [t, id] of [...refIds(c.field, c.oldValue), ...refIds(c.field, c.newValue)]) want(t, id)
  }
  const names = await nameRows(db, wanted)
  return changes.map((c) => {
    const refs: Record<string, string> = {}
    for (const [t, id] of [...refIds(c.field, c.oldValue), ...refIds(c.field, c.newValue)]) {
      const name = names.get(rowKey(t, id))
      if (name !== undefined) refs[id] = name
    }
    return { ...c, rowLabel: names.get(rowKey(c.tableName, c.rowId)) ?? null, refs }
  })
}

/** Everyone who wrote changes, the latest writer first. */
export async function listChangeActors(db: Kysely<Database>): Promise<ChangeActor[]> {
  const rows = await db
    .selectFrom('changeLog')
    .select((eb) => ['actor', eb.fn.countAll<number>().as('changes'), eb.fn.max('at').as('lastAt')])
    .groupBy('actor')
    .orderBy('lastAt', 'desc')
    .execute()
  return rows.map((r) => ({ actor: r.actor, changes: Number(r.changes), lastAt: r.lastAt }))
}
