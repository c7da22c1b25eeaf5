import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { RollupLevel, RollupWithin, StatsScope } from '../../shared/stats'
import { readRowsTogether } from './handle'
import type { Database } from './schema'
import { statsFactsCte } from './statsFacts'
import { keptBuildingsSql, withKeptFacts } from './statsKept'

// The rollups of buildings (stats.rollup) and the rankings (stats.ranking): one aggregate each over
// the facts of statsFacts.ts, so every group, the total and a building's own page (buildings.ts)
// share one set of definitions (shared/stats.ts RollupFigures). The per-building facts are kept
// per store version (statsKept.ts): a report sums 10,000 kept rows; floor rows are summed from the
// space-level facts (a drill-down's one building).
//
// A group's figures are summed per building first, then per group: a building hosting two sky
// parks is in both parks' rows (each park row shows its host buildings whole) and once in the total.

export interface FactsDay {
  /** YYYY-MM-DD: the day figures are for. */
  today: string
  /** YYYY-MM-DD: the last day of the coming-free window. */
  until: string
}

/** A group's figures as summed in SQL (rates are divided out by the service). */
export interface RollupSqlRow {
  isTotal: number
  key: string | null
  /** The group's own name where it has one (district, cluster, park, building); null otherwise. */
  name: string | null
  /** Floors: the highest floor_sort of the label (floors are listed top first); buildings: the place by name. */
  sort: number | null
  buildings: number
  leasableArea: number
  vacantArea: number
  leasedArea: number
  tenants: number
  aboveScaleTenants: number
  registeredTenants: number
  annualTax: number
  comingFree12m: number
}

/** Narrows the scoped buildings (alias b) to one group of the level above. */
export function withinSql(within: RollupWithin | undefined): RawBuilder<unknown> | undefined {
  if (!within) return undefined
  const parkHosts = sql`SELECT h.building_id FROM park_hosts h JOIN parks p ON p.id = h.park_id AND p.deleted_at IS NULL WHERE h.deleted_at IS NULL`
  const parts: RawBuilder<unknown>[] = []
  if (within.districtCode !== undefined) parts.push(sql`b.district_code = ${within.districtCode}`)
  if (within.clusterId === null) parts.push(sql`(b.cluster_id IS NULL OR b.cluster_id NOT IN (SELECT id FROM clusters WHERE deleted_at IS NULL))`)
  else if (within.clusterId !== undefined) parts.push(sql`b.cluster_id = ${within.clusterId}`)
  if (within.parkId === null) parts.push(sql`b.id NOT IN (${parkHosts})`)
  else if (within.parkId !== undefined) parts.push(sql`b.id IN (${parkHosts} AND h.park_id = ${within.parkId})`)
  if (within.kind !== undefined) parts.push(sql`b.kind = ${within.kind}`)
  if (within.grade === null) parts.push(sql`b.grade IS NULL`)
  else if (within.grade !== undefined) parts.push(sql`b.grade = ${within.grade}`)
  if (within.buildingId !== undefined) parts.push(sql`b.id = ${within.buildingId}`)
  return parts.length > 0 ? sql.join(parts, sql` AND `) : undefined
}

type BuildingLevel = Exclude<RollupLevel, 'floor'>

/** Each scoped building (all of `scoped`'s columns) with its group's key and name at a level. */
function groupsSql(level: BuildingLevel): RawBuilder<unknown> {
  switch (level) {
    case 'district':
      return sql`SELECT b.*, b.district_code AS key, d.name AS group_name FROM scoped b JOIN districts d ON d.code = b.district_code`
    case 'cluster':
      return sql`SELECT b.*, c.id AS key, c.name AS group_name FROM scoped b LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL`
    case 'park':
      return sql`SELECT b.*, hp.id AS key, hp.name AS group_name
        FROM scoped b LEFT JOIN (
          SELECT DISTINCT h.building_id, p.id, p.name FROM park_hosts h JOIN parks p ON p.id = h.park_id AND p.deleted_at IS NULL
          WHERE h.deleted_at IS NULL) hp ON hp.building_id = b.id`
    case 'kind':
      return sql`SELECT b.*, b.kind AS key, NULL AS group_name FROM scoped b`
    case 'grade':
      return sql`SELECT b.*, b.grade AS key, NULL AS group_name FROM scoped b`
    case 'building':
      return sql`SELECT b.*, b.id AS key, b.name AS group_name FROM scoped b`
  }
}

/**
 * The rows of a level (none when `level` is null) and the total over the whole scope, in one
 * statement over the kept per-building facts (statsKept.ts): every building is in its group's rows
 * (a building hosting two parks in both) and once in the total row (is_total = 1).
 */
