import { type Kysely, type RawBuilder, sql } from 'kysely'
import { SQUARE_METRES_PER_MU } from '../../shared/domain'
import type { StatsScope } from '../../shared/stats'
import type { Database } from './schema'

// Land statistics (shared/stats.ts StatsLand) over the live parcels in scope. A parcel with no area
// counts in the parcels (宗) only; 亩 = m² / SQUARE_METRES_PER_MU; reference value (元) =
// 参考价 (stored in 元/亩 like every sum of money; the form takes 万元/亩) × 亩 over parcels with both. "Available" = not yet transferred.

export interface LandParams {
  scope?: StatsScope | undefined
  districtCode?: string | undefined
}

export interface LandGroupRow {
  landUse: string
  status: string
  parcels: number
  areaM2: number
  areaMu: number
}

export interface LandDistrictFacts {
  key: string
  name: string
  parcels: number
  areaM2: number
  areaMu: number
  availableParcels: number
  availableAreaMu: number
}

export interface LandIndustryFacts {
  industry: string | null
  parcels: number
  areaMu: number
  referenceValue: number
}

export interface LandSummary {
  parcels: number
  areaM2: number
  areaMu: number
  parcelsWithoutArea: number
  availableReferenceValue: number
}

/** `WITH scoped_parcels AS (…)`: live parcels, narrowed by the map's ids and a district. */
function scopedParcels({ scope, districtCode }: LandParams): RawBuilder<unknown> {
  const where = [sql`deleted_at IS NULL`]
  if (scope?.parcelIds) where.push(sql`id IN (SELECT value FROM json_each(${JSON.stringify(scope.parcelIds)}))`)
  if (districtCode) where.push(sql`district_code = ${districtCode}`)
  return sql`WITH scoped_parcels AS (
    SELECT id, district_code, land_use, status, area, reference_price, target_industry,
      area / ${SQUARE_METRES_PER_MU} AS mu, status <> 'transferred' AS available
    FROM parcels WHERE ${sql.join(where, sql` AND `)})`
}

const areaSums = sql`count(*) AS parcels, coalesce(sum(area), 0) AS area_m2, coalesce(sum(mu), 0) AS area_mu`

export async function landByUseAndStatus(db: Kysely<Database>, params: LandParams): Promise<LandGroupRow[]> {
  const { rows } = await sql<LandGroupRow>`${scopedParcels(params)}
    SELECT land_use, status, ${areaSums} FROM scoped_parcels GROUP BY land_use, status`.execute(db)
  return rows
}

export async function landByDistrict(db: Kysely<Database>, params: LandParams): Promise<LandDistrictFacts[]> {
  const { rows } = await sql<LandDistrictFacts>`${scopedParcels(params)}
    SELECT p.district_code AS key, coalesce(d.name, p.district_code) AS name, ${areaSums},
      coalesce(sum(p.available), 0) AS available_parcels,
      coalesce(sum(CASE WHEN p.available THEN p.mu END), 0) AS available_area_mu
    FROM scoped_parcels p LEFT JOIN districts d ON d.code = p.district_code
    GROUP BY p.district_code ORDER BY p.district_code`.execute(db)
  return rows
}

/** Available land by target industry as written (trimmed; empty = none given). */
export async function availableLandByIndustry(db: Kysely<Database>, params: LandParams): Promise<LandIndustryFacts[]> {
  const { rows } = await sql<LandIndustryFacts>`${scopedParcels(params)}
    SELECT nullif(trim(target_industry), '') AS industry, count(*) AS parcels, coalesce(sum(mu), 0) AS area_mu,
      coalesce(sum(reference_price * mu), 0) AS reference_value
    FROM scoped_parcels WHERE available
    GROUP BY nullif(trim(target_industry), '')
    ORDER BY area_mu DESC, parcels DESC`.execute(db)
  return rows
}

export async function landSummary(db: Kysely<Database>, params: LandParams): Promise<LandSummary> {
  const { rows } = await sql<LandSummary>`${scopedParcels(params)}
    SELECT ${areaSums}, coalesce(sum(area IS NULL), 0) AS parcels_without_area,
      coalesce(sum(CASE WHEN available THEN reference_price * mu END), 0) AS available_reference_value
    FROM scoped_parcels`.execute(db)
  return rows[0]!
}
