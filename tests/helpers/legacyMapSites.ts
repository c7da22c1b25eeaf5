// The map's sites as they were computed before issue 8 (several set-based queries, the building
// figures and the largest vacant block each in their own pass over the spaces), kept here as the
// oracle the one-pass computation in src/main/store/mapSites.ts is compared with: the SQL states
// the definitions, the store's code must give the same answers.
import centroid from '@turf/centroid'
import { type Kysely, sql } from 'kysely'
import type { FitOut, LandUse, ParcelStatus, ParkStatus } from '../../src/shared/domain'
import type { MapBuilding, MapCluster, MapParcel, MapPark, MapSites } from '../../src/shared/mapSites'
import type { Boundary } from '../../src/shared/schemas/parcels'
import { coverPhotos } from '../../src/main/store/photos'
import type { Database } from '../../src/main/store/schema'
import { sortByName } from '../../src/main/store/collate'

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


const groupBy = <T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = map.get(k)
    if (list) list.push(row)
    else map.set(k, [row])
  }
  return map
}

/**
 * The largest vacant block of each building (最大连续空置面积): the vacant area of one floor, or a
 * run of adjacent floors each vacant from wall to wall. A floor only partly vacant breaks a run.
 * Adjacent means one storey apart, and B1 and 1 are adjacent (there is no floor 0): basement sort
 * keys are shifted up by one so that storeys count without a gap. Runs are found the usual
 * gaps-and-islands way: along a run, storey number minus row number stays constant.
 */
async function largestVacantBlocks(db: Kysely<Database>): Promise<Map<string, number>> {
  const { rows } = await sql<{ buildingId: string; block: number }>`
    WITH floors AS (
      SELECT building_id, floor_sort, sum(area) AS area, sum(CASE WHEN status = 'vacant' THEN area ELSE 0 END) AS vacant
      FROM spaces WHERE deleted_at IS NULL GROUP BY building_id, floor_sort),
    whole AS (
      SELECT building_id, vacant,
        (CASE WHEN floor_sort < 0 THEN floor_sort + 1 ELSE floor_sort END)
          - row_number() OVER (PARTITION BY building_id ORDER BY floor_sort) AS island
      FROM floors WHERE area > 0 AND vacant >= area - 1e-6),
    runs AS (SELECT building_id, sum(vacant) AS run FROM whole GROUP BY building_id, island)
    SELECT building_id, max(best) AS block FROM (
      SELECT building_id, max(vacant) AS best FROM floors GROUP BY building_id
      UNION ALL
      SELECT building_id, max(run) FROM runs GROUP BY building_id)
    GROUP BY building_id`.execute(db)
  return new Map(rows.map((r) => [r.buildingId, r.block]))
}

async function liveParkHosts(db: Kysely<Database>) {
  return db
    .selectFrom('parkHosts as h')
    .innerJoin('parks as p', 'p.id', 'h.parkId')
    .innerJoin('buildings as b', 'b.id', 'h.buildingId')
    .select(['h.parkId', 'h.buildingId', 'h.floors'])
    .where('h.deletedAt', 'is', null)
    .where('p.deletedAt', 'is', null)
    .where('b.deletedAt', 'is', null)
    .orderBy('h.parkId')
    .orderBy('h.sortOrder')
    .execute()
}

type Covers = Map<string, string>

// A row's check (src/shared/freshness.ts) in SQL alone: its verified day + 'V', else the local day
// it was entered + 'E'; a building's is the smallest of its own and its live spaces'.
const checkSql = (alias: string) =>
  sql.raw(`coalesce(${alias}.verified_at || 'V', date(${alias}.created_at, 'localtime') || 'E')`)

async function buildingChecks(db: Kysely<Database>): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; check: string }>`
    SELECT b.id, min(${checkSql('b')}, coalesce((SELECT min(${checkSql('s')}) FROM spaces s
      WHERE s.building_id = b.id AND s.deleted_at IS NULL), '~')) AS "check"
    FROM buildings b WHERE b.deleted_at IS NULL`.execute(db)
  return new Map(rows.map((r) => [r.id, r.check]))
}

