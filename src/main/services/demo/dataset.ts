import { type BuiltBuilding, buildBuilding } from './buildings'
import { BUILDINGS, CLUSTERS, GONGSHU } from './catalogue'
import { buildParcels } from './parcels'
import { buildParks } from './parks'
import { createRandom } from './random'
import { CITY, companyFactory } from './tenants'
import type { DemoDataset } from './types'

export type { DemoDataset } from './types'

/** The seed of the dataset everyone gets; change it and every figure of the demo changes. */
export const DEMO_SEED = 20_250_601

export interface DemoOptions {
  /** Local date (YYYY-MM-DD) the lease dates are laid out around, so the leases are current. */
  today: string
  seed?: number
}

/**
 * The demo inventory: Shenhe's three building clusters and ten sky parks, a few Hunnan and
 * Gongshu buildings, and Hunnan and Gongshu land parcels. Pure: the same options give the same
 * dataset, down to every name, area and credit code.
 */
export function buildDemoDataset(options: DemoOptions): DemoDataset {
  const random = createRandom(options.seed ?? DEMO_SEED)
  const companies = companyFactory(random)
  const centres = new Map(CLUSTERS.map((c) => [c.key, c.centre]))
  const built: BuiltBuilding[] = BUILDINGS.map((spec) =>
    buildBuilding(spec, {
      random,
      today: options.today,
      companies,
      city: spec.districtCode === GONGSHU ? CITY.hangzhou : CITY.shenyang,
      centre: spec.clusterKey ? (centres.get(spec.clusterKey) ?? null) : null,
    }),
  )
  return {
    clusters: CLUSTERS.map(({ centre: _centre, ...cluster }) => cluster),
    buildings: built.map((b) => b.building),
    tenants: built.flatMap((b) => b.tenants),
    leases: built.flatMap((b) => b.leases),
    parcels: buildParcels(random),
    parks: buildParks(random),
  }
}