function groupRollupSql(level: BuildingLevel | null, scope: StatsScope | undefined, where: RawBuilder<unknown> | undefined): RawBuilder<RollupSqlRow> {
  const figures = sql`count(*) AS buildings, sum(b.leasable) AS leasable_area, sum(b.vacant) AS vacant_area,
      sum(b.leased) AS leased_area, sum(b.tax) AS annual_tax, sum(b.coming_free) AS coming_free12m,
      sum(b.own_tenants) AS own_tenants, sum(b.own_above_scale) AS own_above_scale, sum(b.own_registered) AS own_registered`
  const shared = sql`count(*) AS tenants, sum(above_scale) AS above_scale, sum(registered) AS registered`
  // A group's tenants: its buildings' own (tenants in that one building) plus its distinct shared ones.
  const row = (isTotal: 0 | 1) => sql`${sql.raw(String(isTotal))} AS is_total, f.key, f.name, f.sort, f.buildings,
    coalesce(f.leasable_area, 0) AS leasable_area, coalesce(f.vacant_area, 0) AS vacant_area,
    coalesce(f.leased_area, 0) AS leased_area, coalesce(f.own_tenants, 0) + coalesce(s.tenants, 0) AS tenants,
    coalesce(f.own_above_scale, 0) + coalesce(s.above_scale, 0) AS above_scale_tenants,
    coalesce(f.own_registered, 0) + coalesce(s.registered, 0) AS registered_tenants,
    coalesce(f.annual_tax, 0) AS annual_tax, coalesce(f.coming_free12m, 0) AS coming_free12m`
  const groups = level
    ? sql`,
  group_of AS (${groupsSql(level)}),
  group_figures AS (
    SELECT b.key, max(b.group_name) AS name, ${level === 'building' ? sql`max(b.name_rank)` : sql`NULL`} AS sort, ${figures}
    FROM group_of b GROUP BY b.key),
  group_shared AS (
    SELECT key, ${shared} FROM (
      SELECT DISTINCT g.key, p.tenant_no, p.above_scale, p.registered
      FROM temp.stats_shared_tenants p JOIN group_of g ON g.id = p.building_id)
    GROUP BY key)`
    : sql``
  const groupRows = level
    ? sql`SELECT ${row(0)} FROM group_figures f LEFT JOIN group_shared s ON s.key IS f.key
  UNION ALL `
    : sql``
  return sql<RollupSqlRow>`WITH
  scoped AS (${keptBuildingsSql(scope, where)})${groups},
  total_figures AS (SELECT NULL AS key, NULL AS name, NULL AS sort, ${figures} FROM scoped b),
  total_shared AS (
    SELECT ${shared} FROM (
      SELECT DISTINCT p.tenant_no, p.above_scale, p.registered
      FROM temp.stats_shared_tenants p JOIN scoped b ON b.id = p.building_id))
  ${groupRows}SELECT ${row(1)} FROM total_figures f, total_shared s`
}

/**
 * Floors (by label; within one building in a drill-down). A current lease with no live space left
 * keeps its tax and tenant in a row whose key is null, so the rows still add up to the building.
 * `buildings` of a floor row counts the buildings having that floor (not additive across floors).
 */
function floorRollupSql(facts: RawBuilder<unknown>): RawBuilder<RollupSqlRow> {
  return sql<RollupSqlRow>`${facts},
  unplaced AS (SELECT lt.* FROM lease_tax lt JOIN lease_space_area lsa ON lsa.lease_id = lt.lease_id WHERE lsa.area IS NULL),
  floor_figures AS (
    SELECT floor_label AS key, max(floor_sort) AS sort, count(DISTINCT building_id) AS buildings,
      sum(leasable) AS leasable_area, sum(vacant) AS vacant_area, sum(leased) AS leased_area,
      sum(tax) AS annual_tax, sum(coming_free) AS coming_free12m
    FROM space_facts GROUP BY floor_label
    UNION ALL
    SELECT NULL, NULL, count(DISTINCT building_id), 0, 0, 0, sum(tax), 0 FROM unplaced HAVING count(*) > 0),
  floor_tenants AS (
    SELECT x.key, count(*) AS tenants, sum(t.above_scale) AS above_scale_tenants, sum(t.registered_in_district) AS registered_tenants
    FROM (
      SELECT sf.floor_label AS key, st.tenant_id FROM space_tenants st JOIN space_facts sf ON sf.space_id = st.space_id
      UNION SELECT NULL, tenant_id FROM unplaced) x
    JOIN tenants t ON t.id = x.tenant_id
    GROUP BY x.key)
  SELECT 0 AS is_total, f.key, f.key AS name, f.sort, f.buildings, f.leasable_area, f.vacant_area, f.leased_area,
    coalesce(ft.tenants, 0) AS tenants, coalesce(ft.above_scale_tenants, 0) AS above_scale_tenants,
    coalesce(ft.registered_tenants, 0) AS registered_tenants, f.annual_tax, f.coming_free12m
  FROM floor_figures f
  LEFT JOIN floor_tenants ft ON ft.key IS f.key`
}

