import type { SpaceStatus } from '../../../shared/domain'
import { round } from '../demo/random'
import type { BuildingPlan } from './buildings'
import type { GenRandom } from './random'
import type { GenSpace } from './types'

// A building's recorded spaces: how its share of the spaces is laid over its floors, and which of
// them are vacant, leased, reserved, sold or used by the owner.

type Layout = Pick<GenSpace, 'floorLabel' | 'unit' | 'area'>

/** `count` spaces over the building's floors: whole floors, merged floors ("12-13") or split units. */
export function layoutSpaces(random: GenRandom, plan: BuildingPlan, count: number): Layout[] {
  const spaces: Layout[] = []
  if (count === 0) return spaces
  if (plan.kind === 'industrial' && plan.floorsAbove === 1) {
    // Single-storey plants, each its own unit.
    for (let k = 1; k <= count; k++) spaces.push({ floorLabel: '1', unit: `${k}#厂房`, area: round(plan.plate * random.float(0.7, 1.3, 3), 1) })
    return spaces
  }
  const floors = Array.from({ length: plan.floorsAbove - plan.officeFrom + 1 }, (_, i) => plan.officeFrom + i)
  const plateOf = () => plan.plate * random.float(0.96, 1.04, 3)
  if (count < floors.length) {
    // Fewer spaces than floors: contiguous blocks of floors let as one ("23-25").
    const cuts = random.shuffle(floors.slice(1)).slice(0, count - 1).sort((a, b) => a - b)
    const starts = [floors[0]!, ...cuts]
    starts.forEach((start, i) => {
      const end = (starts[i + 1] ?? plan.floorsAbove + 1) - 1
      let area = 0
      for (let f = start; f <= end; f++) area += plateOf()
      spaces.push({ floorLabel: start === end ? String(start) : `${start}-${end}`, unit: null, area: round(area, 1) })
    })
    return spaces
  }
  // At least one space per floor; the extra ones split random floors into units.
  const units = floors.map(() => 1)
  for (let extra = count - floors.length; extra > 0; extra--) units[random.int(0, floors.length - 1)]! += 1
  floors.forEach((floor, i) => {
    const plate = plateOf()
    const n = units[i]!
    if (n === 1) {
      spaces.push({ floorLabel: String(floor), unit: null, area: round(plate, 1) })
      return
    }
    const weights = Array.from({ length: n }, () => random.float(0.6, 1.4, 3))
    const sum = weights.reduce((a, b) => a + b, 0)
    weights.forEach((w, k) => {
      const unit = plan.kind === 'industrial' && n <= 8 ? `${'ABCDEFGH'[k]}区` : String(k + 1).padStart(2, '0')
      spaces.push({ floorLabel: String(floor), unit, area: Math.max(1, round((plate * w) / sum, 1)) })
    })
  })
  return spaces
}

/**
 * Statuses by area: sold floors in strata-sold towers, sometimes the owner's own top floors, then
 * vacant spaces drawn until their area is as close as it gets to the plan's vacancy (never above
 * 62 % of the market), a few reserved, the rest leased.
 */
export function assignStatuses(random: GenRandom, plan: BuildingPlan, areas: number[]): SpaceStatus[] {
  const statuses: SpaceStatus[] = new Array<SpaceStatus>(areas.length).fill('leased')
  let market = areas.map((_, i) => i)
  if (plan.ownership === 'strata') {
    const sold = new Set(random.shuffle(market).slice(0, Math.round(areas.length * random.float(0.2, 0.45))))
    for (const i of sold) statuses[i] = 'sold'
    market = market.filter((i) => !sold.has(i))
  } else if (areas.length > 6 && plan.kind !== 'industrial' && random.chance(0.3)) {
    const own = market.slice(-random.int(1, 2))
    for (const i of own) statuses[i] = 'owner_occupied'
    market = market.filter((i) => !own.includes(i))
  }
  const marketArea = market.reduce((sum, i) => sum + areas[i]!, 0)
  const target = marketArea * plan.vacancy
  let vacant = 0
  let reserved = plan.vacancy > 0 ? Math.round(market.length * 0.04) : 0
  for (const i of random.shuffle(market)) {
    const area = areas[i]!
    if (vacant + area / 2 < target && vacant + area <= marketArea * 0.62) {
      statuses[i] = 'vacant'
      vacant += area
    } else if (reserved > 0) {
      statuses[i] = 'reserved'
      reserved -= 1
    }
  }
  return statuses
}

