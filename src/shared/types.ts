// What the API hands back. Plain data; dates ISO strings; money yuan; area m²; WGS-84.
import type {
  BuildingGrade, BuildingKind, FitOut, IndustrySection, LandReadiness, LandUse, Ownership,
  ParcelStatus, ParkStatus, SpaceStatus,
} from './domain'
import type { MAP_CRS } from './schemas/basemaps'
import type { Boundary } from './schemas/parcels'

export interface Audit {
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  isDemo: boolean
}

export interface District {
  code: string
  name: string
  city: string
  province: string
}

export interface Cluster extends Audit {
  id: string
  name: string
  districtCode: string
  districtName: string
  description: string | null
  buildingCount: number
}

/** Figures derived from a building's spaces and leases, computed in SQL. */
export interface BuildingFigures {
  spaceCount: number
  /** Area on the rental market (vacant + leased + reserved), m². */
  leasableArea: number
  vacantArea: number
  leasedArea: number
  /** vacant / leasable; null when nothing is leasable. */
  vacancyRate: number | null
  /** leased / leasable; null when nothing is leasable. */
  occupancyRate: number | null
  tenantCount: number
  aboveScaleTenantCount: number
  /** Sum of the annual tax of current tenants, yuan. */
  annualTax: number
  /** Lowest and highest asking rent of vacant spaces, 元/m²·天. */
  rentMin: number | null
  rentMax: number | null
  /** The oldest check of the building and its live spaces (shared/freshness.ts Check). */
  check: string
}

export interface Building extends Audit {
  id: string
  name: string
  address: string | null
  districtCode: string
  districtName: string
  clusterId: string | null
  clusterName: string | null
  lng: number | null
  lat: number | null
  grade: BuildingGrade | null
  kind: BuildingKind
  floorsAbove: number | null
  floorsBelow: number | null
  totalArea: number | null
  yearBuilt: number | null
  owner: string | null
  propertyManager: string | null
  ownership: Ownership | null
  propertyFee: number | null
  contactName: string | null
  contactPhone: string | null
  notes: string | null
  /** The day staff last confirmed the building on site (YYYY-MM-DD); null if never. */
  verifiedAt: string | null
  /** 占地面积, m²; null = not known. */
  landArea: number | null
}

export type BuildingSummary = Building & BuildingFigures

export interface Space extends Audit {
  id: string
  buildingId: string
  floorLabel: string
  unit: string | null
  area: number
  status: SpaceStatus
  askingRent: number | null
  fitOut: FitOut | null
  availableFrom: string | null
  divisible: boolean
  notes: string | null
  /** The day staff last confirmed the space on site (YYYY-MM-DD); null if never. */
  verifiedAt: string | null
  /** Tenant currently leasing this space, if any. */
  tenantName: string | null
}

export interface Tenant extends Audit {
  id: string
  name: string
  creditCode: string | null
  industry: IndustrySection | null
  aboveScale: boolean
  registeredInDistrict: boolean
  annualTax: number | null
  staff: number | null
  contactName: string | null
  contactPhone: string | null
  notes: string | null
}

export interface Lease extends Audit {
  id: string
  tenantId: string
  tenantName: string
  buildingId: string
  buildingName: string
  spaceIds: string[]
  /** Floor labels of the leased spaces, each once, lowest first: units 01 and 02 of 13 are ['13']. */
  floors: string[]
  startDate: string | null
  endDate: string | null
  area: number
  rent: number | null
  notes: string | null
  /** The lease this one renews (a new term continuing it), if any. */
  renewsLeaseId: string | null
}

/** A space whose lease ends soon and that no other lease takes the day after (leases.comingFree). */
export interface ComingFreeSpace {
  spaceId: string
  floorLabel: string
  unit: string | null
  area: number
  leaseId: string
  endDate: string
  tenantId: string
  tenantName: string
  contactName: string | null
  contactPhone: string | null
  buildingId: string
  buildingName: string
}

/** Vacancy and occupancy of a building, a cluster or a district on one day (tenancy.asOf). */
export interface AsOfFigures {
  date: string
  /** How the day's figures were made: the change log (today and earlier) or the leases (later). */
  basis: 'log' | 'leases'
  leasableArea: number
  vacantArea: number
  leasedArea: number
  vacancyRate: number | null
  occupancyRate: number | null
}

export interface BuildingDetail {
  building: BuildingSummary
  spaces: Space[]
  leases: Lease[]
  parks: Array<{ id: string; name: string; floors: string | null }>
}

export interface Parcel extends Audit {
  id: string
  code: string
  name: string
  districtCode: string
  districtName: string
  address: string | null
  lng: number | null
  lat: number | null
  boundary: Boundary | null
  area: number | null
  /** area in 亩, derived. */
  areaMu: number | null
  landUse: LandUse
  plotRatioMin: number | null
  plotRatioMax: number | null
  buildingDensity: number | null
  greenRatio: number | null
  heightLimit: number | null
  readiness: LandReadiness | null
  utilities: string | null
  status: ParcelStatus
  referencePrice: number | null
  targetIndustry: string | null
  contactName: string | null
  contactPhone: string | null
  notes: string | null
  /** The day staff last confirmed the parcel on site (YYYY-MM-DD); null if never. */
  verifiedAt: string | null
  /** Its check (shared/freshness.ts Check): verifiedAt, or the day it was entered. */
  check: string
}

export interface SubPark {
  id: string
  name: string
  theme: string | null
  area: number | null
  /** Its own progress; null = as its park. */
  status: ParkStatus | null
}

export interface ParkHost {
  id: string
  buildingId: string
  buildingName: string
  floors: string | null
  area: number | null
}

