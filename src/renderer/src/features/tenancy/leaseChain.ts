import type { Lease } from '../../../../shared/types'

/** The lease's renewal chain, oldest term first: the leases it renews and those renewing it. */
export function leaseChain(lease: Lease, leases: readonly Lease[]): Lease[] {
  const byId = new Map(leases.map((l) => [l.id, l]))
  const chain: Lease[] = [lease]
  const seen = new Set([lease.id])
  for (let back = lease.renewsLeaseId ? byId.get(lease.renewsLeaseId) : undefined; back && !seen.has(back.id); back = back.renewsLeaseId ? byId.get(back.renewsLeaseId) : undefined) {
    chain.unshift(back)
    seen.add(back.id)
  }
  for (let next = leases.find((l) => l.renewsLeaseId === lease.id); next && !seen.has(next.id); next = leases.find((l) => l.renewsLeaseId === next!.id)) {
    chain.push(next)
    seen.add(next.id)
  }
  return chain
}
