// map.sites as it travels: one array per field instead of one object per site. At 10,000 buildings
// and 5,000 parcels the object form repeated every key 15,000 times (6.6 MB of JSON); here each
// key appears once, flags are 0/1 and a parcel's rings are flat [lng, lat, lng, lat, …] arrays, so
// the text is smaller and JSON.parse makes far fewer objects. decodeMapSites gives back exactly the
// MapSites the store computed; every consumer of the contract's answer goes through it.
import type { BuildingGrade, BuildingKind, FitOut, LandUse, ParcelStatus } from './domain'
import type { MapBuilding, MapCluster, MapParcel, MapPark, MapSites } from './mapSites'
import type { Boundary } from './schemas/parcels'

type Column<T> = T[]
type Flag = 0 | 1

export interface BuildingColumns {
  id: Column<string>
  name: Column<string>
  address: Column<string | null>
  districtCode: Column<string>
  clusterId: Column<string | null>
  kind: Column<BuildingKind>
  grade: Column<BuildingGrade | null>
  lng: Column<number | null>
  lat: Column<number | null>
  leasableArea: Column<number>
  vacantArea: Column<number>
  vacancyRate: Column<number | null>
  largestVacantBlock: Column<number>
  rentMin: Column<number | null>
  rentMax: Column<number | null>
  vacantFitOuts: Column<FitOut[]>
  tenantCount: Column<number>
  parkIds: Column<string[]>
  photoId: Column<string | null>
  check: Column<string>
  isDemo: Column<Flag>
}

/**
 * A boundary as polygons of rings of flat coordinates; `multi` 1 for a MultiPolygon (a Polygon is
 * its one polygon). Null for a parcel known only by its position.
 */
export type FlatBoundary = { multi: Flag; polygons: number[][][] }

export interface ParcelColumns {
  id: Column<string>
  code: Column<string>
  name: Column<string>
  districtCode: Column<string>
  landUse: Column<LandUse>
  status: Column<ParcelStatus>
  area: Column<number | null>
  lng: Column<number | null>
  lat: Column<number | null>
  boundary: Column<FlatBoundary | null>
  referencePrice: Column<number | null>
  photoId: Column<string | null>
  check: Column<string>
  isDemo: Column<Flag>
}

export interface MapSitesWire {
  /** The wire form's version: a decoder refuses a form it does not know. */
  format: 'columns-1'
  buildings: BuildingColumns
  parcels: ParcelColumns
  /** Tens at most: sent as they are. */
  parks: MapPark[]
  clusters: MapCluster[]
}

const BUILDING_KEYS = [
  'id', 'name', 'address', 'districtCode', 'clusterId', 'kind', 'grade', 'lng', 'lat', 'leasableArea', 'vacantArea',
  'vacancyRate', 'largestVacantBlock', 'rentMin', 'rentMax', 'vacantFitOuts', 'tenantCount', 'parkIds', 'photoId',
  'check',
] as const satisfies ReadonlyArray<keyof MapBuilding & keyof BuildingColumns>

const PARCEL_KEYS = [
  'id', 'code', 'name', 'districtCode', 'landUse', 'status', 'area', 'lng', 'lat', 'referencePrice', 'photoId', 'check',
] as const satisfies ReadonlyArray<keyof MapParcel & keyof ParcelColumns>

function columnsOf<T extends object, K extends keyof T>(rows: readonly T[], keys: readonly K[]): { [P in K]: Array<T[P]> } {
  const out = {} as { [P in K]: Array<T[P]> }
  for (const key of keys) out[key] = rows.map((row) => row[key])
  return out
}

const flatRing = (ring: readonly (readonly number[])[]): number[] => {
  const flat = new Array<number>(ring.length * 2)
  for (let i = 0; i < ring.length; i++) {
    flat[2 * i] = ring[i]![0]!
    flat[2 * i + 1] = ring[i]![1]!
  }
  return flat
}

// Arrays are filled by push, not preallocated: `new Array(n)` makes a holey array, slower to
// read for every layer that walks the sites afterwards.
const pairedRing = (flat: readonly number[]): [number, number][] => {
  const ring: [number, number][] = []
  for (let i = 0; i < flat.length; i += 2) ring.push([flat[i]!, flat[i + 1]!])
  return ring
}

export function flattenBoundary(boundary: Boundary | null): FlatBoundary | null {
  if (!boundary) return null
  return boundary.type === 'Polygon'
    ? { multi: 0, polygons: [boundary.coordinates.map(flatRing)] }
    : { multi: 1, polygons: boundary.coordinates.map((poly) => poly.map(flatRing)) }
}

export function unflattenBoundary(flat: FlatBoundary | null): Boundary | null {
  if (!flat) return null
  const polygons = flat.polygons.map((poly) => poly.map(pairedRing))
  return flat.multi ? { type: 'MultiPolygon', coordinates: polygons } : { type: 'Polygon', coordinates: polygons[0]! }
}

export function encodeMapSites(sites: MapSites): MapSitesWire {
  return {
    format: 'columns-1',
    buildings: { ...columnsOf(sites.buildings, BUILDING_KEYS), isDemo: sites.buildings.map((b) => (b.isDemo ? 1 : 0)) },
    parcels: {
      ...columnsOf(sites.parcels, PARCEL_KEYS),
      boundary: sites.parcels.map((p) => flattenBoundary(p.boundary)),
      isDemo: sites.parcels.map((p) => (p.isDemo ? 1 : 0)),
    },
    parks: [...sites.parks],
    clusters: [...sites.clusters],
  }
}

export function decodeMapSites(wire: MapSitesWire): MapSites {
  if (wire.format !== 'columns-1') throw new Error(`地图数据：无法识别的格式 ${String(wire.format)}`)
  const b = wire.buildings
  const buildings: MapBuilding[] = []
  for (let i = 0; i < b.id.length; i++) {
    buildings.push({
      id: b.id[i]!,
      name: b.name[i]!,
      address: b.address[i]!,
      districtCode: b.districtCode[i]!,
      clusterId: b.clusterId[i]!,
      kind: b.kind[i]!,
      grade: b.grade[i]!,
      lng: b.lng[i]!,
      lat: b.lat[i]!,
      leasableArea: b.leasableArea[i]!,
      vacantArea: b.vacantArea[i]!,
      vacancyRate: b.vacancyRate[i]!,
      largestVacantBlock: b.largestVacantBlock[i]!,
      rentMin: b.rentMin[i]!,
      rentMax: b.rentMax[i]!,
      vacantFitOuts: b.vacantFitOuts[i]!,
      tenantCount: b.tenantCount[i]!,
      parkIds: b.parkIds[i]!,
      photoId: b.photoId[i]!,
      check: b.check[i]!,
      isDemo: b.isDemo[i] === 1,
    })
  }
  const p = wire.parcels
  const parcels: MapParcel[] = []
  for (let i = 0; i < p.id.length; i++) {
    parcels.push({
      id: p.id[i]!,
      code: p.code[i]!,
      name: p.name[i]!,
      districtCode: p.districtCode[i]!,
      landUse: p.landUse[i]!,
      status: p.status[i]!,
      area: p.area[i]!,
      lng: p.lng[i]!,
      lat: p.lat[i]!,
      boundary: unflattenBoundary(p.boundary[i]!),
      referencePrice: p.referencePrice[i]!,
      photoId: p.photoId[i]!,
      check: p.check[i]!,
      isDemo: p.isDemo[i] === 1,
    })
  }
  return { buildings, parcels, parks: wire.parks, clusters: wire.clusters }
}
