import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { SpaceStatus } from '../../shared/domain'
import type { RollupWithin, StatsScope } from '../../shared/stats'
import type { LeaseTerm } from '../../shared/tenancy'
import { endOfLocalDay, localDayOf, type TrendChange, type TrendSpace } from '../../shared/trend'
import type { Database } from './schema'
import { scopedBuildingsSql, statsFactsCte } from './statsFacts'

// What the trend and the watch list rebuild the past from (shared/trend.ts says the rule): the
// spaces of the buildings concerned, live or deleted, with their leases; the change-log rows that
// move a space's status, area or existence or a building's existence; and, for the watch list, the
// registered tax by building as tenants and leases stood on a day and as they stand today. Three
// set-based reads, whatever the number of months.

/**
 * The buildings a trend covers: the map's ids (live buildings), or every building live or deleted
 * (a building deleted since counts on the days it stood), narrowed by `within` on the buildings'
 * present district, cluster, sky park, kind and grade.
 */
function trendBuildingsSql(scope: StatsScope | undefined, within: RollupWithin | undefined): RawBuilder<unknown> {
  const base = scope?.buildingIds ? scopedBuildingsSql(scope) : sql`SELECT id FROM buildings`
  const where: RawBuilder<unknown>[] = []
  const w = within ?? {}
  if (w.districtCode !== undefined) where.push(sql`b.district_code = ${w.districtCode}`)
  if (w.clusterId !== undefined) where.push(w.clusterId === null ? sql`b.cluster_id IS NULL` : sql`b.cluster_id = ${w.clusterId}`)
  if (w.kind !== undefined) where.push(sql`b.kind = ${w.kind}`)
  if (w.grade !== undefined) where.push(w.grade === null ? sql`b.grade IS NULL` : sql`b.grade = ${w.grade}`)
  if (w.buildingId !== undefined) where.push(sql`b.id = ${w.buildingId}`)
  if (w.parkId !== undefined) {
    const hosts = sql`SELECT building_id FROM park_hosts h JOIN parks p ON p.id = h.park_id AND p.deleted_at IS NULL WHERE h.deleted_at IS NULL`
    where.push(w.parkId === null ? sql`b.id NOT IN (${hosts})` : sql`b.id IN (${hosts} AND h.park_id = ${w.parkId})`)
  }
  if (where.length === 0) return base
  return sql`SELECT b.id FROM buildings b WHERE b.id IN (${base}) AND ${sql.join(where, sql` AND `)}`
}

/** The spaces (live or deleted) of the buildings, each in group `groupByBuilding ? building id : ''`. */
async function spacesOf(db: Kysely<Database>, buildings: RawBuilder<unknown>, groupByBuilding: boolean): Promise<TrendSpace[]> {
  const [{ rows: spaces }, { rows: leases }] = await Promise.all([
    sql<{ id: string; buildingId: string; status: string; area: number; live: number; createdAt: string; firstFill: string; buildingLive: number; yearBuilt: number | null }>`
      WITH tb AS (${buildings}),
      ts AS (SELECT s.id, s.building_id, s.status, s.area, s.deleted_at IS NULL AS live, s.created_at,
          min(s.created_at) OVER (PARTITION BY s.building_id) AS first_fill
        FROM spaces s WHERE s.building_id IN (SELECT id FROM tb))
      SELECT ts.*, b.deleted_at IS NULL AS building_live, b.year_built
      FROM ts JOIN buildings b ON b.id = ts.building_id`.execute(db),
    sql<{ spaceId: string; id: string; startDate: string | null; endDate: string | null }>`
      SELECT ls.space_id, l.id, l.start_date, l.end_date
      FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id AND l.deleted_at IS NULL
      WHERE l.building_id IN (${buildings})`.execute(db),
  ])
  const leasesBySpace = new Map<string, LeaseTerm[]>()
  for (const l of leases) {
    const term = { id: l.id, startDate: l.startDate, endDate: l.endDate }
    const list = leasesBySpace.get(l.spaceId)
    if (list) list.push(term)
    else leasesBySpace.set(l.spaceId, [term])
  }
  // A building's first spaces were entered on one local day: those stood before; later ones did not.
  const firstFillEnd = new Map<string, string>()
  const fillEnd = (s: { buildingId: string; firstFill: string }) => {
    let end = firstFillEnd.get(s.buildingId)
    if (end === undefined) {
      end = endOfLocalDay(localDayOf(s.firstFill))
      firstFillEnd.set(s.buildingId, end)
    }
    return end
  }
  return spaces.map((s) => ({
    id: s.id,
    buildingId: s.buildingId,
    group: groupByBuilding ? s.buildingId : '',
    status: s.status as SpaceStatus,
    area: Number(s.area),
    live: s.live === 1,
    buildingLive: s.buildingLive === 1,
    yearBuilt: s.yearBuilt,
    addedAt: s.createdAt >= fillEnd(s) ? s.createdAt : null,
    leases: leasesBySpace.get(s.id) ?? [],
  }))
}

