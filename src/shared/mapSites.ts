// What the map screen gets in one call: every live site with just the fields the map, its list,
// its filters and its cards need. Coordinates WGS-84, areas m², rents 元/m²·天.
import type { BuildingGrade, BuildingKind, FitOut, LandUse, ParcelStatus, ParkStatus } from './domain'
import type { Boundary } from './schemas/parcels'

export interface MapBuilding {
  id: string
  name: string
  address: string | null
  districtCode: string
  clusterId: string | null
  kind: BuildingKind
  grade: BuildingGrade | null
  /** Null until the building is placed on the map. */
  lng: number | null
  lat: number | null
  leasableArea: number
  vacantArea: number
  vacancyRate: number | null
  /** Largest vacant block on one floor or across adjacent wholly vacant floors (store/mapSites.ts). */
  largestVacantBlock: number
  /** Lowest and highest asking rent among vacant spaces. */
  rentMin: number | null
  rentMax: number | null
  /** Fit-outs offered among the vacant spaces. */
  vacantFitOuts: FitOut[]
  tenantCount: number
  /** Sky parks hosted in the building. */
  parkIds: string[]
  /** The first photo, shown on the card. */
  photoId: string | null
  /** The oldest check of the building and its spaces (shared/freshness.ts): stale ones are shaded. */
  check: string
  isDemo: boolean
}

export interface MapParcel {
  id: string
  code: string
  name: string
  districtCode: string
  landUse: LandUse
  status: ParcelStatus
  /** m² */
  area: number | null
  /** The parcel's reference point: its recorded position, else the boundary's centroid. */
  lng: number | null
  lat: number | null
  boundary: Boundary | null
  /** 元/亩 */
  referencePrice: number | null
  photoId: string | null
  /** Its check (shared/freshness.ts): stale ones are hatched. */
  check: string
  isDemo: boolean
}

export interface MapPark {
  id: string
  name: string
  theme: string
  status: ParkStatus
  districtCode: string
  totalArea: number | null
  hosts: Array<{ buildingId: string; floors: string | null }>
  photoId: string | null
  isDemo: boolean
}

export interface MapCluster {
  id: string
  name: string
  districtCode: string
}

export interface MapSites {
  buildings: MapBuilding[]
  parcels: MapParcel[]
  parks: MapPark[]
  clusters: MapCluster[]
}

export type SiteKind = 'building' | 'parcel' | 'park'

/** A site picked into the selection, which later becomes an inventory sheet. */
export interface SiteRef {
  kind: SiteKind
  id: string
}
