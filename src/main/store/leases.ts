import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Lease } from '../../shared/types'
import { readRows } from './handle'
import type { Database, LeaseRow as LeaseTableRow } from './schema'

export type LeaseRow = Omit<Lease, 'isDemo' | 'spaceIds' | 'floors'> & { isDemo: number; spaceIds: string | null; floors: string | null }

export type LeaseFilter = { buildingId?: string; tenantId?: string; ids?: string[]; includeDeleted?: boolean }

export async function listLeases(db: Kysely<Database>, filter: LeaseFilter): Promise<Lease[]> {
  if (filter.ids?.length === 0) return []
  return (await readRows(db, leasesQuery(filter))).map(toLease)
}

/** The leases matching `filter` as SQL, for listLeases or a read of several queries at once. */
export function leasesQuery(filter: LeaseFilter): RawBuilder<LeaseRow> {
  const where = [filter.includeDeleted ? sql`1 = 1` : sql`l.deleted_at IS NULL`]
  if (filter.buildingId) where.push(sql`l.building_id = ${filter.buildingId}`)
  if (filter.tenantId) where.push(sql`l.tenant_id = ${filter.tenantId}`)
  if (filter.ids) {
    where.push(sql`l.id IN (${sql.join(filter.ids)})`)
  }
  return sql<LeaseRow>`
    SELECT l.*, t.name AS tenant_name, b.name AS building_name,
      (SELECT json_group_array(space_id) FROM (SELECT ls.space_id FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id
         WHERE ls.lease_id = l.id ORDER BY s.floor_sort, s.unit)) AS space_ids,
      (SELECT json_group_array(floor_label) FROM (SELECT s.floor_label FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id
         WHERE ls.lease_id = l.id GROUP BY s.floor_label ORDER BY min(s.floor_sort))) AS floors
    FROM leases l
    JOIN tenants t ON t.id = l.tenant_id
    JOIN buildings b ON b.id = l.building_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY l.end_date IS NULL, l.end_date, t.name`
}

export const toLease = (r: LeaseRow): Lease => ({
  ...r,
  isDemo: r.isDemo === 1,
  spaceIds: JSON.parse(r.spaceIds ?? '[]') as string[],
  floors: JSON.parse(r.floors ?? '[]') as string[],
})

export interface LeaseSpaceInfo {
  id: string
  buildingId: string
  floorLabel: string
  unit: string | null
  area: number
  status: string
  deletedAt: string | null
}

/** The spaces with these ids (live or deleted), for checking a lease's choice. */
export async function spacesByIds(db: Kysely<Database>, ids: string[]): Promise<LeaseSpaceInfo[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('spaces')
    .select(['id', 'buildingId', 'floorLabel', 'unit', 'area', 'status', 'deletedAt'])
    .where('id', 'in', ids)
    .execute()
}

export async function leaseSpaceIds(db: Kysely<Database>, leaseId: string): Promise<string[]> {
  const rows = await db.selectFrom('leaseSpaces').select('spaceId').where('leaseId', '=', leaseId).execute()
  return rows.map((r) => r.spaceId)
}

export async function addLeaseSpaces(db: Kysely<Database>, leaseId: string, spaceIds: string[]): Promise<void> {
  if (spaceIds.length === 0) return
  await db.insertInto('leaseSpaces').values(spaceIds.map((spaceId) => ({ leaseId, spaceId }))).execute()
}

export async function removeLeaseSpaces(db: Kysely<Database>, leaseId: string, spaceIds: string[]): Promise<void> {
  if (spaceIds.length === 0) return
  await db.deleteFrom('leaseSpaces').where('leaseId', '=', leaseId).where('spaceId', 'in', spaceIds).execute()
}

// "Current" means a tenant holds a signed lease: live, and no end date or ending today or later (a
// lease starting next month included). It counts tenants, finds overlaps and guards deletes; a
// space's status follows the days a lease covers instead (coversDay, as shared/tenancy leaseCovers).
const isCurrent = sql`l.deleted_at IS NULL AND (l.end_date IS NULL OR l.end_date >= date('now', 'localtime'))`

/** A live lease covering `day`: started by then (a missing start is from ever) and not ended. */
const coversDay = (day: string) =>
  sql`l.deleted_at IS NULL AND (l.start_date IS NULL OR l.start_date <= ${day}) AND (l.end_date IS NULL OR l.end_date >= ${day})`

export interface LeaseConflict {
  spaceId: string
  floorLabel: string
  unit: string | null
  leaseId: string
  tenantName: string
  startDate: string | null
  endDate: string | null
}

