import type { DemoBuilding, DemoCluster, DemoLease, DemoParcel, DemoPark, DemoSpace, DemoTenant } from '../demo/types'

// The generated dataset as plain data, in the demo's shapes (same fields, same units) except that
// rows carry their final ids: UUIDs drawn from the seeded generator, so the same arguments give the
// same rows, ids included, in any store.

export interface GenCluster extends Omit<DemoCluster, 'key'> {
  id: string
}

export interface GenSpace extends Omit<DemoSpace, 'key'> {
  id: string
}

export interface GenBuilding extends Omit<DemoBuilding, 'key' | 'clusterKey' | 'spaces'> {
  id: string
  clusterId: string | null
  spaces: GenSpace[]
}

export interface GenTenant extends Omit<DemoTenant, 'key'> {
  id: string
}

export interface GenLease extends Omit<DemoLease, 'key' | 'tenantKey' | 'buildingKey' | 'spaceKeys'> {
  id: string
  tenantId: string
  buildingId: string
  spaceIds: string[]
}

export interface GenParcel extends DemoParcel {
  id: string
}

export interface GenPark extends Omit<DemoPark, 'key' | 'subParks' | 'hosts'> {
  id: string
  subParks: Array<DemoPark['subParks'][number] & { id: string }>
  hosts: Array<{ id: string; buildingId: string; floors: string; area: number }>
}

export interface GeneratedDataset {
  seed: number
  clusters: GenCluster[]
  buildings: GenBuilding[]
  tenants: GenTenant[]
  leases: GenLease[]
  parcels: GenParcel[]
  parks: GenPark[]
}
