import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

// The typed tables. Identifiers here are camelCase; Kysely's CamelCasePlugin maps them to the
// snake_case columns created by the migrations. Booleans are 0/1 integers, dates ISO strings,
// money in yuan, areas in m², coordinates WGS-84.

/** Columns every editable row carries: UUID id, times, soft delete, demo flag. */
interface RowBase {
  id: string
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  isDemo: number
}

export interface DistrictTable {
  code: string
  name: string
  city: string
  province: string
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  isDemo: number
}

export interface ClusterTable extends RowBase {
  name: string
  districtCode: string
  description: string | null
}

export interface BuildingTable extends RowBase {
  name: string
  address: string | null
  districtCode: string
  clusterId: string | null
  lng: number | null
  lat: number | null
  grade: string | null
  kind: string
  floorsAbove: number | null
  floorsBelow: number | null
  totalArea: number | null
  yearBuilt: number | null
  owner: string | null
  propertyManager: string | null
  ownership: string | null
  propertyFee: number | null
  contactName: string | null
  contactPhone: string | null
  notes: string | null
  /** The day staff last confirmed the record on site (YYYY-MM-DD), null = never. */
  verifiedAt: string | null
  /** 占地面积, m²: the land the site stands on (亩均税收); null = not known. */
  landArea: number | null
}

export interface SpaceTable extends RowBase {
  buildingId: string
  floorLabel: string
  floorSort: number
  unit: string | null
  area: number
  status: string
  askingRent: number | null
  fitOut: string | null
  availableFrom: string | null
  divisible: number
  notes: string | null
  verifiedAt: string | null
}

export interface TenantTable extends RowBase {
  name: string
  creditCode: string | null
  industry: string | null
  aboveScale: number
  registeredInDistrict: number
  annualTax: number | null
  staff: number | null
  contactName: string | null
  contactPhone: string | null
  notes: string | null
  /** Pinyin initials of the name, lower case (中海科技 → zhkj), for the tenant picker. */
  nameInitials: string | null
}

export interface LeaseTable extends RowBase {
  tenantId: string
  buildingId: string
  startDate: string | null
  endDate: string | null
  area: number
  rent: number | null
  notes: string | null
  /** The lease this one renews (a new term continuing it); null for a first lease. */
  renewsLeaseId: string | null
}

export interface LeaseSpaceTable {
  leaseId: string
  spaceId: string
}

export interface ParcelTable extends RowBase {
  code: string
  name: string
  districtCode: string
  address: string | null
  lng: number | null
  lat: number | null
  /** GeoJSON Polygon/MultiPolygon as text. */
  boundary: string | null
  area: number | null
  landUse: string
  plotRatioMin: number | null
  plotRatioMax: number | null
  buildingDensity: number | null
  greenRatio: number | null
  heightLimit: number | null
  readiness: string | null
  utilities: string | null
  status: string
  referencePrice: number | null
  targetIndustry: string | null
  contactName: string | null
  contactPhone: string | null
  notes: string | null
  verifiedAt: string | null
}

export interface ParkTable extends RowBase {
  name: string
  theme: string
  districtCode: string
  plannedInvestment: number | null
  totalArea: number | null
  operator: string | null
  status: string
  contactName: string | null
  contactPhone: string | null
  description: string | null
  /** 占地面积, m² (亩均税收); null = not known. */
  landArea: number | null
}

export interface SubParkTable extends RowBase {
  parkId: string
  name: string
  theme: string | null
  area: number | null
  sortOrder: number
  /** Progress (a park status); null = as its park. */
  status: string | null
}

export interface TargetTable extends RowBase {
  year: number
  /** shared/stats.ts TARGET_KINDS */
  kind: string
  name: string
  unit: string
  targetValue: number
  notes: string | null
  sortOrder: number
}

/** Achieved in a month, entered by a person (targets the store cannot count). */
export interface TargetEntryTable extends RowBase {
  targetId: string
  /** YYYY-MM */
  month: string
  value: number
  notes: string | null
}

export interface ParkHostTable extends RowBase {
  parkId: string
  buildingId: string
  floors: string | null
  area: number | null
  sortOrder: number
}

export interface ChangeLogTable {
  seq: Generated<number>
  hlc: string
  deviceId: string
  actor: string
  tableName: string
  rowId: string
  op: 'insert' | 'update' | 'delete' | 'restore'
  field: string | null
  oldValue: string | null
  newValue: string | null
  at: string
  /** `<hlc>:<seq>` (set by a trigger for local rows; merged rows keep their own). shared/sync.ts. */
  opId: Generated<string>
  /** JSON list of the operation ids this one supersedes; NULL = none. */
  pred: string | null
}

/** shared/sync.ts: a colleague's device or the team server, and what each is known to hold. */
export interface SyncPeerTable {
  id: string
  kind: 'device' | 'server'
  name: string
  /** JSON KnowsVector. */
  knows: Generated<string>
  lastSentAt: string | null
  lastReceivedAt: string | null
  /** The server: local change_log seq up to which operations were pushed. */
  pushedSeq: Generated<number>
  /** The server: its cursor after the last pull. */
  pullCursor: string | null
  /** The server: JSON of its address, person, token and its expiry, last error. */
  settings: string | null
}

