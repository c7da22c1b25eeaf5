import type { Kysely } from 'kysely'
import { floorText, leaseLabel, photoLabel, spaceLabel } from '../../shared/changeText'
import type { HistoryTable } from '../../shared/history'
import { targetLabel } from '../../shared/targets'
import type { Database } from './schema'

// Rows named the way people say them (财富中心 12层 1201, 中海科技 · 财富中心), deleted ones
// too: one query per table for a whole page of ids, never one per row.

/** Ids per table → `${table}:${id}` → the row in words. Ids not found are left out. */
export type RowKeys = Map<HistoryTable, Set<string>>

export const rowKey = (table: string, id: string) => `${table}:${id}`

// SQLite allows 32766 bound values; a page names at most a few thousand rows.
const CHUNK = 900

export async function nameRows(db: Kysely<Database>, wanted: RowKeys): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  await Promise.all(
    [...wanted].map(async ([table, idSet]) => {
      const ids = [...idSet]
      for (let i = 0; i < ids.length; i += CHUNK) {
        for (const [id, label] of await NAMERS[table](db, ids.slice(i, i + CHUNK))) names.set(rowKey(table, id), label)
      }
    }),
  )
  return names
}

type Namer = (db: Kysely<Database>, ids: string[]) => Promise<Array<[string, string]>>

const byName =
  (table: 'buildings' | 'tenants' | 'parks' | 'clusters' | 'savedSearches'): Namer =>
  async (db, ids) =>
    (await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute()).map((r) => [r.id, r.name])

const NAMERS: Record<HistoryTable, Namer> = {
  targets: async (db, ids) =>
    (await db.selectFrom('targets').select(['id', 'year', 'name']).where('id', 'in', ids).execute()).map((r) => [r.id, targetLabel(r.year, r.name)]),
  targetEntries: async (db, ids) =>
    (
      await db
        .selectFrom('targetEntries as e')
        .leftJoin('targets as t', 't.id', 'e.targetId')
        .select(['e.id', 'e.month', 't.year', 't.name'])
        .where('e.id', 'in', ids)
        .execute()
    ).map((r) => [r.id, `${targetLabel(r.year, r.name)} · ${r.month}`]),
  buildings: byName('buildings'),
  tenants: byName('tenants'),
  parks: byName('parks'),
  clusters: byName('clusters'),
  savedSearches: byName('savedSearches'),
  spaces: async (db, ids) =>
    (
      await db
        .selectFrom('spaces as s')
        .leftJoin('buildings as b', 'b.id', 's.buildingId')
        .select(['s.id', 'b.name', 's.floorLabel', 's.unit'])
        .where('s.id', 'in', ids)
        .execute()
    ).map((r) => [r.id, spaceLabel(r.name, r.floorLabel, r.unit)]),
  leases: async (db, ids) =>
    (
      await db
        .selectFrom('leases as l')
        .leftJoin('tenants as t', 't.id', 'l.tenantId')
        .leftJoin('buildings as b', 'b.id', 'l.buildingId')
        .select(['l.id', 't.name as tenant', 'b.name as building'])
        .where('l.id', 'in', ids)
        .execute()
    ).map((r) => [r.id, leaseLabel(r.tenant, r.building)]),
  parcels: async (db, ids) =>
    (await db.selectFrom('parcels').select(['id', 'name', 'code']).where('id', 'in', ids).execute()).map((r) => [
      r.id,
      r.code && r.code !== r.name ? `${r.name}（${r.code}）` : r.name,
    ]),
  subParks: async (db, ids) =>
    (
      await db
        .selectFrom('subParks as s')
        .leftJoin('parks as p', 'p.id', 's.parkId')
        .select(['s.id', 's.name', 'p.name as park'])
        .where('s.id', 'in', ids)
        .execute()
    ).map((r) => [r.id, [r.park, r.name].filter(Boolean).join(' · ')]),
  parkHosts: async (db, ids) =>
    (
      await db
        .selectFrom('parkHosts as h')
        .leftJoin('parks as p', 'p.id', 'h.parkId')
        .leftJoin('buildings as b', 'b.id', 'h.buildingId')
        .select(['h.id', 'h.floors', 'p.name as park', 'b.name as building'])
        .where('h.id', 'in', ids)
        .execute()
    ).map((r) => [r.id, `${r.park ?? ''} · ${[r.building, r.floors ? floorText(r.floors) : null].filter(Boolean).join(' ')}`]),
  visits: async (db, ids) =>
    (await db.selectFrom('visits').select(['id', 'company', 'date']).where('id', 'in', ids).execute()).map((r) => [
      r.id,
      `${r.company}（${r.date}）`,
    ]),
  photos: async (db, ids) =>
    (
      await db
        .selectFrom('photos as ph')
        .leftJoin('buildings as b', (j) => j.onRef('b.id', '=', 'ph.ownerId').on('ph.ownerKind', '=', 'building'))
        .leftJoin('parcels as pa', (j) => j.onRef('pa.id', '=', 'ph.ownerId').on('ph.ownerKind', '=', 'parcel'))
        .leftJoin('parks as pk', (j) => j.onRef('pk.id', '=', 'ph.ownerId').on('ph.ownerKind', '=', 'park'))
        .select(['ph.id', 'ph.caption', 'b.name as building', 'pa.name as parcel', 'pk.name as park'])
        .where('ph.id', 'in', ids)
        .execute()
    ).map((r) => [r.id, photoLabel(r.building ?? r.parcel ?? r.park, r.caption)]),
  districts: async (db, codes) =>
    (await db.selectFrom('districts').select(['code', 'name']).where('code', 'in', codes).execute()).map((r) => [r.code, r.name]),
}
