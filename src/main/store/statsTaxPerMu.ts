import { type Kysely, sql } from 'kysely'
import type { Database } from './schema'
import type { FactsParams } from './statsFacts'
import { keptBuildingsSql, withKeptFacts } from './statsKept'

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

const scopedCte = (params: FactsParams) => sql`WITH scoped AS (${keptBuildingsSql(params.scope, params.where)})`

/** Buildings in scope with a land area (> 0 m²), with their figures (the kept facts, statsKept.ts). */
export async function buildingsWithLand(db: Kysely<Database>, params: FactsParams): Promise<BuildingTaxFacts[]> {
  return withKeptFacts(db, params, async (conn) => {
    const { rows } = await sql<BuildingTaxFacts>`${scopedCte(params)}
    SELECT b.id, b.name, coalesce(d.name, b.district_code) AS district_name, c.name AS cluster_name, b.land_area,
      b.tax AS annual_tax, b.leasable AS leasable_area, b.vacant AS vacant_area, b.coming_free AS coming_free12m
    FROM scoped b
    LEFT JOIN districts d ON d.code = b.district_code
    LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL
    WHERE b.land_area > 0`.execute(conn)
    return rows
  })
}

/** How many buildings in scope reach each threshold of registered annual tax, highest tag only. */
export async function taxTagCounts(db: Kysely<Database>, params: FactsParams, thresholds: { yiyuan: number; qianwan: number }): Promise<{ yiyuan: number; qianwan: number }> {
  return withKeptFacts(db, params, async (conn) => {
    const { rows } = await sql<{ yiyuan: number; qianwan: number }>`${scopedCte(params)}
    SELECT coalesce(sum(tax >= ${thresholds.yiyuan}), 0) AS yiyuan,
      coalesce(sum(tax >= ${thresholds.qianwan}), 0) AS qianwan
    FROM scoped WHERE tax > 0`.execute(conn)
    return rows[0]!
  })
}