export interface Park extends Audit {
  id: string
  name: string
  theme: string
  districtCode: string
  districtName: string
  plannedInvestment: number | null
  totalArea: number | null
  operator: string | null
  status: ParkStatus
  contactName: string | null
  contactPhone: string | null
  description: string | null
  /** 占地面积, m²; null = not known. */
  landArea: number | null
  subParks: SubPark[]
  hosts: ParkHost[]
}

export type SearchKind = 'building' | 'parcel' | 'park' | 'cluster' | 'tenant'

export interface SearchHit {
  kind: SearchKind
  id: string
  name: string
  extra: string
}

export interface DistrictFigures {
  code: string
  name: string
  buildings: number
  leasableArea: number
  vacantArea: number
  vacancyRate: number | null
}

export interface InventoryStats {
  buildings: number
  spaces: number
  tenants: number
  parcels: number
  parks: number
  clusters: number
  leasableArea: number
  vacantArea: number
  leasedArea: number
  vacancyRate: number | null
  occupancyRate: number | null
  parcelArea: number
  aboveScaleTenants: number
  byDistrict: DistrictFigures[]
}

export interface StoreInfo {
  appVersion: string
  schemaVersion: number
  dataFile: string
  deviceId: string
  /** No buildings, parcels, parks or clusters yet. */
  empty: boolean
  /** Some rows come from the demo dataset. */
  hasDemoData: boolean
  /** The first-start choice (demo or empty) has been made. */
  onboarded: boolean
}

export interface Change {
  seq: number
  hlc: string
  deviceId: string
  actor: string
  tableName: string
  rowId: string
  op: 'insert' | 'update' | 'delete' | 'restore'
  field: string | null
  oldValue: unknown
  newValue: unknown
  at: string
}

export interface SavedSearch extends Audit {
  id: string
  name: string
  filter: import('./mapFilter').MapFilter
  area: import('./mapFilter').MapArea | null
  notes: string | null
}

// ── Basemaps and background jobs ────────────────────────────────────────────────────────────

/** The coordinate system a basemap's tiles are drawn in: GPS/Tianditu (wgs84) or Gaode/Tencent (gcj02). */
export type MapCrs = (typeof MAP_CRS)[number]

/** An offline map package (MBTiles, PMTiles) or an online tile source with its on-disk cache. */
export interface Basemap {
  id: string
  name: string
  kind: 'mbtiles' | 'pmtiles' | 'xyz'
  crs: MapCrs
  /** Tile image format; null for an online source whose format is not known yet. */
  format: 'png' | 'jpg' | 'webp' | null
  minZoom: number
  maxZoom: number
  /** WGS-84 [west, south, east, north]; null when unknown (online sources). */
  bounds: [number, number, number, number] | null
  attribution: string | null
  /** Online sources only: the XYZ URL template. */
  urlTemplate: string | null
  /** Bytes on disk: the package copy, or the tile cache of an online source. */
  sizeBytes: number
  /** Online sources only: tiles in the cache. */
  cachedTiles: number | null
  /** Relative URL template the renderer turns into tile URLs, e.g. 'tiles/<id>/{z}/{x}/{y}'. */
  tilePath: string
}

export interface BasemapList {
  basemaps: Basemap[]
  /** The basemap the map shows; null = the embedded boundary map. */
  activeId: string | null
}

export interface AreaEstimate {
  /** Tiles covering the area over the zoom range. */
  tiles: number
  /** Of those, tiles already in the cache. */
  cachedTiles: number
  /** Bytes still to download (tiles not cached × mean tile size). */
  estimatedBytes: number
}

/** A background task in this process (downloading an area, importing a file); polled with jobs.get. */
export interface Job {
  id: string
  kind: 'download' | 'import' | 'export'
  state: 'running' | 'done' | 'failed' | 'cancelled'
  /** Units handled so far (tiles downloaded, skipped as cached, or failed). */
  done: number
  total: number
  /** Bytes fetched so far. */
  bytes: number
  /** Units that could not be handled. */
  failed: number
  /** A sentence for the user (Chinese), e.g. why the job failed. */
  message: string | null
  /** What a finished job made: an import's batch id, an export's file id. */
  resultId: string | null
  startedAt: string
  finishedAt: string | null
}

// ─── Boundaries: the embedded default basemap ─────────────────────────────────────────────────
// District boundaries with names for every Chinese city, shipped in resources/boundaries (derived
// by scripts/derive-boundaries.ts) and loaded per city on demand. Plain GeoJSON, WGS-84.

/** A district (区, 县, 县级市 …) as the boundary data lists it. */
export interface BoundaryDistrict {
  /** GB/T 2260 code, e.g. 210103. */
  code: string
  name: string
}

/**
 * A city whose district boundaries the app carries. Municipalities and SARs are one city each under
 * their province-level code (110000 北京市 …); county-level units directly under a province (济源,
 * Hainan's counties …) are cities of one district under their own code.
 */
export interface BoundaryCity {
  code: string
  name: string
  /** Province-level unit, e.g. 辽宁省, 北京市. */
  province: string
  /** [west, south, east, north] in degrees. */
  bbox: [number, number, number, number]
  /** [lng, lat]: a point inside the city, in its central district where the data says which that is. */
  center: [number, number]
  districts: BoundaryDistrict[]
}

/** `code` and `name` of the district (of the city, in the overview); `cityCode` the city it belongs to. */
export interface BoundaryProperties {
  code: string
  name: string
  cityCode: string
}

export type BoundaryGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] }

export interface BoundaryFeature {
  type: 'Feature'
  properties: BoundaryProperties
  geometry: BoundaryGeometry
}

export interface BoundaryFeatureCollection {
  type: 'FeatureCollection'
  features: BoundaryFeature[]
}
