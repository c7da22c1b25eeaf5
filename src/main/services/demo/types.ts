import type {
  BuildingGrade, BuildingKind, FitOut, IndustrySection, LandReadiness, LandUse, Ownership, ParcelStatus, ParkStatus,
  SpaceStatus,
} from '../../../shared/domain'
import type { Boundary } from '../../../shared/schemas/parcels'
import type { TargetRow } from '../../../shared/stats'

// The demo dataset as plain data. Rows refer to each other by `key` (stable, readable strings);
// the loader turns keys into fresh ids, so the same dataset can go into any store.

export interface DemoCluster {
  key: string
  name: string
  districtCode: string
  description: string
}

export interface DemoSpace {
  key: string
  floorLabel: string
  unit: string | null
  area: number
  status: SpaceStatus
  askingRent: number | null
  fitOut: FitOut | null
  availableFrom: string | null
  divisible: boolean
  /** The day staff last confirmed it on site (freshness); null = never. */
  verifiedAt?: string | null
}

export interface DemoBuilding {
  key: string
  clusterKey: string | null
  name: string
  address: string
  districtCode: string
  lng: number
  lat: number
  grade: BuildingGrade | null
  kind: BuildingKind
  floorsAbove: number
  floorsBelow: number
  totalArea: number
  /** 占地面积, m²: known for the industrial parks (亩均税收), null for towers. */
  landArea: number | null
  yearBuilt: number
  owner: string
  propertyManager: string | null
  ownership: Ownership
  propertyFee: number | null
  contactName: string
  contactPhone: string
  notes: string | null
  verifiedAt?: string | null
  spaces: DemoSpace[]
}

export interface DemoTenant {
  key: string
  name: string
  creditCode: string
  industry: IndustrySection
  aboveScale: boolean
  registeredInDistrict: boolean
  annualTax: number
  staff: number
  contactName: string
  contactPhone: string
}

export interface DemoLease {
  key: string
  tenantKey: string
  buildingKey: string
  spaceKeys: string[]
  startDate: string
  endDate: string
  area: number
  rent: number
}

export interface DemoParcel {
  code: string
  name: string
  districtCode: string
  address: string
  lng: number
  lat: number
  boundary: Boundary
  /** m², equal to the stated 亩 figure; the boundary is drawn to have this area. */
  area: number
  landUse: LandUse
  plotRatioMin: number | null
  plotRatioMax: number
  buildingDensity: number
  greenRatio: number
  heightLimit: number
  readiness: LandReadiness
  utilities: string
  status: ParcelStatus
  /** 元/亩 */
  referencePrice: number
  targetIndustry: string | null
  contactName: string
  contactPhone: string
  notes: string | null
  verifiedAt?: string | null
}

export interface DemoPark {
  key: string
  name: string
  theme: string
  districtCode: string
  plannedInvestment: number
  totalArea: number
  operator: string
  status: ParkStatus
  contactName: string
  contactPhone: string
  description: string
  /** 占地面积, m², where the bureau has it (亩均税收). */
  landArea: number | null
  /** status: its own progress; null = as the park. */
  subParks: Array<{ name: string; theme: string | null; area: number | null; status: ParkStatus | null }>
  hosts: Array<{ buildingKey: string; floors: string; area: number }>
}

export interface DemoDataset {
  clusters: DemoCluster[]
  buildings: DemoBuilding[]
  tenants: DemoTenant[]
  leases: DemoLease[]
  parcels: DemoParcel[]
  parks: DemoPark[]
  /** This year's annual targets (年度目标), with the months entered so far for entered kinds. */
  targets: DemoTarget[]
}

/** A target as the demo loads it: the fields a person enters, and the months entered so far. */
export interface DemoTarget extends Pick<TargetRow, 'year' | 'kind' | 'name' | 'unit' | 'targetValue' | 'notes'> {
  /** YYYY-MM → achieved that month (entered kinds only). */
  entries: Array<{ month: string; value: number }>
}
