import centroid from '@turf/centroid'
import { type Kysely, sql } from 'kysely'
import type { FitOut, LandUse, ParcelStatus, ParkStatus } from '../../shared/domain'
import type { MapBuilding, MapCluster, MapParcel, MapPark, MapSites } from '../../shared/mapSites'
import type { Boundary } from '../../shared/schemas/parcels'
import { mapBuildingRows } from './buildings'
import { coverPhotos } from './photos'
import type { Database } from './schema'
import { sortByName } from './collate'

// Every live site in the compact shape the map needs, in a handful of set-based queries (no query
// per building), so 10,000 buildings and 5,000 parcels load in one call.

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

export async function mapBuildings(db: Kysely<Database>, hosts?: Awaited<ReturnType<typeof liveParkHosts>>, covers?: Covers): Promise<MapBuilding[]> {
  const [rows, blocks, parkHosts, photos] = await Promise.all([
    mapBuildingRows(db),
    largestVacantBlocks(db),
    hosts ?? liveParkHosts(db),
    covers ?? coverPhotos(db),
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
    isDemo: b.isDemo === 1,
  }))
}

export async function mapParcels(db: Kysely<Database>, covers?: Covers): Promise<MapParcel[]> {
  const photos = covers ?? (await coverPhotos(db))
  const rows = await db
    .selectFrom('parcels')
    .select(['id', 'code', 'name', 'districtCode', 'landUse', 'status', 'area', 'lng', 'lat', 'boundary', 'referencePrice', 'isDemo'])
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

export async function mapSites(db: Kysely<Database>): Promise<MapSites> {
  const [hosts, covers] = await Promise.all([liveParkHosts(db), coverPhotos(db)])
  const [buildings, parcels, parks, clusters] = await Promise.all([
    mapBuildings(db, hosts, covers),
    mapParcels(db, covers),
    mapParks(db, hosts, covers),
    mapClusters(db),
  ])
  return { buildings, parcels, parks, clusters }
}
