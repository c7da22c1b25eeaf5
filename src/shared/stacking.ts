import { parseFloorLabel, storeyLabel, storeyRange, unitKey } from './floors'
import { addMonths } from './tenancy'

// The stacking plan (楼宇剖面) as data: a building's floors top to bottom, the largest contiguous
// vacant block, the units a generated floor gets. Pure, so the renderer draws it and the tests
// check it without a store.

/** A floor as the largest-block rule reads it: its sort key, all its area, its vacant area. */
export interface FloorArea {
  label: string
  sort: number
  area: number
  vacant: number
}

export interface VacantBlock {
  area: number
  /** The floors the block covers, as their labels, top first; empty when nothing is vacant. */
  labels: string[]
}

/**
 * The largest contiguous vacant block (最大连续空置面积), the rule of src/main/store/spaceFold.ts:
 * the vacant area of one floor, or of a run of adjacent floors each vacant from wall to wall (a
 * floor only partly vacant breaks the run). B1 and 1 are adjacent (there is no floor 0). Floors
 * may come in any order; a tie keeps the higher floor(s), which is where the plan's eye starts.
 */
export function largestVacantBlock(floors: readonly FloorArea[]): VacantBlock {
  const sorted = [...floors].sort((a, b) => b.sort - a.sort)
  let best: VacantBlock = { area: 0, labels: [] }
  const consider = (area: number, labels: string[]) => {
    if (area > best.area + 1e-9) best = { area, labels }
  }
  let run: { area: number; labels: string[]; last: number } | null = null
  for (const f of sorted) {
    consider(f.vacant, [f.label])
    const whole = f.area > 0 && f.vacant >= f.area - 1e-6
    if (!whole) {
      run = null
      continue
    }
    const storey = f.sort < 0 ? f.sort + 1 : f.sort
    if (run && run.last === storey + 1) run = { area: run.area + f.vacant, labels: [...run.labels, f.label], last: storey }
    else run = { area: f.vacant, labels: [f.label], last: storey }
    if (run.labels.length > 1) consider(run.area, run.labels)
  }
  return best
}

/** A space as the plan needs it. */
export interface PlanSpace {
  id: string
  floorLabel: string
  unit: string | null
  area: number
  status: string
}

/** A lease as the plan needs it: which spaces, until when. */
export interface PlanLease {
  spaceIds: string[]
  endDate: string | null
}

export type EndingSoon = 'within6' | 'within12'

export interface PlanFloor {
  label: string
  sort: number
  spaces: PlanSpace[]
  area: number
  vacant: number
}

export interface StackingPlan {
  /** Top floor first; storeys of the building with no space yet appear empty. */
  floors: PlanFloor[]
  block: VacantBlock
  /** Spaces whose current lease ends within 6 or 12 months of `today`. */
  ending: Map<string, EndingSoon>
  /** Largest floor area: the width every floor's blocks are drawn against. */
  widest: number
}

// Calendar months are counted by shared/tenancy.ts (one implementation), re-exported for this module's users.
export { addMonths }

/** Which spaces' leases end soon: a lease ending on or after today and within 6 (else 12) months. */
export function leasesEnding(leases: readonly PlanLease[], today: string): Map<string, EndingSoon> {
  const six = addMonths(today, 6)
  const twelve = addMonths(today, 12)
  const out = new Map<string, EndingSoon>()
  for (const l of leases) {
    if (!l.endDate || l.endDate < today || l.endDate > twelve) continue
    const mark: EndingSoon = l.endDate <= six ? 'within6' : 'within12'
    for (const id of l.spaceIds) if (out.get(id) !== 'within6') out.set(id, mark)
  }
  return out
}

/** Natural order of units on a floor: 1201 before 1202, 2 before 10, A before B. */
export const compareUnits = (a: string | null, b: string | null): number =>
  unitKey(a).localeCompare(unitKey(b), 'zh-CN', { numeric: true })

/**
 * The plan of a building: its spaces grouped by floor, top first, with the storeys it has
 * (floorsAbove, floorsBelow) shown even when empty so a walk can start from an empty tower.
 */
export function stackingPlan(
  spaces: readonly PlanSpace[],
  leases: readonly PlanLease[],
  today: string,
  storeys: { above: number | null; below: number | null } = { above: null, below: null },
): StackingPlan {
  const floors = new Map<string, PlanFloor>()
  const floorOf = (label: string) => {
    let floor = floors.get(label)
    if (!floor) {
      floor = { label, sort: parseFloorLabel(label).sort, spaces: [], area: 0, vacant: 0 }
      floors.set(label, floor)
    }
    return floor
  }
  const empty = storeyRange(-(storeys.below ?? 0), storeys.above ?? 0)
  for (const s of empty) floorOf(storeyLabel(s))
  for (const space of spaces) {
    const floor = floorOf(parseFloorLabel(space.floorLabel).label)
    floor.spaces.push(space)
    floor.area += space.area
    if (space.status === 'vacant') floor.vacant += space.area
  }
  const list = [...floors.values()].sort((a, b) => b.sort - a.sort || a.label.localeCompare(b.label))
  for (const f of list) f.spaces.sort((a, b) => compareUnits(a.unit, b.unit))
  return {
    floors: list,
    block: largestVacantBlock(list),
    ending: leasesEnding(leases, today),
    widest: Math.max(0, ...list.map((f) => f.area)),
  }
}

/** The units a generated floor gets: floor 12 with 4 units → 1201 … 1204; B1 → B101 …. */
export function generatedUnits(storey: number, count: number): string[] {
  const width = count >= 100 ? 3 : 2
  return Array.from({ length: count }, (_, i) => `${storeyLabel(storey)}${String(i + 1).padStart(width, '0')}`)
}

/** A space's unit moved to another floor: 1201 on floor 12 becomes 1501 on 15; others stay. */
export function unitOnFloor(unit: string | null, fromStorey: number, toStorey: number): string | null {
  if (unit === null) return null
  const from = storeyLabel(fromStorey)
  const rest = unit.slice(from.length)
  if (unit.toUpperCase().startsWith(from) && /^\d/.test(rest) && rest.length >= 2) return `${storeyLabel(toStorey)}${rest}`
  return unit
}

/** The two units a split space gets: 1201 → 1201A / 1201B; no unit → A / B. */
export function splitUnits(unit: string | null): [string, string] {
  const base = unit ?? ''
  return [`${base}A`, `${base}B`]
}

/** The unit of merged spaces: 1201A + 1201B → 1201; otherwise the first and last joined, 1201-1203. */
export function mergedUnit(units: ReadonlyArray<string | null>): string | null {
  const named = units.filter((u): u is string => !!u && u.trim() !== '').sort((a, b) => compareUnits(a, b))
  if (named.length === 0) return null
  const bases = new Set(named.map((u) => u.replace(/[A-Za-z]$/, '')))
  if (bases.size === 1 && named.every((u) => /[A-Za-z]$/.test(u))) return [...bases][0] || named[0]!
  return named.length === 1 ? named[0]! : `${named[0]}-${named[named.length - 1]}`
}
