// What the API hands back. Plain data; dates ISO strings; money yuan; area m²; WGS-84.
import type {
  BuildingGrade, BuildingKind, FitOut, IndustrySection, LandReadiness, LandUse, Ownership,
  ParcelStatus, ParkStatus, SpaceStatus,
} from './domain'
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
  /** Floor labels of the leased spaces, e.g. ['12', '13']. */
  floors: string[]
  startDate: string | null
  endDate: string | null
  area: number
  rent: number | null
  notes: string | null
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
}

export interface SubPark {
  id: string
  name: string
  theme: string | null
  area: number | null
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