/**
 * The change-log rows from `from` on that move a space's status, area or existence or a building's
 * existence, in log order. Inserts are not read: when a space began is its created_at (spacesOf).
 */
async function changesSince(db: Kysely<Database>, from: string): Promise<TrendChange[]> {
  const { rows } = await sql<{ tableName: string; rowId: string; op: string; field: string | null; oldValue: string | null; at: string }>`
    SELECT c.table_name, c.row_id, c.op, c.field, c.old_value, c.at FROM change_log c
    WHERE c.at >= ${from} AND (
      (c.table_name = 'spaces' AND ((c.op = 'update' AND c.field IN ('status', 'area')) OR c.op IN ('delete', 'restore')))
      OR (c.table_name = 'buildings' AND c.op IN ('delete', 'restore')))
    ORDER BY c.seq`.execute(db)
  return rows.map((r) => ({
    table: r.tableName as TrendChange['table'],
    rowId: r.rowId,
    op: r.op as TrendChange['op'],
    field: r.field,
    oldValue: r.oldValue === null ? null : (JSON.parse(r.oldValue) as unknown),
    at: r.at,
  }))
}

/** Everything the trend of a scope rebuilds from, for days from `firstDay` on. */
export async function trendSources(
  db: Kysely<Database>,
  scope: StatsScope | undefined,
  within: RollupWithin | undefined,
  firstDay: string,
): Promise<{ spaces: TrendSpace[]; changes: TrendChange[] }> {
  const [spaces, changes] = await Promise.all([spacesOf(db, trendBuildingsSql(scope, within), false), changesSince(db, endOfLocalDay(firstDay))])
  return { spaces, changes }
}

/** The same for the live buildings of a scope, per building, for `day` on (the watch list's "then"). */
export async function watchSources(db: Kysely<Database>, scope: StatsScope | undefined, day: string): Promise<{ spaces: TrendSpace[]; changes: TrendChange[] }> {
  const [spaces, changes] = await Promise.all([spacesOf(db, scopedBuildingsSql(scope), true), changesSince(db, endOfLocalDay(day))])
  return { spaces, changes }
}

/** A live building's figures today, as the rollups define them, with leases ending soon. */
export interface BuildingNow {
  buildingId: string
  name: string
  districtName: string
  leasableArea: number
  leasedArea: number
  annualTax: number
  /** Area of spaces whose lease ends from today to `until` and that no other lease takes (comingFree). */
  endingArea: number
}

/** Today's figures of the scope's live buildings that have spaces, by building (statsFacts.ts). */
export async function buildingsNow(db: Kysely<Database>, scope: StatsScope | undefined, today: string, until: string): Promise<BuildingNow[]> {
  const { rows } = await sql<BuildingNow>`${statsFactsCte({ scope, today, until })}
    SELECT b.id AS building_id, b.name, d.name AS district_name,
      sum(f.leasable) AS leasable_area, sum(f.leased) AS leased_area, sum(f.tax) AS annual_tax, sum(f.coming_free) AS ending_area
    FROM space_facts f JOIN buildings b ON b.id = f.building_id JOIN districts d ON d.code = b.district_code
    GROUP BY b.id`.execute(db)
  return rows.map((r) => ({ ...r, leasableArea: Number(r.leasableArea), leasedArea: Number(r.leasedArea), annualTax: Number(r.annualTax), endingArea: Number(r.endingArea) }))
}

