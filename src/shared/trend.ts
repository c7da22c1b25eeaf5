import type { SpaceStatus } from './domain'
import { type AreaFigures, type LeaseTerm, spaceStatusOn, withRates } from './tenancy'

// Vacancy and occupancy on past days, rebuilt from today's spaces, the change log and lease dates
// (issue 11, trends and the watch list). Most stores were filled by an import or the demo on one
// day, so the log alone knows nothing before it; the rule below reads the log where it knows
// something and the lease dates and years built for the rest:
//
// - a space counts on day D unless, on D, it was deleted (the log), its building was deleted (the
//   log) or not yet built (year built after D's year), or it was added after D to a building that
//   already had its spaces (its insert later than the day its building's first spaces were
//   entered: the first spaces entered describe a building that stood before it was recorded);
// - its status on D is the logged value then (the old value of its first status change after D,
//   else the present one) and its area likewise; but a space with leases takes its rental status
//   from their dates (shared/tenancy.ts spaceStatusOn: leased while a live lease covers D, vacant
//   otherwise; sold and owner-occupied stay);
// - today's figures are the store's as they stand (the rollups' definitions).

/** A space (live or deleted) of a building in the scope, with what the rule reads. */
export interface TrendSpace {
  id: string
  buildingId: string
  /** Figures are summed per group (a building for the watch list, '' for a whole trend). */
  group: string
  status: SpaceStatus
  area: number
  /** Not deleted now. */
  live: boolean
  buildingLive: boolean
  /** The building's 竣工年份, if known. */
  yearBuilt: number | null
  /** When the space was entered (ISO), if that was after its building's first spaces: it did not exist before. */
  addedAt: string | null
  /** Its live leases. */
  leases: LeaseTerm[]
}

/** A change-log row the rule reads: a space's status/area update, a space's or building's delete or restore. */
export interface TrendChange {
  table: 'spaces' | 'buildings'
  rowId: string
  op: 'update' | 'delete' | 'restore'
  field: string | null
  /** The logged old value, parsed. */
  oldValue: unknown
  /** ISO time of the write. */
  at: string
}

export interface TrendDay {
  /** YYYY-MM-DD */
  day: string
  /** The first instant after the day (ISO, as the change log writes times): changes from then on came later. */
  before: string
  /** Today: the spaces as stored, no rebuilding. */
  asStored: boolean
}

/** The first change of `changes` (in log order) at or after `before` that `match` accepts. */
function firstAfter(changes: readonly TrendChange[] | undefined, before: string, match: (c: TrendChange) => boolean): TrendChange | undefined {
  if (!changes) return undefined
  for (const c of changes) if (c.at >= before && match(c)) return c
  return undefined
}

const isExistence = (c: TrendChange) => c.op === 'delete' || c.op === 'restore'
/** Whether a row existed before a later existence change: a later delete says it did, a later restore that it did not. */
const existed = (later: TrendChange | undefined, now: boolean) => (later ? later.op === 'delete' : now)

/** One space on one day, or null when it did not count then. */
export function spaceOnDay(
  space: TrendSpace,
  spaceChanges: readonly TrendChange[] | undefined,
  buildingChanges: readonly TrendChange[] | undefined,
  day: TrendDay,
): { status: SpaceStatus; area: number } | null {
  if (day.asStored) return space.live && space.buildingLive ? { status: space.status, area: space.area } : null
  if (space.yearBuilt !== null && space.yearBuilt > Number(day.day.slice(0, 4))) return null
  if (space.addedAt !== null && space.addedAt >= day.before) return null
  if (!existed(firstAfter(buildingChanges, day.before, isExistence), space.buildingLive)) return null
  if (!existed(firstAfter(spaceChanges, day.before, isExistence), space.live)) return null
  const statusChange = firstAfter(spaceChanges, day.before, (c) => c.op === 'update' && c.field === 'status')
  const areaChange = firstAfter(spaceChanges, day.before, (c) => c.op === 'update' && c.field === 'area')
  const logged = (statusChange ? statusChange.oldValue : space.status) as SpaceStatus
  const area = areaChange && typeof areaChange.oldValue === 'number' ? areaChange.oldValue : space.area
  const status = space.leases.length > 0 ? spaceStatusOn({ status: logged }, space.leases, day.day) : logged
  return { status, area }
}

