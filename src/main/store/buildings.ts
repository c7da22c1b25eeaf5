import { type Kysely, sql } from 'kysely'
import type { Building, BuildingFigures, BuildingSummary } from '../../shared/types'
import type { MapBuilding } from '../../shared/mapSites'
import type { Database } from './schema'
import { searchIds } from './search'
import { sortByName } from './collate'

export interface BuildingFilter {
  q?: string
  districtCode?: string
  clusterId?: string
  kind?: string
  grade?: string
  includeDeleted?: boolean
  ids?: string[]
}

// Figures come from the live spaces and the leases current today. Leasable area is the area on
// the rental market (vacant + leased + reserved); sold and owner-occupied space is not.
const spaceFigures = (extra = sql``) => sql`space_figures AS (
    SELECT building_id,
      count(*) AS space_count,
      sum(CASE WHEN status IN ('vacant', 'leased', 'reserved') THEN area ELSE 0 END) AS leasable_area,
      sum(CASE WHEN status = 'vacant' THEN area ELSE 0 END) AS vacant_area,
      sum(CASE WHEN status = 'leased' THEN area ELSE 0 END) AS leased_area,
      min(CASE WHEN status = 'vacant' THEN asking_rent END) AS rent_min,
      max(CASE WHEN status = 'vacant' THEN asking_rent END) AS rent_max${extra}
    FROM spaces WHERE deleted_at IS NULL GROUP BY building_id)`
/** The leases current today of live tenants: the companies a building counts. */
const currentLeases = sql`leases l JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
    WHERE l.deleted_at IS NULL AND (l.end_date IS NULL OR l.end_date >= date('now', 'localtime'))`
const vacancyRate = sql`CASE WHEN sf.leasable_area > 0 THEN sf.vacant_area / sf.leasable_area END`

const figuresSql = sql`
  WITH ${spaceFigures()},
  current_tenants AS (
    SELECT DISTINCT l.building_id, t.id AS tenant_id, t.above_scale, coalesce(t.annual_tax, 0) AS annual_tax
    FROM ${currentLeases}),
  tenant_figures AS (
    SELECT building_id, count(*) AS tenant_count, sum(above_scale) AS above_scale_tenant_count,
      sum(annual_tax) AS annual_tax
    FROM current_tenants GROUP BY building_id)
  SELECT b.*, d.name AS district_name, c.name AS cluster_name,
    coalesce(sf.space_count, 0) AS space_count,
    coalesce(sf.leasable_area, 0) AS leasable_area,
    coalesce(sf.vacant_area, 0) AS vacant_area,
    coalesce(sf.leased_area, 0) AS leased_area,
    ${vacancyRate} AS vacancy_rate,
    CASE WHEN sf.leasable_area > 0 THEN sf.leased_area / sf.leasable_area END AS occupancy_rate,
    sf.rent_min, sf.rent_max,
    coalesce(tf.tenant_count, 0) AS tenant_count,
    coalesce(tf.above_scale_tenant_count, 0) AS above_scale_tenant_count,
    coalesce(tf.annual_tax, 0) AS annual_tax
  FROM buildings b
  JOIN districts d ON d.code = b.district_code
  LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL
  LEFT JOIN space_figures sf ON sf.building_id = b.id
  LEFT JOIN tenant_figures tf ON tf.building_id = b.id`

/**
 * A live building with the figures the map shows (store/mapSites.ts), in no particular order: the
 * map's building as SQL returns it, before the block, parks and photo are joined in. Its cluster
 * is null when the cluster is deleted, as for the lists.
 */
export type MapBuildingRow = Omit<MapBuilding, 'largestVacantBlock' | 'vacantFitOuts' | 'parkIds' | 'photoId' | 'isDemo'> & {
  /** JSON array of the fit-outs among the vacant spaces; null for a building without live spaces. */
  vacantFitOuts: string | null
  isDemo: number
}

/**
 * The map's figures of every live building, from the same definitions as listBuildings but only
 * the columns the map needs: no tax figures, no ordering (the map sorts its own lists), and the
 * vacant spaces' fit-outs gathered in the same pass over the spaces.
 */
