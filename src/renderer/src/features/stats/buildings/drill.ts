import { ROLLUP_LEVELS, type RollupLevel, type RollupWithin, STATS_GROUPINGS, type StatsGrouping } from '../../../../../shared/stats'

// The buildings tab's drill-down, kept in the address so Back walks it back:
// ?tab=buildings&by=<level shown>&within=<level>:<key>&within=… (one per group opened, outermost
// first; "~" = none, e.g. buildings in no cluster). District → cluster → building → floor;
// a cluster, sky park, kind or grade → building → floor.

/** A group opened: its level and key (null = the "none" group of that level). */
export interface DrillStep {
  level: Exclude<RollupLevel, 'floor'>
  key: string | null
}

export interface Drill {
  /** The grouping picked at the top. */
  root: StatsGrouping
  steps: DrillStep[]
  /** The level the table shows now. */
  by: RollupLevel
}

const NEXT: Record<RollupLevel, RollupLevel | null> = {
  district: 'cluster',
  cluster: 'building',
  park: 'building',
  kind: 'building',
  grade: 'building',
  building: 'floor',
  floor: null,
}

/** The level a group's row opens onto; null = the bottom (floors). */
export const nextLevel = (level: RollupLevel): RollupLevel | null => NEXT[level]

const NONE = '~'
const isLevel = (text: string): text is RollupLevel => (ROLLUP_LEVELS as readonly string[]).includes(text)
const isGrouping = (text: string): text is StatsGrouping => (STATS_GROUPINGS as readonly string[]).includes(text)

/** The drill-down an address describes; anything inconsistent falls back to the top of a grouping. */
export function parseDrill(params: URLSearchParams): Drill {
  const by = params.get('by') ?? ''
  const steps: DrillStep[] = []
  for (const item of params.getAll('within')) {
    const colon = item.indexOf(':')
    const level = item.slice(0, colon)
    const key = item.slice(colon + 1)
    if (colon < 1 || !isLevel(level) || level === 'floor' || key === '') return top(by)
    // Each step must open onto the next one: district then cluster, not district then floor.
    const previous = steps.at(-1)
    if (previous ? nextLevel(previous.level) !== level : !isGrouping(level)) return top(by)
    steps.push({ level, key: key === NONE ? null : key })
  }
  const last = steps.at(-1)
  if (!last) return top(by)
  const shown = nextLevel(last.level)
  if (!shown || shown !== by) return top(steps[0]!.level)
  return { root: steps[0]!.level as StatsGrouping, steps, by: shown }
}

const top = (by: string): Drill => {
  const root = isGrouping(by) ? by : 'district'
  return { root, steps: [], by: root }
}

/** The address of a drill-down (besides the tab and other settings kept there). */
export function drillParams(drill: Drill): Array<[string, string]> {
  return [['by', drill.by], ...drill.steps.map((s): [string, string] => ['within', `${s.level}:${s.key ?? NONE}`])]
}

/** One level down into a row's group; null when the row is a floor (nothing below). */
export function drillInto(drill: Drill, key: string | null): Drill | null {
  const below = nextLevel(drill.by)
  if (drill.by === 'floor' || !below) return null
  return { root: drill.root, steps: [...drill.steps, { level: drill.by, key }], by: below }
}

/** Back to the level where the first `depth` groups are open (0 = the top). */
export function drillUp(drill: Drill, depth: number): Drill {
  const steps = drill.steps.slice(0, depth)
  const last = steps.at(-1)
  return { root: drill.root, steps, by: last ? nextLevel(last.level)! : drill.root }
}

/** What stats.rollup narrows to for the open groups. */
export function withinOf(steps: readonly DrillStep[]): RollupWithin | undefined {
  if (steps.length === 0) return undefined
  const within: RollupWithin = {}
  for (const { level, key } of steps) {
    if (level === 'district') {
      if (key !== null) within.districtCode = key
    } else if (level === 'cluster') within.clusterId = key
    else if (level === 'park') within.parkId = key
    else if (level === 'grade') within.grade = key as RollupWithin['grade']
    else if (level === 'kind') {
      if (key !== null) within.kind = key as NonNullable<RollupWithin['kind']>
    } else within.buildingId = key ?? undefined
  }
  return within
}