/** Changes grouped by table and row, each group in log order (the input's order). */
export function changesByRow(changes: readonly TrendChange[]): Map<string, TrendChange[]> {
  const out = new Map<string, TrendChange[]>()
  for (const c of changes) {
    const key = `${c.table}:${c.rowId}`
    const list = out.get(key)
    if (list) list.push(c)
    else out.set(key, [c])
  }
  return out
}

const LEASABLE: ReadonlySet<SpaceStatus> = new Set(['vacant', 'leased', 'reserved'])

/**
 * Vacancy and occupancy per group on each day, in one pass over the spaces, summed as
 * shared/tenancy.ts areaFigures sums them. A space with no change after the first day and no lease
 * stands the same on every day it counts: it is placed without asking the rule day by day.
 */
export function areasOnDays(spaces: readonly TrendSpace[], changes: readonly TrendChange[], days: readonly TrendDay[]): Array<Map<string, AreaFigures>> {
  const byRow = changesByRow(changes)
  const n = days.length
  const years = days.map((d) => Number(d.day.slice(0, 4)))
  const sums = new Map<string, Float64Array>()
  /** Per group: leasable, vacant and leased area for each day, side by side. */
  const sumsOf = (group: string) => {
    let list = sums.get(group)
    if (!list) sums.set(group, (list = new Float64Array(n * 3)))
    return list
  }
  const add = (list: Float64Array, i: number, status: SpaceStatus, area: number) => {
    if (LEASABLE.has(status)) list[i * 3] = list[i * 3]! + area
    if (status === 'vacant') list[i * 3 + 1] = list[i * 3 + 1]! + area
    else if (status === 'leased') list[i * 3 + 2] = list[i * 3 + 2]! + area
  }
  for (const space of spaces) {
    const spaceChanges = byRow.get(`spaces:${space.id}`)
    const buildingChanges = byRow.get(`buildings:${space.buildingId}`)
    const list = sumsOf(space.group)
    if (!spaceChanges && !buildingChanges && space.leases.length === 0) {
      if (!LEASABLE.has(space.status)) continue
      for (let i = 0; i < n; i++) {
        const day = days[i]!
        const counts = day.asStored
          ? space.live && space.buildingLive
          : space.live && space.buildingLive && (space.yearBuilt === null || space.yearBuilt <= years[i]!) && (space.addedAt === null || space.addedAt < day.before)
        if (counts) add(list, i, space.status, space.area)
      }
      continue
    }
    for (let i = 0; i < n; i++) {
      const on = spaceOnDay(space, spaceChanges, buildingChanges, days[i]!)
      if (on) add(list, i, on.status, on.area)
    }
  }
  // Areas to 0.01 m², as every report shows them: summed in another order the same spaces differ
  // in the last bits, and today's point must equal the rollup's figures.
  const cent = (x: number) => Math.round(x * 100) / 100
  const figures = (list: Float64Array, i: number): AreaFigures => withRates(cent(list[i * 3]!), cent(list[i * 3 + 1]!), cent(list[i * 3 + 2]!))
  return days.map((_, i) => new Map([...sums].map(([group, list]) => [group, figures(list, i)])))
}

/** The last day of each of the past `months` months, oldest first; the current month's is today. */
export function monthEnds(today: string, months: number): Array<{ month: string; day: string }> {
  const [y, m] = today.split('-').map(Number) as [number, number]
  const out: Array<{ month: string; day: string }> = []
  for (let k = months - 1; k >= 0; k--) {
    const index = y * 12 + (m - 1) - k
    const year = Math.floor(index / 12)
    const month = (index % 12) + 1
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
    const ym = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
    out.push({ month: ym, day: k === 0 ? today : `${ym}-${String(last).padStart(2, '0')}` })
  }
  return out
}

/** The local calendar day (YYYY-MM-DD) of an ISO instant. */
export function localDayOf(iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** The first instant after the local calendar day `day`, as the change log writes times (ISO, UTC). */
export function endOfLocalDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + 1).toISOString()
}

/** The sentence shown under the trend chart. */
export const TREND_BASIS =
  '按变更记录与租约日期回溯：各月末的空间以当时的状态与面积计（取其后第一次修改前的值），有租约的空间按租约起止日判断已租或空置；' +
  '当时已删除的空间与楼宇、竣工年份晚于当年的楼宇、楼宇首批录入之后新增的空间（新增之前）不计；本月为今天的数据。'