/**
 * Current leases other than `exceptLeaseIds` that cover any of the spaces during the period
 * [startDate, endDate] (a missing bound is open). A lease that ends before the other begins does
 * not conflict, so the next tenant's lease can be entered before the present one runs out.
 */
export async function conflictingLeases(
  db: Kysely<Database>,
  spaceIds: string[],
  period: { startDate: string | null; endDate: string | null },
  exceptLeaseIds: readonly string[] = [],
): Promise<LeaseConflict[]> {
  if (spaceIds.length === 0) return []
  const except = exceptLeaseIds.length > 0 ? sql`l.id NOT IN (${sql.join([...exceptLeaseIds])})` : sql`1 = 1`
  const { rows } = await sql<LeaseConflict>`
    SELECT ls.space_id, s.floor_label, s.unit, l.id AS lease_id, t.name AS tenant_name, l.start_date, l.end_date
    FROM lease_spaces ls
    JOIN leases l ON l.id = ls.lease_id
    JOIN spaces s ON s.id = ls.space_id
    JOIN tenants t ON t.id = l.tenant_id
    WHERE ls.space_id IN (${sql.join(spaceIds)}) AND ${isCurrent}
      AND ${except}
      AND (${period.endDate} IS NULL OR l.start_date IS NULL OR l.start_date <= ${period.endDate})
      AND (${period.startDate} IS NULL OR l.end_date IS NULL OR l.end_date >= ${period.startDate})
    ORDER BY s.floor_sort, s.unit`.execute(db)
  return rows
}

/** The leases a lease is linked to by renewal: the one it renews and the live ones renewing it. */
export async function renewalLinks(db: Kysely<Database>, leaseId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT renews_lease_id AS id FROM leases WHERE id = ${leaseId} AND renews_lease_id IS NOT NULL
    UNION SELECT id FROM leases WHERE renews_lease_id = ${leaseId} AND deleted_at IS NULL`.execute(db)
  return rows.map((r) => r.id)
}

/** Which of these spaces some live lease covers on `day`. */
export async function coveredSpaceIds(db: Kysely<Database>, spaceIds: string[], day: string): Promise<Set<string>> {
  if (spaceIds.length === 0) return new Set()
  const { rows } = await sql<{ spaceId: string }>`
    SELECT DISTINCT ls.space_id FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id
    WHERE ls.space_id IN (${sql.join(spaceIds)}) AND ${coversDay(day)}`.execute(db)
  return new Set(rows.map((r) => r.spaceId))
}

/** Today's date in the same local calendar SQLite's date('now', 'localtime') uses. */
export async function today(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ d: string }>`SELECT date('now', 'localtime') AS d`.execute(db)
  return rows[0]!.d
}

/** Marks a lease as changed when only its spaces changed (they live in lease_spaces). */
export async function touchLease(db: Kysely<Database>, leaseId: string, now: string): Promise<void> {
  await db.updateTable('leases').set({ updatedAt: now }).where('id', '=', leaseId).execute()
}

/** The stored lease row, live or deleted. */
export async function findLease(db: Kysely<Database>, id: string): Promise<LeaseTableRow | undefined> {
  return db.selectFrom('leases').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * The current (not yet ended) leases of a building or covering a space, with their tenants; with
 * `coveringOn`, only those covering that day (started by then).
 */
export async function currentLeasesOf(
  db: Kysely<Database>,
  of: { buildingId: string } | { spaceId: string },
  coveringOn?: string,
): Promise<Array<{ id: string; tenantName: string; endDate: string | null }>> {
  const where = 'buildingId' in of ? sql`l.building_id = ${of.buildingId}` : sql`l.id IN (SELECT lease_id FROM lease_spaces WHERE space_id = ${of.spaceId})`
  const { rows } = await sql<{ id: string; tenantName: string; endDate: string | null }>`
    SELECT l.id, t.name AS tenant_name, l.end_date FROM leases l JOIN tenants t ON t.id = l.tenant_id
    WHERE ${where} AND ${isCurrent} AND ${coveringOn === undefined ? sql`1 = 1` : coversDay(coveringOn)}
    ORDER BY t.name`.execute(db)
  return rows
}

/** The live lease renewing this one, if any. */
export async function liveRenewalOf(db: Kysely<Database>, leaseId: string): Promise<{ id: string; endDate: string | null } | undefined> {
  return db
    .selectFrom('leases')
    .select(['id', 'endDate'])
    .where('renewsLeaseId', '=', leaseId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst()
}
