import { type Kysely, sql } from 'kysely'
import type { Database } from './schema'
import { type FactsParams, statsFactsCte } from './statsFacts'

// The buildings of the 亩均税收 ranking and the counts of the tax tags. A building's registered tax
// is Σ lease_tax of its current leases: the tax on its spaces plus any on leases with no live space
// (statsFacts.ts), the same total its spaces would show if every lease named its spaces.

export interface BuildingTaxFacts {
  id: string
  name: string
  districtName: string
  clusterName: string | null
  landArea: number | null
  annualTax: number
  leasableArea: number
  vacantArea: number
  comingFree12m: number
}

const buildingTaxCtes = (params: FactsParams) => sql`${statsFactsCte(params)},
  building_tax AS (
    SELECT building_id, sum(tax) AS tax FROM lease_tax
    WHERE building_id IN (SELECT id FROM scoped_buildings) GROUP BY building_id)`

/** Buildings in scope with a land area (> 0 m²), with their figures. */
export async function buildingsWithLand(db: Kysely<Database>, params: FactsParams): Promise<BuildingTaxFacts[]> {
  const { rows } = await sql<BuildingTaxFacts>`${buildingTaxCtes(params)},
  space_sums AS (
    SELECT building_id, sum(leasable) AS leasable, sum(vacant) AS vacant, sum(coming_free) AS coming_free
    FROM space_facts GROUP BY building_id)
    SELECT b.id, b.name, coalesce(d.name, b.district_code) AS district_name, c.name AS cluster_name, b.land_area,
      coalesce(t.tax, 0) AS annual_tax, coalesce(s.leasable, 0) AS leasable_area, coalesce(s.vacant, 0) AS vacant_area,
      coalesce(s.coming_free, 0) AS coming_free12m
    FROM buildings b
    LEFT JOIN districts d ON d.code = b.district_code
    LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL
    LEFT JOIN building_tax t ON t.building_id = b.id
    LEFT JOIN space_sums s ON s.building_id = b.id
    WHERE b.id IN (SELECT id FROM scoped_buildings) AND b.land_area > 0`.execute(db)
  return rows
}

/** How many buildings in scope reach each threshold of registered annual tax, highest tag only. */
export async function taxTagCounts(db: Kysely<Database>, params: FactsParams, thresholds: { yiyuan: number; qianwan: number }): Promise<{ yiyuan: number; qianwan: number }> {
  const { rows } = await sql<{ yiyuan: number; qianwan: number }>`${buildingTaxCtes(params)}
    SELECT coalesce(sum(tax >= ${thresholds.yiyuan}), 0) AS yiyuan,
      coalesce(sum(tax >= ${thresholds.qianwan} AND tax < ${thresholds.yiyuan}), 0) AS qianwan
    FROM building_tax`.execute(db)
  return rows[0]!
}
