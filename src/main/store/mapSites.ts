import centroid from '@turf/centroid'
import type BetterSqlite3 from 'better-sqlite3'
import { type Kysely, sql } from 'kysely'
import type { LandUse, ParcelStatus, ParkStatus } from '../../shared/domain'
import type { MapBuilding, MapCluster, MapParcel, MapPark, MapSites } from '../../shared/mapSites'
import type { Boundary } from '../../shared/schemas/parcels'
import { checkOf, oldestCheck } from '../../shared/freshness'
import { sortByName } from './collate'
import { coverPhotos } from './photos'
import type { Database } from './schema'
import { foldSpaces, type SpaceCells } from './spaceFold'
import { sqliteHandle } from './handle'
import { deepFreeze, storeVersion } from './version'

// Every live site in the compact shape the map needs. The building figures and the largest vacant
// block come from one pass over the spaces (spaceFold.ts); the rest from a handful of set-based
// queries (no query per building). The answer is kept per store and handed out again until the
// next write (version.ts says what counts as one), frozen so that no caller can change what the
// next one gets.

type Covers = Map<string, string>
type Db = Kysely<Database>

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

async function liveParkHosts(db: Db) {
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

type Hosts = Awaited<ReturnType<typeof liveParkHosts>>

// The live spaces in the order of the spaces_figures index, which the sums of the lists follow too.
const LIVE_SPACES = `SELECT building_id, floor_sort, status, area, asking_rent, fit_out
  FROM spaces INDEXED BY spaces_figures WHERE deleted_at IS NULL ORDER BY building_id, floor_sort`

/**
 * The live spaces as rows of cells. Straight from better-sqlite3 when the store's handle is at
 * hand (the caller holds the connection): half the time of objects through Kysely at 200,000 rows.
 */
async function liveSpaces(db: Db, handle: BetterSqlite3.Database | undefined): Promise<Iterable<SpaceCells>> {
  // Iterated, not collected: 200,000 rows held at once were promoted and collected as old objects
  // (about 70 ms of CPU at 200,000 spaces); the fold consumes them one by one before the connection is let go.
  if (handle) return handle.prepare(LIVE_SPACES).raw(true).iterate() as IterableIterator<SpaceCells>
  const { rows } = await sql.raw<Record<string, unknown>>(LIVE_SPACES).execute(db)
  return rows.map((r) => Object.values(r) as SpaceCells)
}

/** How many companies hold a current lease in each building (the lists' tenant count). */
async function tenantCounts(db: Db): Promise<Map<string, number>> {
  const { rows } = await sql<{ b: string; n: number }>`
    SELECT l.building_id AS b, count(DISTINCT t.id) AS n
    FROM leases l JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
    WHERE l.deleted_at IS NULL AND (l.end_date IS NULL OR l.end_date >= date('now', 'localtime'))
    GROUP BY l.building_id`.execute(db)
  return new Map(rows.map((r) => [r.b, r.n]))
}

/**
 * The oldest check among each building's live spaces (shared/freshness.ts): the oldest verified
 * day and the first entry of a space never verified, made into the one check in JS (the day an
 * entry falls on is local, as verified_at is).
 */
async function spaceChecks(db: Db): Promise<Map<string, string>> {
  const { rows } = await sql<{ b: string; v: string | null; e: string | null }>`
    SELECT building_id AS b, min(verified_at) AS v, min(CASE WHEN verified_at IS NULL THEN created_at END) AS e
    FROM spaces WHERE deleted_at IS NULL GROUP BY building_id`.execute(db)
  return new Map(rows.map((r) => [r.b, oldestCheck(r.v && `${r.v}V`, r.e && checkOf(null, r.e))!]))
}

type BuildingRow = Pick<MapBuilding, 'id' | 'name' | 'address' | 'districtCode' | 'clusterId' | 'kind' | 'grade' | 'lng' | 'lat'> & {
  isDemo: number
  verifiedAt: string | null
  createdAt: string
}

async function liveBuildings(db: Db): Promise<BuildingRow[]> {
  // A building whose cluster is deleted is in no cluster, as for the lists.
  const { rows } = await sql<BuildingRow>`
    SELECT b.id, b.name, b.address, b.district_code, c.id AS cluster_id, b.kind, b.grade, b.lng, b.lat, b.is_demo,
      b.verified_at, b.created_at
    FROM buildings b
    JOIN districts d ON d.code = b.district_code
    LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL
    WHERE b.deleted_at IS NULL`.execute(db)
  return rows
}

async function mapBuildings(db: Db, handle: BetterSqlite3.Database | undefined, hosts: Hosts, covers: Covers): Promise<MapBuilding[]> {
  const buildings = await liveBuildings(db)
  const tenants = await tenantCounts(db)
  const checks = await spaceChecks(db)
  const figures = foldSpaces(await liveSpaces(db, handle))
  const parksByBuilding = groupBy(hosts, (h) => h.buildingId)
  return buildings.map((b) => {
    const f = figures.get(b.id)
    return {
      id: b.id,
      name: b.name,
      address: b.address,
      districtCode: b.districtCode,
      clusterId: b.clusterId,
      kind: b.kind,
      grade: b.grade,
      lng: b.lng,
      lat: b.lat,
      leasableArea: f?.leasableArea ?? 0,
      vacantArea: f?.vacantArea ?? 0,
      vacancyRate: f?.vacancyRate ?? null,
      largestVacantBlock: f?.largestVacantBlock ?? 0,
      rentMin: f?.rentMin ?? null,
      rentMax: f?.rentMax ?? null,
      vacantFitOuts: f?.vacantFitOuts ?? [],
      tenantCount: tenants.get(b.id) ?? 0,
      parkIds: [...new Set((parksByBuilding.get(b.id) ?? []).map((h) => h.parkId))],
      photoId: covers.get(`building:${b.id}`) ?? null,
      check: oldestCheck(checkOf(b.verifiedAt, b.createdAt), checks.get(b.id))!,
      isDemo: b.isDemo === 1,
    }
  })
}

async function mapParcels(db: Db, covers: Covers): Promise<MapParcel[]> {
  const rows = await db
    .selectFrom('parcels')
    .select(['id', 'code', 'name', 'districtCode', 'landUse', 'status', 'area', 'lng', 'lat', 'boundary', 'referencePrice', 'isDemo', 'verifiedAt', 'createdAt'])
    .where('deletedAt', 'is', null)
    .orderBy('districtCode')
    .orderBy('code')
    .execute()
  return rows.map(({ verifiedAt, createdAt, ...r }) => {
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
      photoId: covers.get(`parcel:${r.id}`) ?? null,
      check: checkOf(verifiedAt, createdAt),
      isDemo: r.isDemo === 1,
    }
  })
}

