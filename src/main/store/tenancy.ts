import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { SpaceStatus } from '../../shared/domain'
import type { TenancyScope } from '../../shared/schemas/leases'
import type { LeaseOfSpaces } from '../../shared/tenancy'
import type { ComingFreeSpace } from '../../shared/types'
import type { Database } from './schema'

// Tenancy over time: the buildings of a scope, the leases ending soon with the leases of the same
// spaces, the spaces whose leases started or lapsed, and the spaces as they stood on a past day (rebuilt
// from the change log).

/** The ids of the buildings in a scope (a building, a cluster's, a district's), live or not. */
const buildingsOf = (scope: { kind: TenancyScope; id: string }): RawBuilder<unknown> => {
  if (scope.kind === 'building') return sql`SELECT id FROM buildings WHERE id = ${scope.id}`
  if (scope.kind === 'cluster') return sql`SELECT id FROM buildings WHERE cluster_id = ${scope.id}`
  return sql`SELECT id FROM buildings WHERE district_code = ${scope.id}`
}

/** A lease ending in a window, with its space and tenant: the coming-free list's row as read. */
export type FreeingDetail = ComingFreeSpace

/**
 * The live leases of live buildings (in `scope`, if given) ending from `from` to `until`, one row
 * per live space, by end date, building and floor; and every live lease on those spaces (the
 * renewals and next tenants that may take them on), as the coming-free rule reads them.
 */
export async function leasesEnding(
  db: Kysely<Database>,
  from: string,
  until: string,
  scope?: { kind: TenancyScope; id: string },
): Promise<{ details: FreeingDetail[]; leases: LeaseOfSpaces[] }> {
  const inScope = scope ? sql`AND l.building_id IN (${buildingsOf(scope)})` : sql``
  const ending = sql`SELECT l.id FROM leases l JOIN buildings b ON b.id = l.building_id AND b.deleted_at IS NULL
    WHERE l.deleted_at IS NULL AND l.end_date BETWEEN ${from} AND ${until} ${inScope}`
  const { rows: details } = await sql<FreeingDetail>`
    SELECT l.id AS lease_id, s.id AS space_id, s.floor_label, s.unit, s.area, l.end_date,
      t.id AS tenant_id, t.name AS tenant_name, t.contact_name, t.contact_phone, b.id AS building_id, b.name AS building_name
    FROM leases l
    JOIN lease_spaces ls ON ls.lease_id = l.id
    JOIN spaces s ON s.id = ls.space_id AND s.deleted_at IS NULL
    JOIN tenants t ON t.id = l.tenant_id
    JOIN buildings b ON b.id = l.building_id
    WHERE l.id IN (${ending})
    ORDER BY l.end_date, b.name, s.floor_sort, s.unit`.execute(db)
  const { rows } = await sql<{ id: string; startDate: string | null; endDate: string | null; renewsLeaseId: string | null; spaceIds: string }>`
    SELECT l.id, l.start_date, l.end_date, l.renews_lease_id, json_group_array(ls.space_id) AS space_ids
    FROM leases l JOIN lease_spaces ls ON ls.lease_id = l.id
    WHERE l.deleted_at IS NULL
      AND (ls.space_id IN (SELECT space_id FROM lease_spaces WHERE lease_id IN (${ending})) OR l.renews_lease_id IN (${ending}))
    GROUP BY l.id`.execute(db)
  return { details, leases: rows.map((r) => ({ ...r, spaceIds: JSON.parse(r.spaceIds) as string[] })) }
}

/** The day a space's status was last written (or the space made), in the local calendar. */
const statusSetOn = sql`(SELECT date(max(c.at), 'localtime') FROM change_log c
  WHERE c.table_name = 'spaces' AND c.row_id = s.id AND (c.field = 'status' OR c.field IS NULL))`

/** A live space whose stored status its leases may change on a day, with what the rule reads. */
export interface UnsettledSpace {
  id: string
  status: SpaceStatus
  statusSetOn: string | null
  leases: Array<{ id: string; startDate: string | null; endDate: string | null }>
}

/**
 * Live spaces whose stored status may be out of step with their leases on `day`: vacant or
 * reserved while a lease covers the day (it started), or leased while none does (it ended, or has
 * not started). The caller decides with shared/tenancy spaceStatusOn, which keeps a 'leased' a
 * person set after the last lease ended.
 */
export async function unsettledSpaces(db: Kysely<Database>, day: string): Promise<UnsettledSpace[]> {
  const covering = sql`EXISTS (SELECT 1 FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id AND l.deleted_at IS NULL
    WHERE ls.space_id = s.id AND (l.start_date IS NULL OR l.start_date <= ${day}) AND (l.end_date IS NULL OR l.end_date >= ${day}))`
  const anyLease = sql`EXISTS (SELECT 1 FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id AND l.deleted_at IS NULL WHERE ls.space_id = s.id)`
  const { rows } = await sql<{ id: string; status: string; statusSetOn: string | null; leases: string }>`
    SELECT s.id, s.status, ${statusSetOn} AS status_set_on,
      (SELECT json_group_array(json_object('id', l.id, 'startDate', l.start_date, 'endDate', l.end_date))
         FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id AND l.deleted_at IS NULL WHERE ls.space_id = s.id) AS leases
    FROM spaces s
    WHERE s.deleted_at IS NULL AND (
      (s.status IN ('vacant', 'reserved') AND ${covering})
      OR (s.status = 'leased' AND ${anyLease} AND NOT ${covering}))
    ORDER BY s.id`.execute(db)
  return rows.map((r) => ({
    id: r.id,
    status: r.status as SpaceStatus,
    statusSetOn: r.statusSetOn,
    leases: JSON.parse(r.leases) as UnsettledSpace['leases'],
  }))
}

