import type { SpaceStatus } from './domain'

// The rules tying a space's status to its leases over time, shared by the services (coming free,
// "as of" a future date) and anything that shows them. Dates are ISO calendar days (YYYY-MM-DD),
// compared as text; a lease's days are inclusive at both ends.

/** A lease's term: a missing start is "from ever", a missing end is open. */
export interface LeaseTerm {
  id: string
  startDate: string | null
  endDate: string | null
  /** The lease this one renews (a new term continuing it), if any. */
  renewsLeaseId?: string | null
}

/** The space as stored today. */
export interface SpaceState {
  status: SpaceStatus
  /**
   * The day its status was last set (from the change log), if known. A 'leased' status set after
   * every lease of the space had ended was set by a person, not by a lease: it stays.
   */
  statusSetOn?: string | null
}

/** Whether the lease covers the day: start ≤ day ≤ end, a missing bound open. */
export const leaseCovers = (lease: Pick<LeaseTerm, 'startDate' | 'endDate'>, day: string): boolean =>
  (lease.startDate === null || lease.startDate <= day) && (lease.endDate === null || day <= lease.endDate)

/** Statuses a person sets that no lease changes: sold and owner-occupied space is off the market. */
const KEPT_STATUSES: ReadonlySet<SpaceStatus> = new Set(['sold', 'owner_occupied'])

/**
 * A space's status on `day` from its (live) leases: sold and owner-occupied stay; leased while a
 * lease covers the day; after its leases have ended, vacant — unless the person set 'leased' by
 * hand (the space never had a lease, or the status was set after the last lease ended). Between
 * two leases (a gap) the space is vacant; a lease ending on `day` still covers it.
 */
export function spaceStatusOn(space: SpaceState, leases: readonly LeaseTerm[], day: string): SpaceStatus {
  if (KEPT_STATUSES.has(space.status)) return space.status
  if (leases.some((l) => leaseCovers(l, day))) return 'leased'
  if (space.status !== 'leased') return space.status
  if (leases.length === 0) return 'leased'
  // A lease that has not started by `day` took the space off the market only from its start.
  const ended = leases.filter((l) => l.endDate !== null && l.endDate < day)
  if (ended.length === 0) return 'vacant'
  const lastEnd = ended.reduce((latest, l) => (l.endDate! > latest ? l.endDate! : latest), '')
  if (space.statusSetOn && space.statusSetOn > lastEnd) return 'leased'
  return 'vacant'
}

/** The ISO day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** The ISO day `n` calendar months after `day`, the day of month clamped (11-30 + 3 → 02-28). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const monthIndex = y * 12 + (m - 1) + n
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex % 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export const COMING_FREE_MONTHS = [3, 6, 12] as const
export type ComingFreeMonths = (typeof COMING_FREE_MONTHS)[number]

/** A lease with the spaces it covers, as the coming-free rule reads it. */
export interface LeaseOfSpaces extends LeaseTerm {
  spaceIds: readonly string[]
}

export interface FreeingSpace {
  leaseId: string
  spaceId: string
  endDate: string
}

/**
 * The spaces whose lease ends from `today` to `today` + `months` months (inclusive) and that no
 * other lease takes on the day after (a renewal continuing it, or the next tenant's lease starting
 * at once), sorted by end date. A renewal pointing at the lease frees nothing even with a gap: the
 * tenant stays. `leases` are the live leases of every space concerned.
 */
export function comingFree(leases: readonly LeaseOfSpaces[], today: string, months: number): FreeingSpace[] {
  const until = addMonths(today, months)
  const renewed = new Set(leases.map((l) => l.renewsLeaseId).filter((id): id is string => !!id))
  const bySpace = new Map<string, LeaseOfSpaces[]>()
  for (const lease of leases) {
    for (const spaceId of lease.spaceIds) bySpace.set(spaceId, [...(bySpace.get(spaceId) ?? []), lease])
  }
  const out: FreeingSpace[] = []
  for (const lease of leases) {
    const end = lease.endDate
    if (end === null || end < today || end > until || renewed.has(lease.id)) continue
    const next = addDays(end, 1)
    for (const spaceId of lease.spaceIds) {
      const others = (bySpace.get(spaceId) ?? []).filter((l) => l.id !== lease.id)
      if (others.some((l) => leaseCovers(l, next))) continue
      out.push({ leaseId: lease.id, spaceId, endDate: end })
    }
  }
  return out.sort((a, b) => a.endDate.localeCompare(b.endDate) || a.leaseId.localeCompare(b.leaseId) || a.spaceId.localeCompare(b.spaceId))
}

/** Vacancy and occupancy of some spaces on one day: the building figures' rule (figures.ts). */
export interface AreaFigures {
  leasableArea: number
  vacantArea: number
  leasedArea: number
  vacancyRate: number | null
  occupancyRate: number | null
}

const LEASABLE: ReadonlySet<SpaceStatus> = new Set(['vacant', 'leased', 'reserved'])

/** Summed areas with their rates (null when nothing is leasable): the one place rates are divided out. */
export function withRates(leasableArea: number, vacantArea: number, leasedArea: number): AreaFigures {
  return {
    leasableArea,
    vacantArea,
    leasedArea,
    vacancyRate: leasableArea > 0 ? vacantArea / leasableArea : null,
    occupancyRate: leasableArea > 0 ? leasedArea / leasableArea : null,
  }
}

export function areaFigures(spaces: Iterable<{ status: SpaceStatus; area: number }>): AreaFigures {
  let leasableArea = 0
  let vacantArea = 0
  let leasedArea = 0
  for (const s of spaces) {
    if (LEASABLE.has(s.status)) leasableArea += s.area
    if (s.status === 'vacant') vacantArea += s.area
    if (s.status === 'leased') leasedArea += s.area
  }
  return withRates(leasableArea, vacantArea, leasedArea)
}