async function mapParks(db: Db, hosts: Hosts, covers: Covers): Promise<MapPark[]> {
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

async function mapClusters(db: Db): Promise<MapCluster[]> {
  return sortByName(await db.selectFrom('clusters').select(['id', 'name', 'districtCode']).where('deletedAt', 'is', null).execute())
}

/**
 * The map's sites computed afresh, every query on `db` in turn; `handle`, the better-sqlite3
 * connection under `db`, only while the caller holds that connection.
 */
export async function computeMapSites(db: Db, handle?: BetterSqlite3.Database): Promise<MapSites> {
  const hosts = await liveParkHosts(db)
  const covers = await coverPhotos(db)
  const buildings = await mapBuildings(db, handle, hosts, covers)
  const parcels = await mapParcels(db, covers)
  const parks = await mapParks(db, hosts, covers)
  const clusters = await mapClusters(db)
  return { buildings, parcels, parks, clusters }
}

const kept = new WeakMap<Db, { version: string; sites: MapSites }>()

/**
 * The map's sites, kept per store until the next write: the same frozen object is handed out
 * while the store's version (version.ts) stays the same. Inside a transaction (uncommitted rows)
 * they are computed afresh and not kept.
 */
export async function mapSites(db: Db): Promise<MapSites> {
  const handle = sqliteHandle(db)
  if (db.isTransaction || !handle) return computeMapSites(db)
  // The connection is held throughout, so no write of this process lands between the version and
  // the rows; the read transaction gives one snapshot against writes of other processes.
  return db.connection().execute(async (conn) => {
    await sql`BEGIN`.execute(conn)
    try {
      const version = await storeVersion(conn)
      const hit = kept.get(db)
      if (hit?.version === version) return hit.sites
      const sites = deepFreeze(await computeMapSites(conn, handle))
      kept.set(db, { version, sites })
      return sites
    } finally {
      await sql`COMMIT`.execute(conn)
    }
  })
}