export interface SyncConflictTable {
  tableName: string
  rowId: string
  field: string
  kind: 'field' | 'delete' | 'rule' | 'duplicate'
  /** JSON ConflictValue[]. */
  values: string
  note: string | null
  detectedAt: string
}

export interface SyncBlobTable {
  sha256: string
  bytes: Uint8Array
}

export interface SyncPendingTable {
  tableName: string
  rowId: string
  reason: string
}

export interface SettingTable {
  key: string
  value: string
  updatedAt: string
}

export interface BasemapTable {
  id: string
  name: string
  kind: 'mbtiles' | 'pmtiles' | 'xyz'
  crs: 'wgs84' | 'gcj02'
  /** Package file, relative to the data folder (mbtiles, pmtiles), or the tile cache (xyz). */
  file: string | null
  urlTemplate: string | null
  /** Tile image format: png, jpg, webp. */
  format: string | null
  minZoom: number
  maxZoom: number
  /** [west, south, east, north] in WGS-84, as JSON. */
  bounds: string | null
  attribution: string | null
  sizeBytes: number
  createdAt: string
  updatedAt: string
}

export interface SavedSearchTable extends RowBase {
  name: string
  /** The map filter, as JSON (shared/mapFilter.ts). */
  filters: string
  /** The drawn area (polygon or circle), as JSON, or null for no area. */
  area: string | null
  notes: string | null
}

export interface PhotoTable extends RowBase {
  ownerKind: 'building' | 'parcel' | 'park'
  ownerId: string
  mime: 'image/jpeg' | 'image/png' | 'image/webp'
  bytes: Uint8Array
  size: number
  width: number
  height: number
  caption: string | null
  sortOrder: number
  /** A small image for lists and galleries (JPEG), made on import. */
  thumbnail: Uint8Array | null
  /** The file as it came, kept only when the person asked. */
  original: Uint8Array | null
  /** EXIF date taken (ISO local date-time) and GPS position (WGS-84), when the file had them. */
  takenAt: string | null
  gpsLng: number | null
  gpsLat: number | null
  /** 1 for a 360° equirectangular panorama. */
  isPanorama: number
}

export interface VisitTable extends RowBase {
  company: string
  date: string
  staff: string | null
  contactName: string | null
  contactPhone: string | null
  notes: string | null
  followUpDate: string | null
}

export interface VisitSiteTable {
  visitId: string
  siteKind: 'building' | 'parcel' | 'park'
  siteId: string
  sortOrder: number
}

export interface ImportBatchTable {
  id: string
  fileName: string
  kind: 'buildings' | 'parcels' | 'parks' | 'workbook'
  sheet: string | null
  at: string
  /** The import's clock stamp: a change logged after it is a later edit. */
  hlc: string
  actor: string
  deviceId: string
  created: number
  updated: number
  rejected: number
  undoneAt: string | null
}

export interface ImportBatchRowTable {
  batchId: string
  seq: number
  tableName: string
  rowId: string
  op: 'insert' | 'update'
  /** For an update: the previous values of the fields it changed, as JSON. */
  previous: string | null
}

export interface Database {
  districts: DistrictTable
  clusters: ClusterTable
  buildings: BuildingTable
  spaces: SpaceTable
  tenants: TenantTable
  leases: LeaseTable
  leaseSpaces: LeaseSpaceTable
  parcels: ParcelTable
  parks: ParkTable
  subParks: SubParkTable
  parkHosts: ParkHostTable
  changeLog: ChangeLogTable
  settings: SettingTable
  basemaps: BasemapTable
  savedSearches: SavedSearchTable
  photos: PhotoTable
  importBatches: ImportBatchTable
  importBatchRows: ImportBatchRowTable
  visits: VisitTable
  visitSites: VisitSiteTable
  targets: TargetTable
  targetEntries: TargetEntryTable
  syncPeers: SyncPeerTable
  syncConflicts: SyncConflictTable
  syncBlobs: SyncBlobTable
  syncPending: SyncPendingTable
}

/** Tables whose rows are edited by people and therefore logged field by field. */
export type LoggedTable =
  | 'districts' | 'clusters' | 'buildings' | 'spaces' | 'tenants' | 'leases' | 'parcels' | 'parks' | 'subParks' | 'parkHosts'
  | 'savedSearches' | 'photos' | 'visits' | 'targets' | 'targetEntries'

export type BuildingRow = Selectable<BuildingTable>
export type SpaceRow = Selectable<SpaceTable>
export type TenantRow = Selectable<TenantTable>
export type LeaseRow = Selectable<LeaseTable>
export type ParcelRow = Selectable<ParcelTable>
export type ParkRow = Selectable<ParkTable>
export type SubParkRow = Selectable<SubParkTable>
export type ParkHostRow = Selectable<ParkHostTable>
export type ClusterRow = Selectable<ClusterTable>
export type DistrictRow = Selectable<DistrictTable>
export type BasemapRow = Selectable<BasemapTable>
export type SavedSearchRow = Selectable<SavedSearchTable>
export type PhotoRow = Selectable<PhotoTable>
export type VisitRow = Selectable<VisitTable>
export type NewRow<T extends keyof Database> = Insertable<Database[T]>
export type RowPatch<T extends keyof Database> = Updateable<Database[T]>
