import type {
  BuildingTable,
  ClusterTable,
  DistrictTable,
  LeaseTable,
  ParcelTable,
  ParkHostTable,
  ParkTable,
  PhotoTable,
  SavedSearchTable,
  SpaceTable,
  SubParkTable,
  TargetEntryTable,
  TargetTable,
  TenantTable,
  VisitTable,
} from '../../store/schema'

// The merged state as one view per entity, so the office can run reports in plain SQL
// (`SELECT name, total_area FROM site_buildings WHERE NOT deleted`). merged_rows holds each row's
// shown values as JSON; a view turns every logged field into a typed column. The column lists are
// checked against the laptop store's tables (store/schema.ts): a field added there fails the type
// check here until its column is added.
//
// A value of the wrong JSON type (a forged operation) reads as NULL rather than failing a report.

type ColumnType = 'text' | 'real' | 'int' | 'bool' | 'json' | 'blob'
/** Bookkeeping columns, never logged as fields (store/writer.ts LOG_SKIP). */
type Bookkeeping = 'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'isDemo'
type Columns<T> = Record<Exclude<keyof T, Bookkeeping>, ColumnType>

const districts: Columns<DistrictTable> = { code: 'text', name: 'text', city: 'text', province: 'text' }
const clusters: Columns<ClusterTable> = { name: 'text', districtCode: 'text', description: 'text' }
const buildings: Columns<BuildingTable> = {
  name: 'text',
  address: 'text',
  districtCode: 'text',
  clusterId: 'text',
  lng: 'real',
  lat: 'real',
  grade: 'text',
  kind: 'text',
  floorsAbove: 'int',
  floorsBelow: 'int',
  totalArea: 'real',
  yearBuilt: 'int',
  owner: 'text',
  propertyManager: 'text',
  ownership: 'text',
  propertyFee: 'real',
  contactName: 'text',
  contactPhone: 'text',
  notes: 'text',
  verifiedAt: 'text',
  landArea: 'real',
}
const spaces: Columns<SpaceTable> & { mergedInto: ColumnType } = {
  buildingId: 'text',
  floorLabel: 'text',
  floorSort: 'real',
  unit: 'text',
  area: 'real',
  status: 'text',
  askingRent: 'real',
  fitOut: 'text',
  availableFrom: 'text',
  divisible: 'bool',
  notes: 'text',
  verifiedAt: 'text',
  mergedInto: 'text',
}
const tenants: Columns<TenantTable> = {
  name: 'text',
  creditCode: 'text',
  industry: 'text',
  aboveScale: 'bool',
  registeredInDistrict: 'bool',
  annualTax: 'real',
  staff: 'int',
  contactName: 'text',
  contactPhone: 'text',
  notes: 'text',
  nameInitials: 'text',
}
const leases: Columns<LeaseTable> & { spaceIds: ColumnType } = {
  tenantId: 'text',
  buildingId: 'text',
  startDate: 'text',
  endDate: 'text',
  area: 'real',
  rent: 'real',
  notes: 'text',
  renewsLeaseId: 'text',
  spaceIds: 'json',
}
const parcels: Columns<ParcelTable> = {
  code: 'text',
  name: 'text',
  districtCode: 'text',
  address: 'text',
  lng: 'real',
  lat: 'real',
  boundary: 'text',
  area: 'real',
  landUse: 'text',
  plotRatioMin: 'real',
  plotRatioMax: 'real',
  buildingDensity: 'real',
  greenRatio: 'real',
  heightLimit: 'real',
  readiness: 'text',
  utilities: 'text',
  status: 'text',
  referencePrice: 'real',
  targetIndustry: 'text',
  contactName: 'text',
  contactPhone: 'text',
  notes: 'text',
  verifiedAt: 'text',
}
const parks: Columns<ParkTable> = {
  name: 'text',
  theme: 'text',
  districtCode: 'text',
  plannedInvestment: 'real',
  totalArea: 'real',
  operator: 'text',
  status: 'text',
  contactName: 'text',
  contactPhone: 'text',
  description: 'text',
  landArea: 'real',
}
const subParks: Columns<SubParkTable> = { parkId: 'text', name: 'text', theme: 'text', area: 'real', sortOrder: 'int', status: 'text' }
const parkHosts: Columns<ParkHostTable> = { parkId: 'text', buildingId: 'text', floors: 'text', area: 'real', sortOrder: 'int' }
const targets: Columns<TargetTable> = {
  year: 'int',
  kind: 'text',
  name: 'text',
  unit: 'text',
  targetValue: 'real',
  notes: 'text',
  sortOrder: 'int',
}
const targetEntries: Columns<TargetEntryTable> = { targetId: 'text', month: 'text', value: 'real', notes: 'text' }
const savedSearches: Columns<SavedSearchTable> = { name: 'text', filters: 'text', area: 'text', notes: 'text' }
const photos: Columns<PhotoTable> = {
  ownerKind: 'text',
  ownerId: 'text',
  mime: 'text',
  bytes: 'blob',
  size: 'int',
  width: 'int',
  height: 'int',
  caption: 'text',
  sortOrder: 'int',
  thumbnail: 'blob',
  original: 'blob',
  takenAt: 'text',
  gpsLng: 'real',
  gpsLat: 'real',
  isPanorama: 'bool',
}
const visits: Columns<VisitTable> & { sites: ColumnType } = {
  company: 'text',
  date: 'text',
  staff: 'text',
  contactName: 'text',
  contactPhone: 'text',
  notes: 'text',
  followUpDate: 'text',
  sites: 'json',
}

