import type { IndustrySection } from './domain'
import type { Lease, Tenant } from './types'

// What the tenant screens read beyond a Tenant: the picker's hits, the list's rows with their
// buildings, and a tenant's leases over time (past, current, future, renewals chained).

/** How a search hit matched, best first: the picker ranks exact and prefix matches above the rest. */
export type TenantMatch = 'exact' | 'prefix' | 'part' | 'initials'

export interface TenantHit {
  id: string
  name: string
  creditCode: string | null
  industry: IndustrySection | null
  match: TenantMatch
}

/** A building where the tenant holds current leases (not ended: no end date, or ending today or later). */
export interface TenantBuilding {
  id: string
  name: string
  /** Current leases of the tenant in this building. */
  leases: number
  /** Their area, m². */
  area: number
  /** The earliest end date among them; null when none has one. */
  nextEnd: string | null
}

export interface TenantOverviewRow extends Pick<Tenant, 'id' | 'name' | 'creditCode' | 'industry' | 'aboveScale' | 'registeredInDistrict' | 'isDemo'> {
  /** Buildings of its current leases, by name. */
  buildings: TenantBuilding[]
  /** The earliest end date of its current leases. */
  nextEnd: string | null
}

export interface TenantOverview {
  /** Tenants matching the search and filters. */
  total: number
  /** The first of them (all when `total` is within TENANT_OVERVIEW_CAP), ordered by name. */
  rows: TenantOverviewRow[]
}

/** Rows the list answers at most: beyond it the person narrows the list with the search or filters. */
export const TENANT_OVERVIEW_CAP = 20_000

/** A lease as the tenant's page shows it: with the lease it renews, if any. */
export type TenantLease = Lease & { renewsLeaseId: string | null }

export type LeasePhase = 'past' | 'current' | 'future'

/**
 * Where a lease stands on `today` (YYYY-MM-DD): ended before it, starting after it, or current —
 * the same rule as the building figures (a lease ending today is still current).
 */
export function leasePhase(lease: { startDate: string | null; endDate: string | null }, today: string): LeasePhase {
  if (lease.endDate !== null && lease.endDate < today) return 'past'
  if (lease.startDate !== null && lease.startDate > today) return 'future'
  return 'current'
}

/**
 * The leases in date order (earliest start first; no start date first of all), each renewal right
 * after the lease it renews, with how many renewals deep it is (0 for a first lease).
 */
export function leaseTimeline<L extends { id: string; startDate: string | null; endDate: string | null; renewsLeaseId: string | null }>(
  leases: readonly L[],
): Array<{ lease: L; depth: number }> {
  const byStart = [...leases].sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || (a.endDate ?? '9999').localeCompare(b.endDate ?? '9999'))
  const ids = new Set(leases.map((l) => l.id))
  const renewals = new Map<string, L[]>()
  for (const l of byStart) {
    if (l.renewsLeaseId && ids.has(l.renewsLeaseId)) {
      const list = renewals.get(l.renewsLeaseId)
      if (list) list.push(l)
      else renewals.set(l.renewsLeaseId, [l])
    }
  }
  const out: Array<{ lease: L; depth: number }> = []
  const seen = new Set<string>()
  const visit = (l: L, depth: number) => {
    if (seen.has(l.id)) return
    seen.add(l.id)
    out.push({ lease: l, depth })
    for (const next of renewals.get(l.id) ?? []) visit(next, depth + 1)
  }
  for (const l of byStart) if (!l.renewsLeaseId || !ids.has(l.renewsLeaseId)) visit(l, 0)
  // A chain that loops back on itself (not made by the app) is still shown, once each.
  for (const l of byStart) visit(l, 0)
  return out
}
