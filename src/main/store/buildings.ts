import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Building, BuildingDetail, BuildingSummary } from '../../shared/types'
import type { Database } from './schema'
import { checkOf, oldestCheck } from '../../shared/freshness'
import { leasableList } from './figures'
import { readRows, readRowsTogether, readTemplate } from './handle'
import { leasesQuery, toLease } from './leases'
import { spacesQuery, toSpace } from './spaces'
import { searchIds } from './search'
import { sortByName } from './collate'
import { coversDay, leaseTaxShare } from './statsFacts'

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
// the rental market (figures.ts); sold and owner-occupied space is not. The figures are computed
// for the chosen buildings only (`scope`, their ids as a subquery or a list): one building's page
// sums one building's spaces, not the whole district's.
const TODAY = sql`date('now', 'localtime')`

const figuresSql = (scope: RawBuilder<unknown>) => sql`
  WITH space_figures AS (
    SELECT building_id,
      count(*) AS space_count,
      sum(CASE WHEN status IN ${leasableList} THEN area ELSE 0 END) AS leasable_area,
      sum(CASE WHEN status = 'vacant' THEN area ELSE 0 END) AS vacant_area,
      sum(CASE WHEN status = 'leased' THEN area ELSE 0 END) AS leased_area,
      min(CASE WHEN status = 'vacant' THEN asking_rent END) AS rent_min,
      max(CASE WHEN status = 'vacant' THEN asking_rent END) AS rent_max,
      min(verified_at) AS spaces_verified_min,
      min(CASE WHEN verified_at IS NULL THEN created_at END) AS spaces_entered_min
    FROM spaces WHERE deleted_at IS NULL AND building_id IN (${scope}) GROUP BY building_id),
  current_tenants AS (
    -- The rollups' definitions (statsFacts.ts): a lease is current from its start to its end day
    -- inclusive, and carries its part of a registered tenant's annual tax (shared among the
    -- tenant's current leases by area), so a building's page equals its row in the statistics.
    SELECT l.building_id, t.id AS tenant_id, t.above_scale, ${leaseTaxShare('l', 't', TODAY)} AS annual_tax
    FROM leases l JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
    WHERE l.building_id IN (${scope}) AND ${coversDay('l', TODAY)}),
  tenant_figures AS (
    SELECT building_id, count(DISTINCT tenant_id) AS tenant_count,
      count(DISTINCT CASE WHEN above_scale = 1 THEN tenant_id END) AS above_scale_tenant_count,
      sum(annual_tax) AS annual_tax
    FROM current_tenants GROUP BY building_id)
  SELECT b.*, d.name AS district_name, c.name AS cluster_name,
    coalesce(sf.space_count, 0) AS space_count,
    coalesce(sf.leasable_area, 0) AS leasable_area,
    coalesce(sf.vacant_area, 0) AS vacant_area,
    coalesce(sf.leased_area, 0) AS leased_area,
    CASE WHEN sf.leasable_area > 0 THEN sf.vacant_area / sf.leasable_area END AS vacancy_rate,
    CASE WHEN sf.leasable_area > 0 THEN sf.leased_area / sf.leasable_area END AS occupancy_rate,
    sf.rent_min, sf.rent_max, sf.spaces_verified_min, sf.spaces_entered_min,
    coalesce(tf.tenant_count, 0) AS tenant_count,
    coalesce(tf.above_scale_tenant_count, 0) AS above_scale_tenant_count,
    coalesce(tf.annual_tax, 0) AS annual_tax
  FROM buildings b
  JOIN districts d ON d.code = b.district_code
  LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL
  LEFT JOIN space_figures sf ON sf.building_id = b.id
  LEFT JOIN tenant_figures tf ON tf.building_id = b.id
  WHERE b.id IN (${scope})`

type SummaryRow = Omit<BuildingSummary, 'isDemo' | 'check'> & {
  isDemo: number
  spacesVerifiedMin: string | null
  spacesEnteredMin: string | null
}

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
  const scope = sql`SELECT b.id FROM buildings b WHERE ${sql.join(where, sql` AND `)}`
  const rows = await readRows(db, sql<SummaryRow>`${figuresSql(scope)} ORDER BY b.name`)
  return sortByName(rows.map(toSummary))
}

/** One building (live or deleted) with the figures of that building alone. */
export async function getBuilding(db: Kysely<Database>, id: string): Promise<BuildingSummary | undefined> {
  const [row] = await readRows(db, buildingQuery(id))
  return row && toSummary(row)
}

const buildingQuery = readTemplate((id: string) => sql<SummaryRow>`${figuresSql(sql`${id}`)}`)
const spacesOf = readTemplate((buildingId: string) => spacesQuery({ buildingId }))
const leasesOf = readTemplate((buildingId: string) => leasesQuery({ buildingId }))

/**
 * One building's page: the building with its own figures, its spaces, its leases and the parks it
 * hosts, read together on one hold of the connection (issue 8: one-row reads do one row's work).
 * The same answers as getBuilding, listSpaces, listLeases and parksInBuilding for that building.
 */
export async function getBuildingDetail(db: Kysely<Database>, id: string): Promise<BuildingDetail | undefined> {
  const [[building], spaces, leases, parks] = await readRowsTogether(db, [
    buildingQuery(id),
    spacesOf(id),
    leasesOf(id),
    parksQuery(id),
  ] as const)
  if (!building) return undefined
  return { building: toSummary(building), spaces: spaces.map(toSpace), leases: leases.map(toLease), parks }
}

/** One building's own fields (live or deleted) without figures, e.g. for an update's answer. */
export async function getBuildingFields(db: Kysely<Database>, id: string): Promise<Building | undefined> {
  const [row] = await readRows(db, sql<Omit<Building, 'isDemo'> & { isDemo: number }>`
    SELECT b.*, d.name AS district_name, c.name AS cluster_name
    FROM buildings b
    JOIN districts d ON d.code = b.district_code
    LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL
    WHERE b.id = ${id}`)
  return row && { ...row, isDemo: row.isDemo === 1 }
}

function toSummary({ spacesVerifiedMin, spacesEnteredMin, ...row }: SummaryRow): BuildingSummary {
  const check = oldestCheck(
    checkOf(row.verifiedAt, row.createdAt),
    spacesVerifiedMin && `${spacesVerifiedMin}V`,
    spacesEnteredMin && checkOf(null, spacesEnteredMin),
  )!
  return { ...row, isDemo: row.isDemo === 1, check }
}

/** Sky parks hosted in a building, with the floors they occupy. */
export async function parksInBuilding(db: Kysely<Database>, buildingId: string): Promise<Array<{ id: string; name: string; floors: string | null }>> {
  return readRows(db, parksQuery(buildingId))
}

const parksQuery = readTemplate((buildingId: string) => sql<{ id: string; name: string; floors: string | null }>`
    SELECT p.id, p.name, h.floors
    FROM park_hosts h JOIN parks p ON p.id = h.park_id
    WHERE h.building_id = ${buildingId} AND h.deleted_at IS NULL AND p.deleted_at IS NULL
    ORDER BY p.name`)
