// stats.summary as it was computed before issue 8 (per-building figures, summed twice), kept as
// the oracle the one-aggregate computation in src/main/store/stats.ts is compared with.
import { type Kysely, sql } from 'kysely'
import type { DistrictFigures, InventoryStats } from '../../src/shared/types'
import type { Database } from '../../src/main/store/schema'

// Inventory figures over live rows, with the same definitions as a building's figures (see
// buildings.ts): leasable = vacant + leased + reserved space. Spaces count only inside live
// buildings, so deleting a building takes its floors out of the totals. `tenants` counts every
// live tenant record, current lease or not: the register of companies the bureau looks after,
// which is what a "入驻企业" total in a report means; per-building tenant counts (current leases
// only) live in the building figures.

const spaceFigures = sql`
  SELECT s.building_id,
    count(*) AS space_count,
    sum(CASE WHEN s.status IN ('vacant', 'leased', 'reserved') THEN s.area ELSE 0 END) AS leasable_area,
    sum(CASE WHEN s.status = 'vacant' THEN s.area ELSE 0 END) AS vacant_area,
    sum(CASE WHEN s.status = 'leased' THEN s.area ELSE 0 END) AS leased_area
  FROM spaces s JOIN buildings b ON b.id = s.building_id AND b.deleted_at IS NULL
  WHERE s.deleted_at IS NULL
  GROUP BY s.building_id`

type Totals = Omit<InventoryStats, 'byDistrict' | 'vacancyRate' | 'occupancyRate'>

export async function legacyInventoryStats(db: Kysely<Database>): Promise<InventoryStats> {
  const { rows: totalRows } = await sql<Totals>`
    WITH sf AS (${spaceFigures})
    SELECT
      (SELECT count(*) FROM buildings WHERE deleted_at IS NULL) AS buildings,
      (SELECT coalesce(sum(space_count), 0) FROM sf) AS spaces,
      (SELECT count(*) FROM tenants WHERE deleted_at IS NULL) AS tenants,
      (SELECT count(*) FROM tenants WHERE deleted_at IS NULL AND above_scale = 1) AS above_scale_tenants,
      (SELECT count(*) FROM parcels WHERE deleted_at IS NULL) AS parcels,
      (SELECT coalesce(sum(area), 0) FROM parcels WHERE deleted_at IS NULL) AS parcel_area,
      (SELECT count(*) FROM parks WHERE deleted_at IS NULL) AS parks,
      (SELECT count(*) FROM clusters WHERE deleted_at IS NULL) AS clusters,
      (SELECT coalesce(sum(leasable_area), 0) FROM sf) AS leasable_area,
      (SELECT coalesce(sum(vacant_area), 0) FROM sf) AS vacant_area,
      (SELECT coalesce(sum(leased_area), 0) FROM sf) AS leased_area`.execute(db)
  const totals = totalRows[0]!

  const { rows: byDistrict } = await sql<DistrictFigures>`
    WITH sf AS (${spaceFigures})
    SELECT d.code, d.name,
      count(*) AS buildings,
      coalesce(sum(sf.leasable_area), 0) AS leasable_area,
      coalesce(sum(sf.vacant_area), 0) AS vacant_area,
      CASE WHEN sum(sf.leasable_area) > 0 THEN sum(sf.vacant_area) / sum(sf.leasable_area) END AS vacancy_rate
    FROM buildings b
    JOIN districts d ON d.code = b.district_code
    LEFT JOIN sf ON sf.building_id = b.id
    WHERE b.deleted_at IS NULL
    GROUP BY d.code, d.name
    ORDER BY d.code`.execute(db)

  const rate = (part: number) => (totals.leasableArea > 0 ? part / totals.leasableArea : null)
  return {
    ...totals,
    vacancyRate: rate(totals.vacantArea),
    occupancyRate: rate(totals.leasedArea),
    byDistrict,
  }
}
