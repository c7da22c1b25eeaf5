import { type Kysely, sql } from 'kysely'
import type { StatsScope } from '../../shared/stats'
import type { Database } from './schema'
import { statsFactsCte } from './statsFacts'

// Sky-park statistics (shared/stats.ts ParkStatsRow): the parks, their hosts and sub-parks as
// entered, then the figures of the spaces on each host's floors, summed over space_facts and
// space_tenants (statsFacts.ts) so a park's figures mean what a building's mean. A host's floors
// are read by services/sheets/floors.ts (the rule the park's sheet uses) and arrive here as floor
// sort-key ranges; a space on two hosts of one park (overlapping ranges) counts once for the park.

export interface StatsParkBase {
  id: string
  name: string
  theme: string
  districtCode: string
  districtName: string
  status: string
  plannedInvestment: number | null
  totalArea: number | null
  landArea: number | null
}

export interface StatsParkHostBase {
  id: string
  parkId: string
  buildingId: string
  buildingName: string
  floors: string | null
}

export interface StatsSubParkBase {
  id: string
  parkId: string
  name: string
  theme: string | null
  area: number | null
  /** Its own progress, or its park's. */
  status: string
}

export interface ParksParams {
  scope?: StatsScope | undefined
  districtCode?: string | undefined
}

/** Live parks in the district, hosted (when the scope names buildings) in one of those buildings. */
export async function statsParks(db: Kysely<Database>, { scope, districtCode }: ParksParams): Promise<StatsParkBase[]> {
  const where = [sql`p.deleted_at IS NULL`]
  if (districtCode) where.push(sql`p.district_code = ${districtCode}`)
  if (scope?.buildingIds) {
    where.push(sql`p.id IN (SELECT h.park_id FROM park_hosts h WHERE h.deleted_at IS NULL
      AND h.building_id IN (SELECT value FROM json_each(${JSON.stringify(scope.buildingIds)})))`)
  }
  const { rows } = await sql<StatsParkBase>`
    SELECT p.id, p.name, p.theme, p.district_code, coalesce(d.name, p.district_code) AS district_name, p.status,
      p.planned_investment, p.total_area, p.land_area
    FROM parks p LEFT JOIN districts d ON d.code = p.district_code
    WHERE ${sql.join(where, sql` AND `)}`.execute(db)
  return rows
}

/** The live hosts (in live buildings) of these parks, in their order. */
export async function statsParkHosts(db: Kysely<Database>, parkIds: string[]): Promise<StatsParkHostBase[]> {
  const { rows } = await sql<StatsParkHostBase>`
    SELECT h.id, h.park_id, h.building_id, b.name AS building_name, h.floors
    FROM park_hosts h JOIN buildings b ON b.id = h.building_id AND b.deleted_at IS NULL
    WHERE h.deleted_at IS NULL AND h.park_id IN (SELECT value FROM json_each(${JSON.stringify(parkIds)}))
    ORDER BY h.park_id, h.sort_order, h.created_at`.execute(db)
  return rows
}

export async function statsSubParks(db: Kysely<Database>, parkIds: string[]): Promise<StatsSubParkBase[]> {
  const { rows } = await sql<StatsSubParkBase>`
    SELECT s.id, s.park_id, s.name, s.theme, s.area, coalesce(s.status, p.status) AS status
    FROM sub_parks s JOIN parks p ON p.id = s.park_id
    WHERE s.deleted_at IS NULL AND s.park_id IN (SELECT value FROM json_each(${JSON.stringify(parkIds)}))
    ORDER BY s.park_id, s.sort_order, s.created_at`.execute(db)
  return rows
}

/** One range of floor sort keys a host covers (the whole building: -∞..∞). */
export interface HostFloorRange {
  hostId: string
  parkId: string
  buildingId: string
  lo: number
  hi: number
}

export interface HostFigures {
  hostId: string
  area: number
  leasedArea: number
}

export interface ParkFigures {
  parkId: string
  hostArea: number
  occupiedArea: number
  vacantArea: number
  comingFree12m: number
  annualTax: number
  tenants: number
  aboveScaleTenants: number
}

export interface ParkFiguresParams {
  ranges: HostFloorRange[]
  today: string
  until: string
}

function hostSpacesCte({ ranges, today, until }: ParkFiguresParams) {
  const buildingIds = [...new Set(ranges.map((r) => r.buildingId))]
  return sql`${statsFactsCte({ scope: { buildingIds }, today, until })},
  host_ranges AS (
    SELECT json_extract(value, '$.hostId') AS host_id, json_extract(value, '$.parkId') AS park_id,
      json_extract(value, '$.buildingId') AS building_id, json_extract(value, '$.lo') AS lo, json_extract(value, '$.hi') AS hi
    FROM json_each(${JSON.stringify(ranges)})),
  host_spaces AS (
    SELECT DISTINCT r.host_id, r.park_id, sf.space_id
    FROM host_ranges r JOIN space_facts sf ON sf.building_id = r.building_id AND sf.floor_sort BETWEEN r.lo AND r.hi),
  park_spaces AS (SELECT DISTINCT park_id, space_id FROM host_spaces)`
}

export async function hostFigures(db: Kysely<Database>, params: ParkFiguresParams): Promise<HostFigures[]> {
  if (params.ranges.length === 0) return []
  const { rows } = await sql<HostFigures>`${hostSpacesCte(params)}
    SELECT hs.host_id, sum(sf.leasable) AS area, sum(sf.leased) AS leased_area
    FROM host_spaces hs JOIN space_facts sf ON sf.space_id = hs.space_id
    GROUP BY hs.host_id`.execute(db)
  return rows
}

export async function parkFigures(db: Kysely<Database>, params: ParkFiguresParams): Promise<ParkFigures[]> {
  if (params.ranges.length === 0) return []
  const { rows } = await sql<ParkFigures>`${hostSpacesCte(params)},
  park_tenants AS (
    SELECT DISTINCT ps.park_id, st.tenant_id FROM park_spaces ps JOIN space_tenants st ON st.space_id = ps.space_id),
  tenant_counts AS (
    SELECT pt.park_id, count(*) AS tenants, sum(t.above_scale = 1) AS above_scale_tenants
    FROM park_tenants pt JOIN tenants t ON t.id = pt.tenant_id GROUP BY pt.park_id),
  space_sums AS (
    SELECT ps.park_id, sum(sf.leasable) AS host_area, sum(sf.leased) AS occupied_area, sum(sf.vacant) AS vacant_area,
      sum(sf.coming_free) AS coming_free12m, sum(sf.tax) AS annual_tax
    FROM park_spaces ps JOIN space_facts sf ON sf.space_id = ps.space_id GROUP BY ps.park_id)
    SELECT s.park_id, s.host_area, s.occupied_area, s.vacant_area, s.coming_free12m, s.annual_tax,
      coalesce(c.tenants, 0) AS tenants, coalesce(c.above_scale_tenants, 0) AS above_scale_tenants
    FROM space_sums s LEFT JOIN tenant_counts c ON c.park_id = s.park_id`.execute(db)
  return rows
}