/** The change log's table name → its view's columns (the log names tables as store/schema.ts does). */
export const ENTITY_VIEWS: Record<string, Record<string, ColumnType>> = {
  districts,
  clusters,
  buildings,
  spaces,
  tenants,
  leases,
  parcels,
  parks,
  subParks,
  parkHosts,
  targets,
  targetEntries,
  savedSearches,
  photos,
  visits,
}

export const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
/** The view of a logged table: site_buildings, site_sub_parks … */
export const viewName = (table: string): string => `site_${snakeCase(table)}`

const quoteLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`

function columnSql(field: string, type: ColumnType): string {
  const f = quoteLiteral(field)
  const value = `fields->${f}`
  const text = `fields->>${f}`
  const kind = `jsonb_typeof(${value})`
  switch (type) {
    case 'text':
      // A non-string value (a number typed into a text field by an older laptop) still reads as text.
      return `CASE WHEN ${kind} IN ('string', 'number', 'boolean') THEN ${text} END`
    case 'real':
      return `CASE WHEN ${kind} = 'number' THEN (${text})::double precision END`
    case 'int':
      return `CASE WHEN ${kind} = 'number' THEN round((${text})::numeric)::bigint END`
    case 'bool':
      return `CASE ${kind} WHEN 'boolean' THEN (${text})::boolean WHEN 'number' THEN (${text})::numeric <> 0 END`
    case 'json':
      return value
    case 'blob':
      // Photo bytes are logged by size and digest; the bytes themselves are in `blobs`.
      return `CASE WHEN ${kind} = 'object' THEN ${value}->>'sha256' END`
  }
}

/** CREATE VIEW statements for every entity. */
export function viewStatements(): string[] {
  return Object.entries(ENTITY_VIEWS).map(([table, columns]) => {
    const key = table === 'districts' ? 'code' : 'id'
    const cols = Object.entries(columns)
      .filter(([field]) => field !== key)
      .map(([field, type]) => `  ${columnSql(field, type)} AS ${snakeCase(field)}${type === 'blob' ? '_sha256' : ''}`)
    return [
      `CREATE VIEW ${viewName(table)} AS SELECT`,
      `  row_id AS ${key},`,
      `  deleted,`,
      ...cols.map((c) => `${c},`),
      `  conflicted_fields,`,
      `  updated_at`,
      `FROM merged_rows WHERE table_name = ${quoteLiteral(table)}`,
    ].join('\n')
  })
}
