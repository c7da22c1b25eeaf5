import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { today } from '../../src/main/store/leases'
import type { SpaceStatus } from '../../src/shared/domain'
import { addDays } from '../../src/shared/tenancy'
import { monthEnds } from '../../src/shared/trend'
import { openTestApp, type TestApp } from '../helpers/store'

// Trends and the watch list against a real store whose history is written through the services on
// chosen days (fake Date: the writer stamps the change log with it). Days are placed in the months
// of the 24-month window ending today, so the figures hold whenever the tests run.
describe('stats.trend and stats.watch', () => {
  let app: TestApp
  let day: string
  let months: Array<{ month: string; day: string }>
  /** Day `dd` of the k-th month of the window (0 = the oldest). */
  const mon = (k: number, dd: number) => `${months[k]!.month}-${String(dd).padStart(2, '0')}`
  const at = (d: string) => vi.setSystemTime(new Date(`${d}T12:00:00`))

  beforeEach(async () => {
    app = await openTestApp()
    day = await today(app.store.db)
    months = monthEnds(day, 24)
  })
  afterEach(async () => {
    vi.useRealTimers()
    await app.close()
  })

  const space = async (buildingId: string, floorLabel: string, area: number, status: SpaceStatus = 'vacant') =>
    (await app.ok('spaces.create', { buildingId, floorLabel, area, status })).id
  const statusOf = async (id: string) => (await app.store.db.selectFrom('spaces').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status

  /**
   * The history:
   * - month 0, day 5: towers A and B (沈河区), C (和平区, built in the year of month 12), entered with
   *   their spaces: A 1F 1000 and 2F 500, B 1F 800, C 1F 600; all vacant;
   * - A 1F leased from month 2 day 10 to month 7 day 15 (leased in "March", vacated in "August");
   * - A 2F leased from month 4 day 1 to today (a lease ending today);
   * - month 5 day 10: B deleted;
   * - month 8 day 10: A 3F 400 added;
   * - C 1F leased by a registered tenant paying 2,000,000 from month 1 on; its tax falls to
   *   1,000,000 on month 15 day 10;
   * - today: tower D (大东区) 1F 400 leased to 60 days on, 2F 600 to 300 days on (40% ending within 90 days).
   */
  async function history() {
    vi.useFakeTimers({ toFake: ['Date'] })
    at(mon(0, 5))
    const builtYear = Number(months[12]!.month.slice(0, 4))
    const a = (await app.ok('buildings.create', { name: '华润大厦', districtCode: '210103' })).id
    const b = (await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })).id
    const c = (await app.ok('buildings.create', { name: '新地中心', districtCode: '210102', yearBuilt: builtYear })).id
    const a1 = await space(a, '1', 1000)
    const a2 = await space(a, '2', 500)
    await space(b, '1', 800)
    const c1 = await space(c, '1', 600)
    const x = (await app.ok('tenants.create', { name: '沈阳数智科技有限公司' })).id
    const y = (await app.ok('tenants.create', { name: '辽宁金廊商贸有限公司' })).id
    const w = (await app.ok('tenants.create', { name: '盛京软件有限公司', registeredInDistrict: true, annualTax: 2_000_000 })).id
    await app.ok('leases.create', { tenantId: x, spaceIds: [a1], startDate: mon(2, 10), endDate: mon(7, 15) })
    await app.ok('leases.create', { tenantId: y, spaceIds: [a2], startDate: mon(4, 1), endDate: day })
    await app.ok('leases.create', { tenantId: w, spaceIds: [c1], startDate: mon(1, 1), endDate: addDays(day, 400) })
    at(mon(5, 10))
    await app.ok('buildings.delete', { id: b })
    at(mon(8, 10))
    const a3 = await space(a, '3', 400)
    at(mon(15, 10))
    await app.ok('tenants.update', { id: w, annualTax: 1_000_000 })
    vi.useRealTimers()
    const d = (await app.ok('buildings.create', { name: '金廊大厦', districtCode: '210104' })).id
    const d1 = await space(d, '1', 400)
    const d2 = await space(d, '2', 600)
    await app.ok('leases.create', { tenantId: x, spaceIds: [d1], startDate: addDays(day, -30), endDate: addDays(day, 60) })
    await app.ok('leases.create', { tenantId: y, spaceIds: [d2], startDate: addDays(day, -30), endDate: addDays(day, 300) })
    return { a, b, c, d, a1, a2, a3, c1, builtYear }
  }

  it('rebuilds each month end of 沈河区 from the log and the lease dates; today as stored', async () => {
    const h = await history()
    // Today as stored: the lapsed lease left A 1F vacant, the lease ending today still holds A 2F.
    expect([await statusOf(h.a1), await statusOf(h.a2), await statusOf(h.a3)]).toEqual(['vacant', 'leased', 'vacant'])
    const { points, basis } = await app.ok('stats.trend', { within: { districtCode: '210103' } })
    expect(basis).toContain('租约')
    expect(points.map((p) => p.month)).toEqual(months.map((m) => m.month))
    expect(points.at(-1)!.day).toBe(day)
    const expected = (k: number) => {
      if (k < 2) return { leasableArea: 2300, vacantArea: 2300, leasedArea: 0 } // A 1500 + B 800, all vacant
      if (k < 4) return { leasableArea: 2300, vacantArea: 1300, leasedArea: 1000 } // A 1F leased from month 2
      if (k < 5) return { leasableArea: 2300, vacantArea: 800, leasedArea: 1500 } // A 2F too from month 4
      if (k < 7) return { leasableArea: 1500, vacantArea: 0, leasedArea: 1500 } // B deleted in month 5
      if (k < 8) return { leasableArea: 1500, vacantArea: 1000, leasedArea: 500 } // A 1F vacated in month 7
      return { leasableArea: 1900, vacantArea: 1400, leasedArea: 500 } // A 3F added in month 8; A 2F's lease ends today
    }
    points.forEach((p, k) => {
      const e = expected(k)
      expect(p, p.month).toMatchObject({ ...e, vacancyRate: e.vacantArea / e.leasableArea, occupancyRate: e.leasedArea / e.leasableArea })
    })
  })

  it('counts a building from its year built, follows the map scope, and districts add up to the whole', async () => {
    const h = await history()
    const c = await app.ok('stats.trend', { within: { buildingId: h.c } })
    c.points.forEach((p) => {
      const built = Number(p.day.slice(0, 4)) >= h.builtYear
      // C 1F: leased from month 1 on (before that, vacant), only once the building stands.
      expect(p.leasableArea, p.month).toBe(built ? 600 : 0)
      expect(p.leasedArea, p.month).toBe(built && p.day >= mon(1, 1) ? 600 : 0)
    })
    const scoped = await app.ok('stats.trend', { months: 6, scope: { buildingIds: [h.c] } })
    expect(scoped.points).toEqual(c.points.slice(-6))
    const all = await app.ok('stats.trend', {})
    const parts = await Promise.all(['210103', '210102', '210104'].map((code) => app.ok('stats.trend', { within: { districtCode: code } })))
    all.points.forEach((p, k) => {
      for (const key of ['leasableArea', 'vacantArea', 'leasedArea'] as const) expect(p[key]).toBe(parts.reduce((s, t) => s + t.points[k]![key], 0))
    })
    // Today's point is the store's figures (the buildings' own).
    const { building } = await app.ok('buildings.get', { id: h.a })
    const a = await app.ok('stats.trend', { within: { buildingId: h.a } })
    expect(a.points.at(-1)).toMatchObject({ leasableArea: building.leasableArea, vacantArea: building.vacantArea })
  })

  it('lists buildings whose occupancy or tax fell since a day, or whose leases ending soon cover a large share', async () => {
    const h = await history()
    // Since month 6: A was fully let (1500 of 1500) and is at 500 of 1900 now.
    const sinceSix = await app.ok('stats.watch', { since: mon(6, 20) })
    expect(sinceSix).toEqual([
      { buildingId: h.a, name: '华润大厦', districtName: '沈河区', reasons: [{ kind: 'occupancy', then: 1, now: 500 / 1900 }] },
      { buildingId: h.d, name: '金廊大厦', districtName: '大东区', reasons: [{ kind: 'ending', area: 400, share: 0.4, days: 90 }] },
      { buildingId: h.c, name: '新地中心', districtName: '和平区', reasons: [{ kind: 'tax', then: 2_000_000, now: 1_000_000 }] },
    ].sort((p, q) => q.reasons.length - p.reasons.length || p.name.localeCompare(q.name, 'zh-CN')))
    // Since month 14: A stood as now; C's tax has fallen by half since.
    const sinceFourteen = await app.ok('stats.watch', { since: mon(14, 20), endingShare: 0.5 })
    expect(sinceFourteen).toEqual([{ buildingId: h.c, name: '新地中心', districtName: '和平区', reasons: [{ kind: 'tax', then: 2_000_000, now: 1_000_000 }] }])
    // Thresholds: a fall of exactly 50% is not more than 50%; D's second lease ends in 300 days, outside 180.
    expect(await app.ok('stats.watch', { since: mon(14, 20), taxDrop: 0.5, endingShare: 0.5 })).toEqual([])
    expect(await app.ok('stats.watch', { since: mon(14, 20), taxDrop: 0.5, endingDays: 180, endingShare: 0.39 })).toEqual([
      { buildingId: h.d, name: '金廊大厦', districtName: '大东区', reasons: [{ kind: 'ending', area: 400, share: 0.4, days: 180 }] },
    ])
    // The scope narrows; a day to come is refused.
    expect(await app.ok('stats.watch', { since: mon(6, 20), scope: { buildingIds: [h.c] } })).toHaveLength(1)
    expect(await app.call('stats.watch', { since: addDays(day, 1) })).toMatchObject({ ok: false, error: { field: 'since', message: '对比日期：应不晚于今天' } })
  })
})
