import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { today } from '../../src/main/store/leases'
import type { StatsRollup } from '../../src/shared/stats'
import { addDays } from '../../src/shared/tenancy'
import { openTestApp, type TestApp } from '../helpers/store'

// The trend and the watch list agree with the rollups and a building's own page: the same groups
// (a deleted cluster is "no cluster") and the same tax (a lease with no live space keeps it).
describe('trend and watch agree with the rollups and the building page', () => {
  let app: TestApp
  let day: string
  beforeEach(async () => {
    app = await openTestApp()
    day = await today(app.store.db)
  })
  afterEach(async () => {
    vi.useRealTimers()
    await app.close()
  })

  it('puts a building whose cluster was deleted in "no cluster", as the rollup does; today equals the rollup', async () => {
    const { id: cluster } = await app.ok('clusters.create', { name: '惠工方圆金融楼宇集聚区', districtCode: '210103' })
    const { id: inGone } = await app.ok('buildings.create', { name: '华润大厦', districtCode: '210103', clusterId: cluster })
    const { id: loose } = await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })
    await app.ok('spaces.create', { buildingId: inGone, floorLabel: '1', area: 999.1, status: 'vacant' })
    await app.ok('spaces.create', { buildingId: inGone, floorLabel: '2', area: 1.2, status: 'vacant' })
    await app.ok('spaces.create', { buildingId: loose, floorLabel: '1', area: 800.7, status: 'leased' })
    await app.ok('clusters.delete', { id: cluster })

    const rollup = (await app.ok('stats.rollup', { by: 'cluster' })) as StatsRollup
    const none = rollup.rows.find((r) => r.key === null)!
    expect(none.leasableArea).toBeCloseTo(1801, 6)
    const trend = await app.ok('stats.trend', { months: 3, within: { clusterId: null } })
    const last = trend.points.at(-1)!
    expect(last.leasableArea).toBe(Math.round(none.leasableArea * 100) / 100)
    expect(last.vacantArea).toBe(Math.round(none.vacantArea * 100) / 100)
    // The whole store's today point is the rollup total's, to 0.01 m².
    const all = (await app.ok('stats.trend', { months: 3 })).points.at(-1)!
    expect(all.leasableArea).toBe(Math.round(rollup.total.leasableArea * 100) / 100)
    expect(all.vacantArea).toBe(Math.round(rollup.total.vacantArea * 100) / 100)
  })

  it('keeps the tax of a lease with no live space in the watch list, then and now, equal to the building page', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(`${addDays(day, -60)}T12:00:00`))
    const { id: tower } = await app.ok('buildings.create', { name: '金廊大厦', districtCode: '210104' })
    const { id: floor } = await app.ok('spaces.create', { buildingId: tower, floorLabel: '9', area: 600, status: 'vacant' })
    const { id: tenant } = await app.ok('tenants.create', { name: '盛京软件有限公司', registeredInDistrict: true, annualTax: 3_000_000 })
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [floor], startDate: addDays(day, -100) })
    vi.setSystemTime(new Date(`${addDays(day, -30)}T12:00:00`))
    await app.ok('tenants.update', { id: tenant, annualTax: 1_000_000 })
    vi.useRealTimers()
    // Older files can hold a lease whose spaces are all gone (the app refuses to delete a leased space).
    app.store.sqlite.prepare(`UPDATE spaces SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?`).run(floor)

    const { building } = await app.ok('buildings.get', { id: tower })
    expect(building.annualTax).toBe(1_000_000)
    const watch = await app.ok('stats.watch', { since: addDays(day, -45) })
    expect(watch).toEqual([{ buildingId: tower, name: '金廊大厦', districtName: '大东区', reasons: [{ kind: 'tax', then: 3_000_000, now: building.annualTax }] }])
  })
})
