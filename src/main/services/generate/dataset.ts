import { allocateSpaces, type BuildingPlan, buildBuilding, planBuilding } from './buildings'
import { buildClusters } from './clusters'
import { NameBook } from './names'
import { buildParcels } from './parcels'
import { buildParks } from './parks'
import { createStream } from './random'
import { buildTenancy } from './tenants'
import type { GeneratedDataset } from './types'

export type { GeneratedDataset } from './types'

/** Spaces per building when `--spaces` is not given. */
export const DEFAULT_SPACES_PER_BUILDING = 15

/** What the command line accepts at most; the builder refuses more. */
export const GENERATE_LIMITS = { buildings: 50_000, parcels: 20_000, spaces: 1_000_000, tenants: 500_000, spacesPerBuilding: 200 } as const

export interface GenerateOptions {
  seed: number
  buildings: number
  parcels: number
  /** Total spaces; DEFAULT_SPACES_PER_BUILDING per building when omitted. */
  spaces?: number
  /** Total companies; by default about 40 % of leased spaces get a lease to one. */
  tenants?: number
  /** Local date (YYYY-MM-DD) lease and availability dates are laid out around. */
  today: string
  /** Called now and then while building: stage (Chinese, for people), done, total. */
  onProgress?: (stage: string, done: number, total: number) => void
}

/**
 * A synthetic inventory of Shenyang: buildings clustered around business centres with their
 * floors and vacancy, companies and leases, parcels on the outskirts, a few clusters and sky
 * parks. Pure: the same options give the same dataset, ids included (only the dates move with
 * `today`). Each part draws from its own random stream, so changing `--parcels` leaves the
 * buildings as they were, and the reverse.
 */
export function buildGeneratedDataset(options: GenerateOptions): GeneratedDataset {
  const { seed, today, onProgress } = options
  const count = options.buildings
  const spaces = options.spaces ?? count * DEFAULT_SPACES_PER_BUILDING
  check('buildings', count, GENERATE_LIMITS.buildings)
  check('parcels', options.parcels, GENERATE_LIMITS.parcels)
  check('spaces', spaces, Math.min(GENERATE_LIMITS.spaces, count * GENERATE_LIMITS.spacesPerBuilding))
  if (options.tenants !== undefined) check('tenants', options.tenants, GENERATE_LIMITS.tenants)
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`generate: seed ${seed} is not a 32-bit unsigned integer`)

  const random = createStream(seed, 'buildings')
  const names = new NameBook()
  const plans: BuildingPlan[] = []
  for (let i = 0; i < count; i++) {
    plans.push(planBuilding(random, i, count, names))
    if ((i + 1) % 2000 === 0) onProgress?.('生成楼宇', i + 1, count)
  }
  const counts = allocateSpaces(plans, spaces)
  const buildings = plans.map((plan, i) => buildBuilding(random, plan, counts[i]!, today))

  const groups = createStream(seed, 'groups')
  const clusters = buildClusters(groups, buildings, plans)
  const parks = buildParks(groups, buildings, plans)

  const { tenants, leases } = buildTenancy(createStream(seed, 'tenants'), buildings, {
    today,
    tenants: options.tenants,
    onProgress: (done, total) => onProgress?.('生成企业', done, total),
  })
  const parcels = buildParcels(createStream(seed, 'parcels'), options.parcels, {
    onProgress: (done, total) => onProgress?.('生成地块', done, total),
  })
  return { seed, clusters, buildings, tenants, leases, parcels, parks }
}

function check(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`generate: ${name} ${value} is not an integer in 0..${max}`)
}
