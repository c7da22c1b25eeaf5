import { describe, expect, it } from 'vitest'
import { addDays, addMonths, areaFigures, comingFree, type LeaseOfSpaces, spaceStatusOn } from '../../src/shared/tenancy'

const lease = (id: string, startDate: string | null, endDate: string | null, renewsLeaseId: string | null = null) => ({
  id, startDate, endDate, renewsLeaseId,
})

describe('a space status on a date, from its leases', () => {
  const leased = { status: 'leased' as const }

  it('is leased while a lease covers the day, vacant from the day after its end (a lease ending today)', () => {
    const leases = [lease('a', '2025-01-01', '2026-12-01')]
    expect(spaceStatusOn(leased, leases, '2025-01-01')).toBe('leased')
    expect(spaceStatusOn(leased, leases, '2026-12-01')).toBe('leased')
    expect(spaceStatusOn(leased, leases, '2026-12-02')).toBe('vacant')
    // Before the lease starts, nothing covers the space.
    expect(spaceStatusOn(leased, leases, '2024-12-31')).toBe('vacant')
  })

  it('reads a missing start as from ever and a missing end as open', () => {
    expect(spaceStatusOn(leased, [lease('a', null, '2025-06-30')], '1990-01-01')).toBe('leased')
    expect(spaceStatusOn(leased, [lease('a', '2025-01-01', null)], '2099-12-31')).toBe('leased')
  })

  it('stays leased through overlapping leases until the last one ends', () => {
    const leases = [lease('a', '2025-01-01', '2025-12-31'), lease('b', '2025-07-01', '2026-06-30')]
    expect(spaceStatusOn(leased, leases, '2025-09-15')).toBe('leased')
    expect(spaceStatusOn(leased, leases, '2026-01-10')).toBe('leased')
    expect(spaceStatusOn(leased, leases, '2026-07-01')).toBe('vacant')
  })

  it('is vacant in the gap between one lease and the next', () => {
    const leases = [lease('a', '2025-01-01', '2025-03-31'), lease('b', '2025-05-01', '2025-12-31')]
    expect(spaceStatusOn(leased, leases, '2025-03-31')).toBe('leased')
    expect(spaceStatusOn(leased, leases, '2025-04-01')).toBe('vacant')
    expect(spaceStatusOn(leased, leases, '2025-04-30')).toBe('vacant')
    expect(spaceStatusOn(leased, leases, '2025-05-01')).toBe('leased')
  })

  it('stays leased across a renewal that continues the old term', () => {
    const leases = [lease('a', '2023-01-01', '2025-12-31'), lease('r', '2026-01-01', '2028-12-31', 'a')]
    expect(spaceStatusOn(leased, leases, '2025-12-31')).toBe('leased')
    expect(spaceStatusOn(leased, leases, '2026-01-01')).toBe('leased')
    expect(spaceStatusOn(leased, leases, '2029-01-01')).toBe('vacant')
  })

  it('follows an early end: vacant from the day after the new end date', () => {
    const ended = [lease('a', '2024-01-01', '2025-02-15')]
    expect(spaceStatusOn(leased, ended, '2025-02-15')).toBe('leased')
    expect(spaceStatusOn(leased, ended, '2025-02-16')).toBe('vacant')
  })

  it('keeps statuses the person set: sold, owner-occupied, and leased by hand without any lease', () => {
    const leases = [lease('a', '2025-01-01', '2025-06-30')]
    expect(spaceStatusOn({ status: 'sold' }, leases, '2025-03-01')).toBe('sold')
    expect(spaceStatusOn({ status: 'owner_occupied' }, leases, '2026-01-01')).toBe('owner_occupied')
    expect(spaceStatusOn(leased, [], '2030-01-01')).toBe('leased')
    // Set to leased by hand after the last lease ended: the person knows better than the lease.
    expect(spaceStatusOn({ status: 'leased', statusSetOn: '2025-08-01' }, leases, '2026-01-01')).toBe('leased')
    expect(spaceStatusOn({ status: 'leased', statusSetOn: '2025-01-01' }, leases, '2026-01-01')).toBe('vacant')
    // Vacant or reserved space under a lease is leased on the days it covers, as it was before otherwise.
    expect(spaceStatusOn({ status: 'reserved' }, leases, '2025-03-01')).toBe('leased')
    expect(spaceStatusOn({ status: 'reserved' }, leases, '2025-08-01')).toBe('reserved')
    expect(spaceStatusOn({ status: 'vacant' }, leases, '2025-08-01')).toBe('vacant')
  })
})

