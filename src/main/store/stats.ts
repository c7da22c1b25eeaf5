import { type Kysely, sql } from 'kysely'
import type { DistrictFigures, InventoryStats } from '../../shared/types'
import { leasableList } from './figures'
import type { Database } from './schema'
import { SqliteSum } from './sqliteSum'

// Inventory figures over live rows, with the same definitions as a building's figures (see
// buildings.ts): leasable = vacant + leased + reserved space. Spaces count only inside live
// buildings, so deleting a building takes its floors out of the totals. `tenants` counts every
// live tenant record, current lease or not: the register of companies the bureau looks after,
// which is what a "入驻企业" total in a report means; per-building tenant counts (current leases
// only) live in the building figures.

type DistrictRow = DistrictFigures & { spaces: number; leasedArea: number }
type Counts = Pick<InventoryStats, 'tenants' | 'aboveScaleTenants' | 'parcels' | 'parcelArea' | 'parks' | 'clusters'>

export async function inventoryStats(db: Kysely<Database>): Promise<InventoryStats> {
  // One aggregate over the live spaces of live buildings, by district (no figures per building),
  // beside the count of live buildings per district, which a building without spaces is in too.
  const { rows: districts } = await sql<DistrictRow>`
    WITH by_district AS (
      SELECT b.district_code AS code, count(*) AS spaces,
        sum(CASE WHEN s.status IN ${leasableList} THEN s.area ELSE 0 END) AS leasable_area,
        sum(CASE WHEN s.status = 'vacant' THEN s.area ELSE 0 END) AS vacant_area,
        sum(CASE WHEN s.status = 'leased' THEN s.area ELSE 0 END) AS leased_area
      FROM spaces s JOIN buildings b ON b.id = s.building_id AND b.deleted_at IS NULL
      WHERE s.deleted_at IS NULL
      GROUP BY b.district_code),
    buildings_by_district AS (
      SELECT district_code AS code, count(*) AS buildings FROM buildings WHERE deleted_at IS NULL GROUP BY district_code)
    SELECT d.code, d.name, n.buildings, coalesce(f.spaces, 0) AS spaces,
      coalesce(f.leasable_area, 0) AS leasable_area, coalesce(f.vacant_area, 0) AS vacant_area, coalesce(f.leased_area, 0) AS leased_area
    FROM buildings_by_district n
    JOIN districts d ON d.code = n.code
    LEFT JOIN by_district f ON f.code = n.code
    ORDER BY d.code`.execute(db)
  const { rows: countRows } = await sql<Counts>`
    SELECT t.tenants, t.above_scale_tenants, p.parcels, p.parcel_area,
      (SELECT count(*) FROM parks WHERE deleted_at IS NULL) AS parks,
      (SELECT count(*) FROM clusters WHERE deleted_at IS NULL) AS clusters
    FROM (SELECT count(*) AS tenants, coalesce(sum(above_scale = 1), 0) AS above_scale_tenants FROM tenants WHERE deleted_at IS NULL) t,
      (SELECT count(*) AS parcels, coalesce(sum(area), 0) AS parcel_area FROM parcels WHERE deleted_at IS NULL) p`.execute(db)

  const total = (pick: (d: DistrictRow) => number) => {
    const sum = new SqliteSum()
    for (const d of districts) sum.add(pick(d))
    return sum.value
  }
  const leasableArea = total((d) => d.leasableArea)
  const vacantArea = total((d) => d.vacantArea)
  const leasedArea = total((d) => d.leasedArea)
  const rate = (part: number) => (leasableArea > 0 ? part / leasableArea : null)
  return {
    buildings: total((d) => d.buildings),
    spaces: total((d) => d.spaces),
    ...countRows[0]!,
    leasableArea,
    vacantArea,
    leasedArea,
    vacancyRate: rate(vacantArea),
    occupancyRate: rate(leasedArea),
    byDistrict: districts.map((d) => ({
      code: d.code,
      name: d.name,
      buildings: d.buildings,
      leasableArea: d.leasableArea,
      vacantArea: d.vacantArea,
      vacancyRate: d.leasableArea > 0 ? d.vacantArea / d.leasableArea : null,
    })),
  }
}

/** Tables whose rows carry the demo flag. */
const DEMO_TABLES = ['districts', 'clusters', 'buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'subParks', 'parkHosts'] as const
/** Tables whose live rows make a store "not empty": the inventory a user would lose track of. */
const INVENTORY_TABLES = ['buildings', 'parcels', 'parks', 'clusters'] as const

async function anyLive(db: Kysely<Database>, table: (typeof DEMO_TABLES)[number], demoOnly: boolean): Promise<boolean> {
  let query = db.selectFrom(table).select(sql`1`.as('one')).where('deletedAt', 'is', null)
  if (demoOnly) query = query.where('isDemo', '=', 1)
  return (await query.limit(1).executeTakeFirst()) !== undefined
}

export async function storeContents(db: Kysely<Database>): Promise<{ empty: boolean; hasDemoData: boolean }> {
  const inventory = await Promise.all(INVENTORY_TABLES.map((t) => anyLive(db, t, false)))
  const demo = await Promise.all(DEMO_TABLES.map((t) => anyLive(db, t, true)))
  return { empty: !inventory.some(Boolean), hasDemoData: demo.some(Boolean) }
}