/**
 * Registered tenants' annual tax by building as it stood on `day`, shared as the rollups share it
 * (statsFacts.ts lease_tax, space_tax) but with each tenant's annual tax, registration and
 * existence as logged then (the old value of its first change after the day, else the present
 * one) and the leases whose dates covered the day. Spaces and buildings are today's live ones.
 */
export async function taxByBuildingOn(db: Kysely<Database>, scope: StatsScope | undefined, day: string): Promise<Map<string, number>> {
  const before = endOfLocalDay(day)
  const firstAfter = (what: RawBuilder<unknown>, where: RawBuilder<unknown>) =>
    sql`(SELECT ${what} FROM change_log c WHERE c.table_name = 'tenants' AND c.row_id = t.id AND c.at >= ${before} AND ${where} ORDER BY c.seq LIMIT 1)`
  const field = (name: string) => firstAfter(sql`c.old_value`, sql`c.op = 'update' AND c.field = ${name}`)
  const { rows } = await sql<{ buildingId: string; tax: number }>`
    WITH scoped_buildings AS (${scopedBuildingsSql(scope)}),
    changed AS (SELECT DISTINCT row_id FROM change_log WHERE table_name = 'tenants' AND at >= ${before}),
    tenants_logged AS (
      SELECT t.id, t.annual_tax, t.registered_in_district, t.deleted_at IS NULL AS live,
        ${field('annualTax')} AS tax_old, ${field('registeredInDistrict')} AS registered_old,
        ${firstAfter(sql`c.op`, sql`c.op IN ('delete', 'restore')`)} AS existence_op
      FROM tenants t WHERE t.id IN (SELECT row_id FROM changed)),
    tenants_then AS (
      SELECT id, annual_tax, registered_in_district AS registered, deleted_at IS NULL AS live
      FROM tenants WHERE id NOT IN (SELECT row_id FROM changed)
      UNION ALL
      SELECT id,
        CASE WHEN tax_old IS NULL THEN annual_tax ELSE json_extract(tax_old, '$') END,
        CASE WHEN registered_old IS NULL THEN registered_in_district ELSE json_extract(registered_old, '$') END,
        CASE existence_op WHEN 'delete' THEN 1 WHEN 'restore' THEN 0 ELSE live END
      FROM tenants_logged),
    leases_then AS (
      SELECT l.id, l.building_id, l.tenant_id, l.area
      FROM leases l
      JOIN tenants_then t ON t.id = l.tenant_id AND t.live = 1
      JOIN buildings b ON b.id = l.building_id AND b.deleted_at IS NULL
      WHERE l.deleted_at IS NULL
        AND (l.start_date IS NULL OR l.start_date <= ${day})
        AND (l.end_date IS NULL OR l.end_date >= ${day})),
    tenant_leased AS (SELECT tenant_id, sum(area) AS area FROM leases_then GROUP BY tenant_id),
    lease_tax AS (
      SELECT lt.id AS lease_id,
        CASE WHEN t.registered = 1 THEN coalesce(t.annual_tax, 0) * lt.area / tl.area ELSE 0 END AS tax
      FROM leases_then lt
      JOIN tenants_then t ON t.id = lt.tenant_id
      JOIN tenant_leased tl ON tl.tenant_id = lt.tenant_id),
    lease_space_area AS (
      SELECT ls.lease_id, sum(s.area) AS area
      FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id AND s.deleted_at IS NULL
      WHERE ls.lease_id IN (SELECT lease_id FROM lease_tax)
      GROUP BY ls.lease_id)
    SELECT s.building_id, sum(lt.tax * s.area / lsa.area) AS tax
    FROM lease_spaces ls
    JOIN lease_tax lt ON lt.lease_id = ls.lease_id
    JOIN spaces s ON s.id = ls.space_id AND s.deleted_at IS NULL
    JOIN lease_space_area lsa ON lsa.lease_id = ls.lease_id
    WHERE s.building_id IN (SELECT id FROM scoped_buildings)
    GROUP BY s.building_id`.execute(db)
  return new Map(rows.map((r) => [r.buildingId, Number(r.tax)]))
}
