import { describe, expect, it } from 'vitest'
import { areasOnDays, monthEnds, spaceOnDay, type TrendChange, type TrendDay, type TrendSpace } from '../../src/shared/trend'

// The rule that rebuilds a space on a past day (shared/trend.ts), case by case.
const day = (d: string, asStored = false): TrendDay => ({ day: d, before: `${d}T23:59:59.999Z`, asStored })
const space = (over: Partial<TrendSpace> = {}): TrendSpace => ({
  id: 's1', buildingId: 'b1', group: '', status: 'vacant', area: 100, live: true, buildingLive: true, yearBuilt: null, addedAt: null, leases: [], ...over,
})
const change = (over: Partial<TrendChange> & Pick<TrendChange, 'op' | 'at'>): TrendChange => ({ table: 'spaces', rowId: 's1', field: null, oldValue: null, ...over })

describe('monthEnds', () => {
  it('gives the last day of each past month, oldest first, and today for this month', () => {
    expect(monthEnds('2026-03-14', 4)).toEqual([
      { month: '2025-12', day: '2025-12-31' },
      { month: '2026-01', day: '2026-01-31' },
      { month: '2026-02', day: '2026-02-28' },
      { month: '2026-03', day: '2026-03-14' },
    ])
    expect(monthEnds('2024-03-01', 2)[0]).toEqual({ month: '2024-02', day: '2024-02-29' })
    expect(monthEnds('2026-12-01', 24)[0]).toEqual({ month: '2025-01', day: '2025-01-31' })
  })
})

describe('spaceOnDay', () => {
  it('reads the value a later change replaced, else the present one', () => {
    const changes = [
      change({ op: 'update', field: 'status', oldValue: 'reserved', at: '2025-05-02T00:00:00.000Z' }),
      change({ op: 'update', field: 'status', oldValue: 'sold', at: '2025-07-02T00:00:00.000Z' }),
      change({ op: 'update', field: 'area', oldValue: 80, at: '2025-06-02T00:00:00.000Z' }),
    ]
    const s = space()
    expect(spaceOnDay(s, changes, undefined, day('2025-04-30'))).toEqual({ status: 'reserved', area: 80 })
    expect(spaceOnDay(s, changes, undefined, day('2025-05-31'))).toEqual({ status: 'sold', area: 80 })
    expect(spaceOnDay(s, changes, undefined, day('2025-06-30'))).toEqual({ status: 'sold', area: 100 })
    expect(spaceOnDay(s, changes, undefined, day('2025-07-31'))).toEqual({ status: 'vacant', area: 100 })
  })

  it('lets the lease dates decide a space with leases: leased while one covers the day, vacant otherwise; sold stays', () => {
    const leases = [{ id: 'l1', startDate: '2025-03-10', endDate: '2025-08-15' }]
    const s = space({ status: 'vacant', leases })
    expect(spaceOnDay(s, [], undefined, day('2025-02-28'))?.status).toBe('vacant')
    expect(spaceOnDay(s, [], undefined, day('2025-03-31'))?.status).toBe('leased')
    expect(spaceOnDay(s, [], undefined, day('2025-08-15'))?.status).toBe('leased')
    expect(spaceOnDay(space({ status: 'leased', leases }), [], undefined, day('2025-08-31'))?.status).toBe('vacant')
    expect(spaceOnDay(space({ status: 'sold', leases }), [], undefined, day('2025-03-31'))?.status).toBe('sold')
    // With no lease, a space marked leased by hand stays leased.
    expect(spaceOnDay(space({ status: 'leased' }), [], undefined, day('2025-03-31'))?.status).toBe('leased')
  })

  it('leaves out a space deleted by then, a deleted building, a building not yet built, a space added later', () => {
    const deletedLater = [change({ op: 'delete', at: '2025-06-01T00:00:00.000Z' })]
    expect(spaceOnDay(space({ live: false }), deletedLater, undefined, day('2025-05-31'))).not.toBeNull()
    expect(spaceOnDay(space({ live: false }), deletedLater, undefined, day('2025-06-30'))).toBeNull()
    // Deleted, then restored later: gone in between.
    const restored = [change({ op: 'restore', at: '2025-08-01T00:00:00.000Z' })]
    expect(spaceOnDay(space(), restored, undefined, day('2025-07-31'))).toBeNull()
    expect(spaceOnDay(space(), restored, undefined, day('2025-08-31'))).not.toBeNull()
    const buildingGone = [change({ table: 'buildings', rowId: 'b1', op: 'delete', at: '2025-06-01T00:00:00.000Z' })]
    expect(spaceOnDay(space({ buildingLive: false }), undefined, buildingGone, day('2025-05-31'))).not.toBeNull()
    expect(spaceOnDay(space({ buildingLive: false }), undefined, buildingGone, day('2025-06-30'))).toBeNull()
    expect(spaceOnDay(space({ yearBuilt: 2025 }), undefined, undefined, day('2024-12-31'))).toBeNull()
    expect(spaceOnDay(space({ yearBuilt: 2025 }), undefined, undefined, day('2025-01-31'))).not.toBeNull()
    expect(spaceOnDay(space({ addedAt: '2025-09-10T04:00:00.000Z' }), undefined, undefined, day('2025-08-31'))).toBeNull()
    expect(spaceOnDay(space({ addedAt: '2025-09-10T04:00:00.000Z' }), undefined, undefined, day('2025-09-30'))).not.toBeNull()
  })

  it('takes today as stored', () => {
    const changes = [change({ op: 'update', field: 'status', oldValue: 'leased', at: '2025-05-02T00:00:00.000Z' })]
    expect(spaceOnDay(space({ leases: [{ id: 'l', startDate: null, endDate: null }] }), changes, undefined, day('2025-05-01', true))).toEqual({ status: 'vacant', area: 100 })
    expect(spaceOnDay(space({ live: false }), [], undefined, day('2025-05-01', true))).toBeNull()
  })
})

describe('areasOnDays', () => {
  it('sums each group on each day', () => {
    const spaces = [
      space({ id: 'a', group: 'x', area: 300, status: 'leased' }),
      space({ id: 'b', group: 'x', area: 100 }),
      space({ id: 'c', group: 'y', area: 50, status: 'owner_occupied' }),
      space({ id: 'd', group: 'y', area: 70, addedAt: '2025-02-01T00:00:00.000Z' }),
    ]
    const [jan, feb] = areasOnDays(spaces, [], [day('2025-01-31'), day('2025-02-28')])
    expect(jan!.get('x')).toEqual({ leasableArea: 400, vacantArea: 100, leasedArea: 300, vacancyRate: 0.25, occupancyRate: 0.75 })
    expect(jan!.get('y')).toEqual({ leasableArea: 0, vacantArea: 0, leasedArea: 0, vacancyRate: null, occupancyRate: null })
    expect(feb!.get('y')).toMatchObject({ leasableArea: 70, vacantArea: 70 })
  })
})
