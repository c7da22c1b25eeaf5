import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { inventoryStats } from '../../src/main/store/stats'
import { insertRow, softDeleteRow, write } from '../../src/main/store/writer'
import { openTestApp, type TestApp } from '../helpers/store'

// A small hand-built inventory whose figures are worked out below by hand. Deleted rows of every
// kind are mixed in to prove they do not count.
describe('inventory statistics', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await openTestApp()
    const building = async (name: string, districtCode: string) => (await app.ok('buildings.create', { name, districtCode })).id
    const space = (buildingId: string, floorLabel: string, area: number, status: 'vacant' | 'leased' | 'reserved' | 'sold' | 'owner_occupied') =>
      app.ok('spaces.create', { buildingId, floorLabel, area, status })

    const a = await building('甲楼', '210103')
    await space(a, '10', 1000, 'vacant')
    await space(a, '11', 2000, 'leased')
    await space(a, '12', 500, 'reserved')
    await space(a, '13', 700, 'sold')
    await space(a, '14', 300, 'owner_occupied')
    const gone = await space(a, '15', 999, 'vacant')
    await app.ok('spaces.delete', { id: gone.id })

    const b = await building('乙楼', '210103')
    await space(b, '3', 400, 'vacant')
    await space(b, '4', 600, 'leased')

    const c = await building('丙楼', '210112')
    await space(c, '1', 1000, 'leased')

    await building('丁楼', '330105') // no spaces yet: counted, but nothing leasable

    const d = await building('已删楼', '210103')
    await space(d, '1', 5000, 'vacant')
    await app.ok('buildings.delete', { id: d })
    const e = await building('已删杭州楼', '330102')
    await app.ok('buildings.delete', { id: e })

    await app.ok('parcels.create', { code: 'P1', name: '一号地块', districtCode: '210112', landUse: 'industrial', status: 'listed', area: 10_000 })
    await app.ok('parcels.create', { code: 'P2', name: '二号地块', districtCode: '330105', landUse: 'm0', status: 'reserve', area: 5_000 })
    const p3 = await app.ok('parcels.create', { code: 'P3', name: '三号地块', districtCode: '330105', landUse: 'm0', status: 'reserve', area: 7_000 })
    await app.ok('parcels.delete', { id: p3.id })

    // Tenants, parks and clusters straight through the writer: this test is about the figures.
    await write(app.store.db, app.services.ctx.author, async (w) => {
      await insertRow(w, 'tenants', { name: '规上企业', aboveScale: 1 })
      await insertRow(w, 'tenants', { name: '小微企业一', aboveScale: 0 })
      await insertRow(w, 'tenants', { name: '小微企业二', aboveScale: 0 })
      await softDeleteRow(w, 'tenants', await insertRow(w, 'tenants', { name: '已注销企业', aboveScale: 1 }))
      await insertRow(w, 'parks', { name: '数字经济产业园', theme: '数字经济', districtCode: '210103', status: 'operating' })
      await softDeleteRow(w, 'parks', await insertRow(w, 'parks', { name: '旧园区', theme: '旧', districtCode: '210103', status: 'planned' }))
      await insertRow(w, 'clusters', { name: '市府广场总部楼宇集聚区', districtCode: '210103' })
    })
  })
  afterAll(async () => {
    await app.close()
  })

  it('sums live rows with the building figures’ definitions', async () => {
    const stats = await app.ok('stats.summary', {})
    // leasable = vacant + leased + reserved: 甲 1000+2000+500, 乙 400+600, 丙 1000.
    expect(stats).toMatchObject({
      buildings: 4,
      spaces: 8,
      tenants: 3,
      aboveScaleTenants: 1,
      parcels: 2,
      parcelArea: 15_000,
      parks: 1,
      clusters: 1,
      leasableArea: 5500,
      vacantArea: 1400,
      leasedArea: 3600,
    })
    expect(stats.vacancyRate).toBeCloseTo(1400 / 5500, 12)
    expect(stats.occupancyRate).toBeCloseTo(3600 / 5500, 12)
    expect(stats.byDistrict).toEqual([
      { code: '210103', name: '沈河区', buildings: 2, leasableArea: 4500, vacantArea: 1400, vacancyRate: 1400 / 4500 },
      { code: '210112', name: '浑南区', buildings: 1, leasableArea: 1000, vacantArea: 0, vacancyRate: 0 },
      { code: '330105', name: '拱墅区', buildings: 1, leasableArea: 0, vacantArea: 0, vacancyRate: null },
    ])
  })

  it('agrees with the per-building figures and is the same function the command line uses', async () => {
    const buildings = await app.ok('buildings.list', {})
    const stats = await inventoryStats(app.store.db)
    expect(stats.leasableArea).toBe(buildings.reduce((sum, b) => sum + b.leasableArea, 0))
    expect(stats.vacantArea).toBe(buildings.reduce((sum, b) => sum + b.vacantArea, 0))
    expect(stats).toEqual(await app.ok('stats.summary', {}))
  })

  it('answers an empty store with zeros and no rates', async () => {
    const empty = await openTestApp()
    try {
      expect(await empty.ok('stats.summary', {})).toEqual({
        buildings: 0, spaces: 0, tenants: 0, parcels: 0, parks: 0, clusters: 0,
        leasableArea: 0, vacantArea: 0, leasedArea: 0, vacancyRate: null, occupancyRate: null,
        parcelArea: 0, aboveScaleTenants: 0, byDistrict: [],
      })
    } finally {
      await empty.close()
    }
  })
})
