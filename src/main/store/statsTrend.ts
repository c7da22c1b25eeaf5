import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { SpaceStatus } from '../../shared/domain'
import type { RollupWithin, StatsScope } from '../../shared/stats'
import type { LeaseTerm } from '../../shared/tenancy'
import { endOfLocalDay, localDayOf, type TrendChange, type TrendSpace } from '../../shared/trend'
import type { Database } from './schema'
import { coversDay, leaseTaxShare, scopedBuildingsSql, statsFactsCte } from './statsFacts'
import { withinSql } from './statsRollup'

// What the trend and the watch list rebuild the past from (shared/trend.ts says the rule): the
// spaces of the buildings concerned, live or deleted, with their leases; the change-log rows that
// move a space's status, area or existence or a building's existence; and, for the watch list, the
// registered tax by building as tenants and leases stood on a day and as they stand today. A few
// set-based reads, whatever the number of months or buildings; the days are made in one pass in
// TypeScript (shared/trend.ts areasOnDays).

/**
 * The buildings a trend covers: the map's ids (live buildings), or every building live or deleted
 * (a building deleted since counts on the days it stood), narrowed by `within` on the buildings'
 * present district, cluster, sky park, kind and grade. Null: every building, no filter needed.
 */
function trendBuildingsSql(scope: StatsScope | undefined, within: RollupWithin | undefined): RawBuilder<unknown> | null {
  const base = scope?.buildingIds ? scopedBuildingsSql(scope) : sql`SELECT id FROM buildings`
  // The rollup's own narrowing, so a group's trend ends on its rollup row (a building whose
  // cluster was deleted is in "no cluster" in both).
  const where = withinSql(within)
  if (!where) return scope?.buildingIds ? base : null
  return sql`SELECT b.id FROM buildings b WHERE b.id IN (${base}) AND ${where}`
}

/**
 * The spaces (live or deleted) of the buildings (null: of every building), each in group
 * `groupByBuilding ? building id : ''`. Spaces with no lease and no change in `changes` come summed
 * (id ''): the rule treats them alike. The first-fill day and the buildings are joined here: at
 * 200,000 spaces a window or join in SQL costs more than the maps below.
 */
async function spacesOf(db: Kysely<Database>, buildings: RawBuilder<unknown> | null, groupByBuilding: boolean, changes: readonly TrendChange[]): Promise<TrendSpace[]> {
  const inScope = buildings ? sql`AND s.building_id IN (${buildings})` : sql``
  // Spaces the rule must see one by one: those with a live lease or a logged change in `changes`
  // (handed in as one JSON text: the log is read once). The others stand the same on every day
  // they count: summed in SQL by what the rule reads.
  const leased = sql`SELECT ls.space_id FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id AND l.deleted_at IS NULL`
  const changedIds = [...new Set(changes.filter((c) => c.table === 'spaces').map((c) => c.rowId))]
  const changed = sql`SELECT value FROM json_each(${JSON.stringify(changedIds)})`
  type SpaceRead = { id: string; buildingId: string; status: string; area: number; live: number; createdAt: string }
  const [{ rows: single }, { rows: summed }, { rows: buildingRows }, { rows: leases }] = await Promise.all([
    sql<SpaceRead>`
      SELECT s.id, s.building_id, s.status, s.area, s.deleted_at IS NULL AS live, s.created_at
      FROM spaces s WHERE (s.id IN (${leased}) OR s.id IN (${changed})) ${inScope}`.execute(db),
    sql<SpaceRead>`
      SELECT '' AS id, s.building_id, s.status, sum(s.area) AS area, s.deleted_at IS NULL AS live, s.created_at
      FROM spaces s WHERE s.id NOT IN (${leased}) AND s.id NOT IN (${changed}) ${inScope}
      GROUP BY s.building_id, s.status, s.deleted_at IS NULL, s.created_at`.execute(db),
    sql<{ id: string; live: number; yearBuilt: number | null }>`
      SELECT b.id, b.deleted_at IS NULL AS live, b.year_built FROM buildings b ${buildings ? sql`WHERE b.id IN (${buildings})` : sql``}`.execute(db),
    sql<{ spaceId: string; id: string; startDate: string | null; endDate: string | null }>`
      SELECT ls.space_id, l.id, l.start_date, l.end_date
      FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id AND l.deleted_at IS NULL
      ${buildings ? sql`WHERE l.building_id IN (${buildings})` : sql``}`.execute(db),
  ])
  const spaces = [...single, ...summed]
  const leasesBySpace = new Map<string, LeaseTerm[]>()
  for (const l of leases) {
    const term = { id: l.id, startDate: l.startDate, endDate: l.endDate }
    const list = leasesBySpace.get(l.spaceId)
    if (list) list.push(term)
    else leasesBySpace.set(l.spaceId, [term])
  }
  const buildingById = new Map(buildingRows.map((b) => [b.id, b]))
  // A building's first spaces were entered on one local day: those stood before; later ones did not.
  const firstFill = new Map<string, string>()
  for (const s of spaces) {
    const first = firstFill.get(s.buildingId)
    if (first === undefined || s.createdAt < first) firstFill.set(s.buildingId, s.createdAt)
  }
  const fillEnd = new Map([...firstFill].map(([id, first]) => [id, endOfLocalDay(localDayOf(first))]))
  const out: TrendSpace[] = []
  for (const s of spaces) {
    const building = buildingById.get(s.buildingId)
    if (!building) continue
    out.push({
      id: s.id,
      buildingId: s.buildingId,
      group: groupByBuilding ? s.buildingId : '',
      status: s.status as SpaceStatus,
      area: Number(s.area),
      live: s.live === 1,
      buildingLive: building.live === 1,
      yearBuilt: building.yearBuilt,
      addedAt: s.createdAt >= fillEnd.get(s.buildingId)! ? s.createdAt : null,
      leases: leasesBySpace.get(s.id) ?? [],
    })
  }
  return out
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
  const changes = await changesSince(db, endOfLocalDay(firstDay))
  return { spaces: await spacesOf(db, trendBuildingsSql(scope, within), false, changes), changes }
}