export async function mapBuildingRows(db: Kysely<Database>): Promise<MapBuildingRow[]> {
  const fitOuts = sql`,
      json_group_array(DISTINCT fit_out) FILTER (WHERE status = 'vacant' AND fit_out IS NOT NULL) AS vacant_fit_outs`
  const { rows } = await sql<MapBuildingRow>`
    WITH ${spaceFigures(fitOuts)},
    tenant_figures AS (
      SELECT l.building_id, count(DISTINCT t.id) AS tenant_count
      FROM ${currentLeases} GROUP BY l.building_id)
    SELECT b.id, b.name, b.address, b.district_code, c.id AS cluster_id, b.kind, b.grade, b.lng, b.lat,
      coalesce(sf.leasable_area, 0) AS leasable_area,
      coalesce(sf.vacant_area, 0) AS vacant_area,
      ${vacancyRate} AS vacancy_rate,
      sf.rent_min, sf.rent_max,
      coalesce(tf.tenant_count, 0) AS tenant_count,
      sf.vacant_fit_outs, b.is_demo
    FROM buildings b
    JOIN districts d ON d.code = b.district_code
    LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL
    LEFT JOIN space_figures sf ON sf.building_id = b.id
    LEFT JOIN tenant_figures tf ON tf.building_id = b.id
    WHERE b.deleted_at IS NULL`.execute(db)
  return rows
}

type SummaryRow = Omit<BuildingSummary, 'isDemo'> & { isDemo: number }

export async function listBuildings(db: Kysely<Database>, filter: BuildingFilter = {}): Promise<BuildingSummary[]> {
  const where = [filter.includeDeleted ? sql`1 = 1` : sql`b.deleted_at IS NULL`]
  if (filter.districtCode) where.push(sql`b.district_code = ${filter.districtCode}`)
  if (filter.clusterId) where.push(sql`b.cluster_id = ${filter.clusterId}`)
  if (filter.kind) where.push(sql`b.kind = ${filter.kind}`)
  if (filter.grade) where.push(sql`b.grade = ${filter.grade}`)
  if (filter.q) where.push(sql`b.id IN ${searchIds('building', filter.q)}`)
  if (filter.ids) {
    if (filter.ids.length === 0) return []
    where.push(sql`b.id IN (${sql.join(filter.ids)})`)
  }
  const { rows } = await sql<SummaryRow>`${figuresSql} WHERE ${sql.join(where, sql` AND `)} ORDER BY b.name`.execute(db)
  return sortByName(rows.map(toSummary))
}

export async function getBuilding(db: Kysely<Database>, id: string): Promise<BuildingSummary | undefined> {
  const [row] = await listBuildings(db, { ids: [id], includeDeleted: true })
  return row
}

function toSummary(row: SummaryRow): BuildingSummary {
  return { ...row, isDemo: row.isDemo === 1 }
}

/** The plain building fields (no figures), e.g. for an update's answer. */
export function withoutFigures(summary: BuildingSummary): Building {
  const {
    spaceCount: _a, leasableArea: _b, vacantArea: _c, leasedArea: _d, vacancyRate: _e, occupancyRate: _f,
    tenantCount: _g, aboveScaleTenantCount: _h, annualTax: _i, rentMin: _j, rentMax: _k, ...building
  } = summary satisfies Building & BuildingFigures
  return building
}

/** Sky parks hosted in a building, with the floors they occupy. */
export async function parksInBuilding(db: Kysely<Database>, buildingId: string): Promise<Array<{ id: string; name: string; floors: string | null }>> {
  return db
    .selectFrom('parkHosts as h')
    .innerJoin('parks as p', 'p.id', 'h.parkId')
    .select(['p.id', 'p.name', 'h.floors'])
    .where('h.buildingId', '=', buildingId)
    .where('h.deletedAt', 'is', null)
    .where('p.deletedAt', 'is', null)
    .orderBy('p.name')
    .execute()
}
