import { type BuiltBuilding, buildBuilding } from './buildings'
import { BUILDINGS, CLUSTERS, GONGSHU } from './catalogue'
import { buildParcels } from './parcels'
import { buildParks } from './parks'
import { buildTargets } from './targets'
import { addDays } from './dates'
import { createRandom, type Random } from './random'
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
  const parcels = buildParcels(random)
  const parks = buildParks(random)
  const dataset = {
    clusters: CLUSTERS.map(({ centre: _centre, ...cluster }) => cluster),
    buildings: built.map((b) => b.building),
    tenants: built.flatMap((b) => b.tenants),
    leases: built.flatMap((b) => b.leases),
    parcels,
    parks,
    targets: buildTargets(options.today),
  }
  return withSurveyDates(dataset, options.today, createRandom((options.seed ?? DEMO_SEED) + 1))
}

/**
 * When each record was last confirmed on site, so the demo shows freshness as a survey season
 * leaves it: most buildings walked within the last three months, some long ago, a few floors of
 * fresh buildings overdue, parcels spread over the year. Drawn from a random of its own, so the
 * rest of the dataset is the same with or without it.
 */
function withSurveyDates(data: DemoDataset, today: string, random: Random): DemoDataset {
  const daysAgo = (max: number) => addDays(today, -random.int(0, max))
  return {
    ...data,
    buildings: data.buildings.map((b) => {
      const walked = random.int(0, 9) < 7 ? daysAgo(80) : addDays(today, -random.int(100, 300))
      // In about one building in four, a floor or two was missed on the last walk.
      const labels = [...new Set(b.spaces.map((s) => s.floorLabel))]
      const missed = new Set<string>()
      if (labels.length > 0 && random.int(0, 3) === 0) for (let i = random.int(1, 2); i > 0; i--) missed.add(random.pick(labels))
      const overdue = addDays(today, -random.int(100, 200))
      return { ...b, verifiedAt: walked, spaces: b.spaces.map((s) => ({ ...s, verifiedAt: missed.has(s.floorLabel) ? overdue : walked })) }
    }),
    parcels: data.parcels.map((p) => ({ ...p, verifiedAt: daysAgo(300) })),
  }
}