/** The same for the live buildings of a scope, per building, for `day` on (the watch list's "then"). */
export async function watchSources(db: Kysely<Database>, scope: StatsScope | undefined, day: string): Promise<{ spaces: TrendSpace[]; changes: TrendChange[] }> {
  const changes = await changesSince(db, endOfLocalDay(day))
  return { spaces: await spacesOf(db, scopedBuildingsSql(scope), true, changes), changes }
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

/**
 * Today's figures of the scope's live buildings, by building (statsFacts.ts). The tax is lease_tax
 * summed per building, as the building's page has it (buildings.ts): a current lease with no live
 * space, or a building with no spaces, keeps its tax.
 */
export async function buildingsNow(db: Kysely<Database>, scope: StatsScope | undefined, today: string, until: string): Promise<BuildingNow[]> {
  const { rows } = await sql<BuildingNow>`${statsFactsCte({ scope, today, until })},
    space_sums AS (
      SELECT building_id, sum(leasable) AS leasable, sum(leased) AS leased, sum(coming_free) AS ending
      FROM space_facts GROUP BY building_id),
    tax_sums AS (SELECT building_id, sum(tax) AS tax FROM lease_tax GROUP BY building_id)
    SELECT b.id AS building_id, b.name, d.name AS district_name,
      coalesce(ss.leasable, 0) AS leasable_area, coalesce(ss.leased, 0) AS leased_area,
      coalesce(ts.tax, 0) AS annual_tax, coalesce(ss.ending, 0) AS ending_area
    FROM buildings b JOIN districts d ON d.code = b.district_code
    LEFT JOIN space_sums ss ON ss.building_id = b.id
    LEFT JOIN tax_sums ts ON ts.building_id = b.id
    WHERE b.id IN (SELECT id FROM scoped_buildings)`.execute(db)
  return rows.map((r) => ({ ...r, leasableArea: Number(r.leasableArea), leasedArea: Number(r.leasedArea), annualTax: Number(r.annualTax), endingArea: Number(r.endingArea) }))
}

/**
 * Registered tenants' annual tax by building as it stood on `day`: the current leases of that day
 * each with its share (statsFacts.ts leaseTaxShare, on `day`), summed per building as today's
 * figure is (buildingsNow), but with each tenant's annual tax, registration and existence as logged
 * then (the old value of its first change after the day, else the present one). Buildings are
 * today's live ones.
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
      SELECT id, annual_tax, registered_in_district, deleted_at IS NULL AS live
      FROM tenants WHERE id NOT IN (SELECT row_id FROM changed)
      UNION ALL
      SELECT id,
        CASE WHEN tax_old IS NULL THEN annual_tax ELSE json_extract(tax_old, '$') END,
        CASE WHEN registered_old IS NULL THEN registered_in_district ELSE json_extract(registered_old, '$') END,
        CASE existence_op WHEN 'delete' THEN 1 WHEN 'restore' THEN 0 ELSE live END
      FROM tenants_logged)
    SELECT l.building_id, sum(${leaseTaxShare('l', 't', day)}) AS tax
    FROM leases l
    JOIN tenants_then t ON t.id = l.tenant_id AND t.live = 1
    WHERE l.building_id IN (SELECT id FROM scoped_buildings) AND ${coversDay('l', day)}
    GROUP BY l.building_id`.execute(db)
  return new Map(rows.map((r) => [r.buildingId, Number(r.tax)]))
}