export interface RollupQuery extends FactsDay {
  level: RollupLevel
  within?: RollupWithin | undefined
  scope?: StatsScope | undefined
}

/** The groups' rows (unsorted) and the total, read in one snapshot. */
export async function rollupFigures(db: Kysely<Database>, q: RollupQuery): Promise<{ rows: RollupSqlRow[]; total: RollupSqlRow }> {
  const where = withinSql(q.within)
  return withKeptFacts(db, q, async (conn) => {
    if (q.level === 'floor') {
      // Floors stay on the space-level facts: one building's (a drill-down) is quick.
      const facts = statsFactsCte({ scope: q.scope, where, today: q.today, until: q.until })
      const [rows, totals] = await readRowsTogether(conn, [floorRollupSql(facts), groupRollupSql(null, q.scope, where)] as const)
      return { rows, total: totals[0]! }
    }
    const [all] = await readRowsTogether(conn, [groupRollupSql(q.level, q.scope, where)] as const)
    return { rows: all.filter((r) => r.isTotal === 0), total: all.find((r) => r.isTotal === 1)! }
  })
}

// ─── Rankings ────────────────────────────────────────────────────────────────────────────────────

export type BuildingRanking = 'tax' | 'vacancy' | 'vacantArea' | 'comingFree'

export interface RankedBuildingRow {
  id: string
  name: string
  districtName: string
  clusterName: string | null
  landArea: number | null
  leasableArea: number
  vacantArea: number
  vacancyRate: number | null
  annualTax: number
  comingFree12m: number
  value: number
}

/** What a ranking orders by, and which buildings it lists (a zero is no rank: nothing to show). */
const RANKED: Record<BuildingRanking, { value: RawBuilder<unknown>; where: RawBuilder<unknown> }> = {
  tax: { value: sql`annual_tax`, where: sql`annual_tax > 0` },
  // Only buildings with leasable area have a vacancy rate.
  vacancy: { value: sql`vacancy_rate`, where: sql`leasable_area > 0` },
  vacantArea: { value: sql`vacant_area`, where: sql`vacant_area > 0` },
  comingFree: { value: sql`coming_free12m`, where: sql`coming_free12m > 0` },
}

export interface RankingQuery extends FactsDay {
  by: BuildingRanking
  limit: number
  scope?: StatsScope | undefined
  /** Tax thresholds (元) whose buildings are counted over the whole scope, highest first. */
  tagMins: readonly number[]
}

/** The top `limit` buildings of the scope by a figure, and per tax threshold the buildings reaching it. */
export async function rankedBuildings(db: Kysely<Database>, q: RankingQuery): Promise<{ rows: RankedBuildingRow[]; tagCounts: number[] }> {
  const { value, where } = RANKED[q.by]
  const scoped = sql`scoped AS (${keptBuildingsSql(q.scope)})`
  const ranked = sql<RankedBuildingRow>`WITH ${scoped},
  figures AS (
    SELECT b.id, b.name, d.name AS district_name, c.name AS cluster_name, b.land_area,
      b.leasable AS leasable_area, b.vacant AS vacant_area,
      CASE WHEN b.leasable > 0 THEN b.vacant / b.leasable END AS vacancy_rate,
      b.tax AS annual_tax, b.coming_free AS coming_free12m
    FROM scoped b
    JOIN districts d ON d.code = b.district_code
    LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL)
  SELECT *, ${value} AS value FROM figures WHERE ${where}
  ORDER BY value DESC, annual_tax DESC, name, id LIMIT ${q.limit}`
  const counts = sql<{ n: number }>`WITH ${scoped},
  mins(i, min) AS (SELECT key, value FROM json_each(${JSON.stringify(q.tagMins)}))
  SELECT (SELECT count(*) FROM scoped b WHERE b.tax > 0 AND b.tax >= mins.min) AS n
  FROM mins ORDER BY mins.i`
  const [rows, tagRows] = await withKeptFacts(db, q, (conn) => readRowsTogether(conn, [ranked, counts] as const))
  return { rows, tagCounts: tagRows.map((r) => r.n) }
}