async function mapBuildings(db: Kysely<Database>, hosts?: Awaited<ReturnType<typeof liveParkHosts>>, covers?: Covers): Promise<MapBuilding[]> {
  const [rows, blocks, parkHosts, photos, checks] = await Promise.all([
    mapBuildingRows(db),
    largestVacantBlocks(db),
    hosts ?? liveParkHosts(db),
    covers ?? coverPhotos(db),
    buildingChecks(db),
  ])
  const parksByBuilding = groupBy(parkHosts, (h) => h.buildingId)
  return rows.map((b) => ({
    id: b.id,
    name: b.name,
    address: b.address,
    districtCode: b.districtCode,
    clusterId: b.clusterId,
    kind: b.kind,
    grade: b.grade,
    lng: b.lng,
    lat: b.lat,
    leasableArea: b.leasableArea,
    vacantArea: b.vacantArea,
    vacancyRate: b.vacancyRate,
    largestVacantBlock: blocks.get(b.id) ?? 0,
    rentMin: b.rentMin,
    rentMax: b.rentMax,
    vacantFitOuts: b.vacantFitOuts === null ? [] : (JSON.parse(b.vacantFitOuts) as FitOut[]),
    tenantCount: b.tenantCount,
    parkIds: [...new Set((parksByBuilding.get(b.id) ?? []).map((h) => h.parkId))],
    photoId: photos.get(`building:${b.id}`) ?? null,
    check: checks.get(b.id)!,
    isDemo: b.isDemo === 1,
  }))
}

async function mapParcels(db: Kysely<Database>, covers?: Covers): Promise<MapParcel[]> {
  const photos = covers ?? (await coverPhotos(db))
  const rows = await db
    .selectFrom('parcels')
    .select(['id', 'code', 'name', 'districtCode', 'landUse', 'status', 'area', 'lng', 'lat', 'boundary', 'referencePrice', 'isDemo'])
    .select(sql<string>`coalesce(verified_at || 'V', date(created_at, 'localtime') || 'E')`.as('check'))
    .where('deletedAt', 'is', null)
    .orderBy('districtCode')
    .orderBy('code')
    .execute()
  return rows.map((r) => {
    const boundary = r.boundary ? (JSON.parse(r.boundary) as Boundary) : null
    let { lng, lat } = r
    if ((lng == null || lat == null) && boundary) {
      ;[lng, lat] = centroid(boundary).geometry.coordinates as [number, number]
    }
    return {
      ...r,
      landUse: r.landUse as LandUse,
      status: r.status as ParcelStatus,
      lng,
      lat,
      boundary,
      photoId: photos.get(`parcel:${r.id}`) ?? null,
      isDemo: r.isDemo === 1,
    }
  })
}

async function mapParks(db: Kysely<Database>, hosts: Awaited<ReturnType<typeof liveParkHosts>>, covers: Covers): Promise<MapPark[]> {
  const rows = await db
    .selectFrom('parks')
    .select(['id', 'name', 'theme', 'status', 'districtCode', 'totalArea', 'isDemo'])
    .where('deletedAt', 'is', null)
    .orderBy('name')
    .execute()
  const hostsByPark = groupBy(hosts, (h) => h.parkId)
  return sortByName(rows).map((r) => ({
    ...r,
    status: r.status as ParkStatus,
    hosts: (hostsByPark.get(r.id) ?? []).map((h) => ({ buildingId: h.buildingId, floors: h.floors })),
    photoId: covers.get(`park:${r.id}`) ?? null,
    isDemo: r.isDemo === 1,
  }))
}

async function mapClusters(db: Kysely<Database>): Promise<MapCluster[]> {
  return sortByName(await db.selectFrom('clusters').select(['id', 'name', 'districtCode']).where('deletedAt', 'is', null).execute())
}

export async function legacyMapSites(db: Kysely<Database>): Promise<MapSites> {
  const [hosts, covers] = await Promise.all([liveParkHosts(db), coverPhotos(db)])
  const [buildings, parcels, parks, clusters] = await Promise.all([
    mapBuildings(db, hosts, covers),
    mapParcels(db, covers),
    mapParks(db, hosts, covers),
    mapClusters(db),
  ])
  return { buildings, parcels, parks, clusters }
}
