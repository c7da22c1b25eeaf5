import { type Kysely, sql } from 'kysely'
import { floorUnitKey } from '../../shared/floors'
import type { Database, SpaceRow } from './schema'

// The reads behind the layout writes (generate floors, split, merge, copy a floor) and the
// duplicate floor + unit listing of `cli check`.

/** A space as the layout writes read it: its stored row but for the bookkeeping and survey columns. */
export type LayoutSpace = Pick<SpaceRow, (typeof COLUMNS)[number]>

const COLUMNS = [
  'id', 'buildingId', 'floorLabel', 'floorSort', 'unit', 'area', 'status', 'askingRent', 'fitOut', 'availableFrom',
  'divisible', 'notes', 'isDemo',
] as const

/** The live spaces of a building whose floor sort key is one of `sorts` (every floor when omitted). */
export async function liveSpacesOnFloors(db: Kysely<Database>, buildingId: string, sorts?: number[]): Promise<LayoutSpace[]> {
  if (sorts?.length === 0) return []
  let q = db.selectFrom('spaces').select(COLUMNS).where('buildingId', '=', buildingId).where('deletedAt', 'is', null)
  if (sorts) q = q.where('floorSort', 'in', sorts)
  return q.orderBy('floorSort', 'desc').orderBy('unit').execute()
}

/** The live spaces with these ids (a missing or deleted one is simply absent). */
export async function liveSpacesByIds(db: Kysely<Database>, ids: string[]): Promise<LayoutSpace[]> {
  if (ids.length === 0) return []
  return db.selectFrom('spaces').select(COLUMNS).where('id', 'in', ids).where('deletedAt', 'is', null).execute()
}

/** The spaces with these ids, deleted ones included (with when they were deleted). */
export async function spacesByIdsAnyState(db: Kysely<Database>, ids: string[]): Promise<Array<LayoutSpace & { deletedAt: string | null }>> {
  if (ids.length === 0) return []
  return db.selectFrom('spaces').select([...COLUMNS, 'deletedAt']).where('id', 'in', ids).execute()
}

/**
 * The current (not yet ended, live) leases covering each of these spaces, with their tenants —
 * the rule of leases.ts, one lease starting later included; with `coveringOn`, only the leases
 * covering that day (started by then), which decide a space's status.
 */
export async function currentLeasesBySpace(
  db: Kysely<Database>,
  spaceIds: string[],
  coveringOn?: string,
): Promise<Map<string, Array<{ leaseId: string; tenantName: string }>>> {
  const out = new Map<string, Array<{ leaseId: string; tenantName: string }>>()
  if (spaceIds.length === 0) return out
  const { rows } = await sql<{ spaceId: string; leaseId: string; tenantName: string }>`
    SELECT ls.space_id, l.id AS lease_id, t.name AS tenant_name
    FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id JOIN tenants t ON t.id = l.tenant_id
    WHERE ls.space_id IN (${sql.join(spaceIds)}) AND l.deleted_at IS NULL
      AND (l.end_date IS NULL OR l.end_date >= date('now', 'localtime'))
      AND (${coveringOn ?? null} IS NULL OR l.start_date IS NULL OR l.start_date <= ${coveringOn ?? null})
    ORDER BY l.id`.execute(db)
  for (const r of rows) {
    const list = out.get(r.spaceId) ?? []
    list.push({ leaseId: r.leaseId, tenantName: r.tenantName })
    out.set(r.spaceId, list)
  }
  return out
}

export interface DuplicateFloorUnit {
  buildingId: string
  buildingName: string
  floorLabel: string
  unit: string | null
  spaceIds: string[]
}

/**
 * Live spaces sharing a building, floor and unit (the rule of shared/floors.ts floorUnitKey), as
 * stored before that rule was enforced. Candidates share a floor sort key in SQL; the labels and
 * units are then compared as the rule reads them ("12F" and "12" are one floor, a full-width Ａ is
 * A: folding SQLite cannot do).
 */
export async function duplicateFloorUnits(db: Kysely<Database>): Promise<DuplicateFloorUnit[]> {
  const { rows } = await sql<{ id: string; buildingId: string; buildingName: string; floorLabel: string; unit: string | null }>`
    SELECT s.id, s.building_id, b.name AS building_name, s.floor_label, s.unit
    FROM spaces s JOIN buildings b ON b.id = s.building_id
    WHERE s.deleted_at IS NULL AND b.deleted_at IS NULL AND EXISTS (
      SELECT 1 FROM spaces o WHERE o.building_id = s.building_id AND o.floor_sort = s.floor_sort
        AND o.id != s.id AND o.deleted_at IS NULL)
    ORDER BY b.name, s.floor_sort DESC, s.unit, s.created_at`.execute(db)
  const groups = new Map<string, DuplicateFloorUnit>()
  for (const r of rows) {
    const key = `${r.buildingId}|${floorUnitKey(r.floorLabel, r.unit)}`
    const group = groups.get(key) ?? { buildingId: r.buildingId, buildingName: r.buildingName, floorLabel: r.floorLabel, unit: r.unit, spaceIds: [] }
    group.spaceIds.push(r.id)
    groups.set(key, group)
  }
  return [...groups.values()].filter((g) => g.spaceIds.length > 1)
}

/**
 * The space a deleted space was merged into (the `mergedInto` marker a merge logs), unless the
 * space was restored after that merge; null when it was not merged away.
 */
export async function mergedAwayInto(db: Kysely<Database>, spaceId: string): Promise<string | null> {
  const marker = await db
    .selectFrom('changeLog')
    .select(['hlc', 'newValue'])
    .where('tableName', '=', 'spaces')
    .where('rowId', '=', spaceId)
    .where('field', '=', 'mergedInto')
    .orderBy('hlc', 'desc')
    .orderBy('seq', 'desc')
    .executeTakeFirst()
  const keptId = marker?.newValue ? (JSON.parse(marker.newValue) as unknown) : null
  if (typeof keptId !== 'string') return null
  const restored = await db
    .selectFrom('changeLog')
    .select('seq')
    .where('tableName', '=', 'spaces')
    .where('rowId', '=', spaceId)
    .where('op', '=', 'restore')
    .where('hlc', '>', marker!.hlc)
    .executeTakeFirst()
  return restored ? null : keptId
}