export interface SpaceOnDay {
  status: SpaceStatus
  area: number
}

/**
 * The spaces of a scope as they stood at the end of a past day (`before`: the first instant after
 * it, as the change log's ISO time): a space or building counts if it existed then, with the area
 * and status it had. A value is the old value of its first change after that instant, or the
 * present one if none: rows made before the log (or by a bulk load) read as they are now.
 */
export async function spacesAsOf(db: Kysely<Database>, scope: { kind: TenancyScope; id: string }, before: string): Promise<SpaceOnDay[]> {
  const firstAfter = (table: string, row: RawBuilder<unknown>, what: RawBuilder<unknown>, where: RawBuilder<unknown>) =>
    sql`(SELECT ${what} FROM change_log c WHERE c.table_name = ${table} AND c.row_id = ${row} AND c.at >= ${before} AND ${where}
      ORDER BY c.seq LIMIT 1)`
  const existence = sql`CASE c.op WHEN 'delete' THEN 1 ELSE 0 END`
  const existenceOps = sql`c.op IN ('insert', 'delete', 'restore')`
  // Only rows changed since then need the log (CASE runs its subqueries only when chosen): the
  // figures of today, or of a quiet past, cost a read of the spaces and no more.
  const changed = (table: string, row: RawBuilder<unknown>) => sql`${row} IN (SELECT row_id FROM later WHERE table_name = ${table})`
  const { rows } = await sql<{ status: string; area: number }>`
    WITH later AS (SELECT DISTINCT table_name, row_id FROM change_log WHERE at >= ${before} AND table_name IN ('spaces', 'buildings'))
    SELECT
      CASE WHEN ${changed('spaces', sql`s.id`)}
        THEN coalesce(json_extract(${firstAfter('spaces', sql`s.id`, sql`c.old_value`, sql`c.op = 'update' AND c.field = 'status'`)}, '$'), s.status)
        ELSE s.status END AS status,
      CASE WHEN ${changed('spaces', sql`s.id`)}
        THEN coalesce(json_extract(${firstAfter('spaces', sql`s.id`, sql`c.old_value`, sql`c.op = 'update' AND c.field = 'area'`)}, '$'), s.area)
        ELSE s.area END AS area
    FROM spaces s
    WHERE s.building_id IN (${buildingsOf(scope)})
      AND CASE WHEN ${changed('spaces', sql`s.id`)}
        THEN coalesce(${firstAfter('spaces', sql`s.id`, existence, existenceOps)}, s.deleted_at IS NULL)
        ELSE s.deleted_at IS NULL END = 1
      AND CASE WHEN ${changed('buildings', sql`s.building_id`)}
        THEN coalesce(${firstAfter('buildings', sql`s.building_id`, existence, existenceOps)}, (SELECT b.deleted_at IS NULL FROM buildings b WHERE b.id = s.building_id))
        ELSE (SELECT b.deleted_at IS NULL FROM buildings b WHERE b.id = s.building_id) END = 1`.execute(db)
  return rows.map((r) => ({ status: r.status as SpaceStatus, area: Number(r.area) }))
}

export interface SpaceWithLeases {
  status: SpaceStatus
  area: number
  statusSetOn: string | null
  leases: Array<{ id: string; startDate: string | null; endDate: string | null }>
}

/** The live spaces of a scope's live buildings, with their live leases, for a day still to come. */
export async function spacesWithLeases(db: Kysely<Database>, scope: { kind: TenancyScope; id: string }): Promise<SpaceWithLeases[]> {
  const { rows } = await sql<{ status: string; area: number; statusSetOn: string | null; leases: string }>`
    SELECT s.status, s.area, ${statusSetOn} AS status_set_on,
      (SELECT json_group_array(json_object('id', l.id, 'startDate', l.start_date, 'endDate', l.end_date))
         FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id AND l.deleted_at IS NULL WHERE ls.space_id = s.id) AS leases
    FROM spaces s JOIN buildings b ON b.id = s.building_id AND b.deleted_at IS NULL
    WHERE s.deleted_at IS NULL AND s.building_id IN (${buildingsOf(scope)})`.execute(db)
  return rows.map((r) => ({
    status: r.status as SpaceStatus,
    area: r.area,
    statusSetOn: r.statusSetOn,
    leases: JSON.parse(r.leases) as SpaceWithLeases['leases'],
  }))
}
