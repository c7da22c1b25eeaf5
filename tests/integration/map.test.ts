import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../helpers/store'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

describe('map sites and saved searches', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await openTestApp()
  })
  afterEach(async () => {
    await app.close()
  })

  it('hands the map every live site with its figures, block, fit-outs and parks', async () => {
    const { id: clusterId } = await app.ok('clusters.create', { name: '彩塔商务楼宇集聚区', districtCode: '210103' })
    const { id } = await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103', clusterId, lng: 123.43, lat: 41.8 })
    for (const [floorLabel, area, status, fitOut, askingRent] of [
      ['20', 1000, 'vacant', 'fitted', 4.2], ['21', 1000, 'vacant', 'bare', 3.6], ['22', 600, 'vacant', null, null], ['22', 400, 'leased', null, null],
    ] as const) {
      // Two spaces on floor 22: units A and B (one space per floor + unit).
      const unit = floorLabel === '22' ? (status === 'vacant' ? 'A' : 'B') : null
      await app.ok('spaces.create', { buildingId: id, floorLabel, unit, area, status, fitOut, askingRent })
    }
    const { id: unplaced } = await app.ok('buildings.create', { name: '未定位大厦', districtCode: '210112' })
    const { id: parkId } = await app.ok('parks.create', {
      name: '数字经济产业园', theme: '数字经济', districtCode: '210103', status: 'operating', hosts: [{ buildingId: id, floors: '20-21' }],
    })
    const ring: Array<[number, number]> = [[123.44, 41.7], [123.45, 41.7], [123.45, 41.71], [123.44, 41.71], [123.44, 41.7]]
    await app.ok('parcels.create', {
      code: 'HN-1', name: '浑南地块', districtCode: '210112', landUse: 'm0', status: 'listed', boundary: { type: 'Polygon', coordinates: [ring] },
    })
    const { id: gone } = await app.ok('buildings.create', { name: '已删除大厦', districtCode: '210103' })
    await app.ok('buildings.delete', { id: gone })

    const sites = decodeMapSites(await app.ok('map.sites', {}))
    expect(sites.buildings.map((b) => b.name).sort()).toEqual(['未定位大厦', '茂业中心'])
    const b = sites.buildings.find((x) => x.id === id)!
    expect(b).toMatchObject({
      clusterId, lng: 123.43, lat: 41.8, leasableArea: 3000, vacantArea: 2600, largestVacantBlock: 2000,
      rentMin: 3.6, rentMax: 4.2, parkIds: [parkId],
    })
    expect([...b.vacantFitOuts].sort()).toEqual(['bare', 'fitted'])
    expect(sites.buildings.find((x) => x.id === unplaced)).toMatchObject({ lng: null, lat: null, leasableArea: 0, vacancyRate: null })
    // A parcel with only a boundary is placed at its centroid; its area was computed from the boundary.
    const [p] = sites.parcels
    expect(p!.lng).toBeCloseTo(123.445, 3)
    expect(p!.lat).toBeCloseTo(41.705, 3)
    expect(p!.area).toBeGreaterThan(800_000)
    expect(sites.parks).toMatchObject([{ id: parkId, hosts: [{ buildingId: id, floors: '20-21' }] }])
    expect(sites.clusters).toMatchObject([{ id: clusterId, name: '彩塔商务楼宇集聚区' }])

    // A deleted cluster no longer groups its buildings on the map.
    await app.ok('clusters.delete', { id: clusterId })
    const after = decodeMapSites(await app.ok('map.sites', {}))
    expect(after.buildings.find((x) => x.id === id)!.clusterId).toBeNull()
    expect(after.clusters).toEqual([])
  })

  it('finds the largest contiguous vacant block: adjacent wholly vacant floors, broken by a part-let floor', async () => {
    const blockOf = async (floors: Array<[label: string, area: number, vacant: number]>) => {
      const { id } = await app.ok('buildings.create', { name: `楼${Math.random()}`, districtCode: '210103' })
      for (const [floorLabel, area, vacant] of floors) {
        if (vacant > 0) await app.ok('spaces.create', { buildingId: id, floorLabel, unit: 'A', area: vacant, status: 'vacant' })
        if (area > vacant) await app.ok('spaces.create', { buildingId: id, floorLabel, unit: 'B', area: area - vacant, status: 'leased' })
      }
      return decodeMapSites(await app.ok('map.sites', {})).buildings.find((b) => b.id === id)!.largestVacantBlock
    }
    const tower: Array<[string, number, number]> = [['10', 1000, 1000], ['11', 1000, 1000], ['12', 1000, 400], ['13', 1000, 1000]]
    expect(await blockOf(tower)).toBe(2000)
    // A gap in the floors (no floor 14 recorded) breaks the run; 15–16 make 2,200.
    expect(await blockOf([...tower, ['15', 1000, 1000], ['16', 1200, 1200]])).toBe(2200)
    // One floor partly vacant: its vacant area.
    expect(await blockOf([['3', 1000, 700]])).toBe(700)
    // B1 and 1 are adjacent (there is no floor 0); B2–B1–1 make one run.
    expect(await blockOf([['B2', 300, 300], ['B1', 500, 500], ['1', 600, 600], ['2', 600, 100]])).toBe(1400)
    // Nothing vacant, or no spaces at all.
    expect(await blockOf([['5', 800, 0]])).toBe(0)
    expect(await blockOf([])).toBe(0)
  })

  it('saves a search under a unique name, edits, deletes and restores it', async () => {
    const filter = { districtCodes: ['210103'], vacancyRate: { min: 0.2 }, fitOuts: ['fitted' as const] }
    const area = { type: 'circle' as const, center: [123.43, 41.8] as [number, number], radius: 2000 }
    const { id } = await app.ok('savedSearches.create', { name: '青年大街地铁站 2 公里', filter, area })
    expect(await app.ok('savedSearches.list', {})).toMatchObject([{ id, name: '青年大街地铁站 2 公里', filter, area }])

    const dup = await app.call('savedSearches.create', { name: '青年大街地铁站 2 公里', filter: {} })
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', field: 'name' } })
    const badRange = await app.call('savedSearches.create', { name: '坏的', filter: { rent: { min: 6, max: 2 } } })
    expect(badRange).toMatchObject({ ok: false, error: { code: 'invalid', message: '租金：下限不能大于上限' } })
    const badArea = await app.call('savedSearches.create', { name: '坏的', filter: {}, area: { type: 'circle', center: [0, 0], radius: 10 } })
    expect(badArea).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(await app.ok('savedSearches.list', {})).toHaveLength(1)

    const renamed = await app.ok('savedSearches.update', { id, name: '地铁站周边', area: null })
    expect(renamed).toMatchObject({ name: '地铁站周边', area: null, filter })
    await app.ok('savedSearches.delete', { id })
    expect(await app.ok('savedSearches.list', {})).toEqual([])
    await app.ok('savedSearches.restore', { id })
    expect((await app.ok('savedSearches.list', {}))[0]?.name).toBe('地铁站周边')

    const log = await app.store.db.selectFrom('changeLog').select(['op', 'field']).where('rowId', '=', id).orderBy('seq').execute()
    expect(log.filter((l) => l.op === 'update').map((l) => l.field).sort()).toEqual(['area', 'name'])
  })
})