describe('calendar arithmetic', () => {
  it('adds days across months and years, and months with the day clamped', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2025-06-15', 12)).toBe('2026-06-15')
  })
})

describe('spaces coming free', () => {
  const today = '2026-01-15'
  const of = (id: string, spaceIds: string[], startDate: string | null, endDate: string | null, renewsLeaseId: string | null = null): LeaseOfSpaces =>
    ({ ...lease(id, startDate, endDate, renewsLeaseId), spaceIds })

  const leases = [
    of('ends-today', ['s1'], '2024-01-01', '2026-01-15'),
    of('ended', ['s2'], '2024-01-01', '2026-01-14'),
    of('march', ['s3', 's4'], '2024-01-01', '2026-03-31'),
    of('renewed', ['s5'], '2024-01-01', '2026-02-28'),
    of('renewal', ['s5'], '2026-06-01', '2028-02-28', 'renewed'),
    of('next-tenant', ['s4'], '2026-04-01', '2027-12-31'),
    of('june', ['s6'], null, '2026-07-15'),
    of('open', ['s7'], '2025-01-01', null),
    of('december', ['s8'], '2025-01-01', '2026-12-31'),
    of('next-year', ['s9'], '2025-01-01', '2027-01-16'),
  ]
  const ids = (months: number) => comingFree(leases, today, months).map((f) => `${f.leaseId}/${f.spaceId}`)

  it('lists what ends within 3 months, not renewed nor taken the day after, by end date', () => {
    // s4 is taken by the next tenant from 04-01; s5 renewed (even after a gap); s2 ended yesterday.
    expect(ids(3)).toEqual(['ends-today/s1', 'march/s3'])
  })

  it('widens to 6 and 12 months, the last day inclusive', () => {
    expect(ids(6)).toEqual(['ends-today/s1', 'march/s3', 'june/s6'])
    expect(ids(12)).toEqual(['ends-today/s1', 'march/s3', 'june/s6', 'december/s8'])
    expect(comingFree([of('edge', ['x'], null, '2027-01-15')], today, 12)).toEqual([{ leaseId: 'edge', spaceId: 'x', endDate: '2027-01-15' }])
  })
})

describe('area figures', () => {
  it('counts vacant, leased and reserved space as leasable, sold and owner-occupied not', () => {
    const figures = areaFigures([
      { status: 'vacant', area: 300 },
      { status: 'leased', area: 600 },
      { status: 'reserved', area: 100 },
      { status: 'sold', area: 500 },
      { status: 'owner_occupied', area: 200 },
    ])
    expect(figures).toEqual({ leasableArea: 1000, vacantArea: 300, leasedArea: 600, vacancyRate: 0.3, occupancyRate: 0.6 })
    expect(areaFigures([]).vacancyRate).toBeNull()
  })
})

describe('a lease renewal history', () => {
  it('lists the terms oldest first from any lease of the chain', async () => {
    const { leaseChain } = await import('../../src/renderer/src/features/tenancy/leaseChain')
    const base = { tenantId: 't', tenantName: '某公司', buildingId: 'b', buildingName: '某楼', spaceIds: ['s'], floors: ['5'], area: 500, rent: null, notes: null, isDemo: false, createdAt: '', updatedAt: '', deletedAt: null }
    const first = { ...base, id: 'a', startDate: '2020-01-01', endDate: '2022-12-31', renewsLeaseId: null }
    const second = { ...base, id: 'b', startDate: '2023-01-01', endDate: '2025-12-31', renewsLeaseId: 'a' }
    const third = { ...base, id: 'c', startDate: '2026-01-01', endDate: '2028-12-31', renewsLeaseId: 'b' }
    const other = { ...base, id: 'x', startDate: '2021-01-01', endDate: null, renewsLeaseId: null }
    const all = [third, other, first, second]
    expect(leaseChain(second, all).map((l) => l.id)).toEqual(['a', 'b', 'c'])
    expect(leaseChain(first, all).map((l) => l.id)).toEqual(['a', 'b', 'c'])
    expect(leaseChain(other, all).map((l) => l.id)).toEqual(['x'])
  })
})
