import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SheetBuilding, SheetParcel, SheetPark } from '../../src/shared/sheets'
import { openTestApp, type TestApp } from '../helpers/store'

// sheets.data: what the printed inventory sheet and handbook show, gathered in one call.

describe('sheets.data', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await openTestApp()
  })
  afterEach(async () => {
    await app.close()
  })

  async function tower() {
    const { id: clusterId } = await app.ok('clusters.create', { name: '彩塔商务楼宇集聚区', districtCode: '210103' })
    const { id } = await app.ok('buildings.create', {
      name: '茂业中心', districtCode: '210103', clusterId, lng: 123.43, lat: 41.8, contactName: '王经理', contactPhone: '024-12345678',
    })
    const spaceIds: Record<string, string> = {}
    for (const [floorLabel, unit, area, status, fitOut, askingRent, availableFrom] of [
      ['22', '2201', 600, 'vacant', null, null, null], ['22', '2202', 400, 'leased', null, null, null],
      ['21', null, 1000, 'vacant', 'bare', 3.6, '2027-01-01'], ['20', null, 1000, 'vacant', 'fitted', 4.2, null],
      ['B1', null, 300, 'reserved', 'basic', 2, null], ['23', null, 800, 'sold', null, null, null],
    ] as const) {
      const { id: spaceId } = await app.ok('spaces.create', { buildingId: id, floorLabel, unit, area, status, fitOut, askingRent, availableFrom })
      spaceIds[`${floorLabel}${unit ?? ''}`] = spaceId
    }
    for (const [name, space] of [['沈阳乙公司', '222202'], ['沈阳甲公司', '23']] as const) {
      const { id: tenantId } = await app.ok('tenants.create', { name })
      await app.ok('leases.create', { tenantId, spaceIds: [spaceIds[space]!], startDate: '2024-01-01' })
    }
    return { id, clusterId }
  }

  it('gathers a building: figures, largest block, spaces on the market from the lowest floor up, tenants, cluster', async () => {
    const { id } = await tower()
    const data = await app.ok('sheets.data', { scope: { kind: 'ids', sites: [{ kind: 'building', id }] } })
    expect(data.title).toBe('招商资源清单')
    expect(data.districts).toEqual(['沈河区'])
    expect(data.handbook).toBe(false)
    expect(data.sections).toContain('tenants')
    expect(data.sites).toHaveLength(1)
    const b = data.sites[0] as SheetBuilding
    expect(b.kind).toBe('building')
    expect(b.building).toMatchObject({ name: '茂业中心', leasableArea: 3300, vacantArea: 2600, rentMin: 3.6, rentMax: 4.2, contactName: '王经理' })
    expect(b.largestVacantBlock).toBe(2000)
    expect([...b.vacantFitOuts].sort()).toEqual(['bare', 'fitted'])
    expect(b.availableSpaces.map((s) => `${s.floorLabel}/${s.unit ?? ''}/${s.status}/${s.area}`)).toEqual([
      'B1//reserved/300', '20//vacant/1000', '21//vacant/1000', '22/2201/vacant/600',
    ])
    expect(b.availableSpaces[2]).toMatchObject({ askingRent: 3.6, fitOut: 'bare', availableFrom: '2027-01-01' })
    expect(b.availableFloors).toEqual(['B1', '20', '21', '22'])
    expect(b.tenants).toEqual(['沈阳甲公司', '沈阳乙公司'])
    expect(b).toMatchObject({ clusterName: '彩塔商务楼宇集聚区', districtName: '沈河区', photoId: null })
  })

  it('gathers a parcel with its planning conditions and boundary, and a park with hosts, their floors and occupancy', async () => {
    const { id: buildingId } = await tower()
    const ring: Array<[number, number]> = [[123.44, 41.7], [123.45, 41.7], [123.45, 41.71], [123.44, 41.71], [123.44, 41.7]]
    const { id: parcelId } = await app.ok('parcels.create', {
      code: 'HN-1', name: '浑南创新地块', districtCode: '210112', landUse: 'm0', status: 'listed', area: 20000,
      boundary: { type: 'Polygon', coordinates: [ring] }, plotRatioMin: 1.5, plotRatioMax: 3, heightLimit: 80, referencePrice: 1_500_000,
      targetIndustry: '集成电路', utilities: '七通一平', readiness: 'cleared',
    })
    const { id: parkId } = await app.ok('parks.create', {
      name: '数字经济产业园', theme: '数字经济', districtCode: '210103', status: 'operating', totalArea: 50000,
      subParks: [{ name: '大数据分园' }, { name: '智能经济分园' }], hosts: [{ buildingId, floors: '21-22' }],
    })
    const data = await app.ok('sheets.data', {
      scope: { kind: 'ids', sites: [{ kind: 'park', id: parkId }, { kind: 'parcel', id: parcelId }] },
      sections: ['cover', 'planning'],
      title: '  浑南与沈河推介  ',
    })
    expect(data.title).toBe('浑南与沈河推介')
    expect(data.sections).toEqual(['cover', 'planning'])
    expect(data.districts).toEqual(['沈河区', '浑南区'])
    const park = data.sites[0] as SheetPark
    expect(park.park.subParks.map((s) => s.name)).toEqual(['大数据分园', '智能经济分园'])
    expect(park.hosts).toEqual([expect.objectContaining({ buildingName: '茂业中心', floors: '21-22', lng: 123.43, lat: 41.8, leasableArea: 2000, vacantArea: 1600 })])
    expect(park.occupancyRate).toBeCloseTo(400 / 2000)
    const parcel = data.sites[1] as SheetParcel
    expect(parcel.parcel).toMatchObject({ code: 'HN-1', area: 20000, plotRatioMin: 1.5, plotRatioMax: 3, heightLimit: 80, referencePrice: 1_500_000, targetIndustry: '集成电路' })
    expect(parcel.parcel.areaMu).toBeCloseTo(30)
    expect(parcel.parcel.boundary?.type).toBe('Polygon')
    expect(parcel.lng).toBeCloseTo(123.445)
  })

  it('takes its default title from a saved search, a cluster or a district, and groups a handbook by district and cluster', async () => {
    const { clusterId } = await tower()
    await app.ok('buildings.create', { name: '华润大厦', districtCode: '210103', lng: 123.44, lat: 41.79 })
    await app.ok('parcels.create', { code: 'SH-9', name: '沈河地块', districtCode: '210103', landUse: 'commercial', status: 'reserve', lng: 123.45, lat: 41.8 })
    const { id: searchId } = await app.ok('savedSearches.create', { name: '沈河推介', filter: { districtCodes: ['210103'] }, area: null })

    const bySearch = await app.ok('sheets.data', { scope: { kind: 'search', searchId } })
    expect(bySearch.title).toBe('沈河推介')
    expect(bySearch.sites.map(nameOf).sort()).toEqual(['华润大厦', '沈河地块', '茂业中心'])

    const byCluster = await app.ok('sheets.data', { scope: { kind: 'cluster', clusterId }, handbook: true })
    expect(byCluster.title).toBe('彩塔商务楼宇集聚区招商手册')
    expect(byCluster.sites.map(nameOf)).toEqual(['茂业中心'])

    const handbook = await app.ok('sheets.data', { scope: { kind: 'district', districtCode: '210103' }, handbook: true })
    expect(handbook.title).toBe('沈河区招商手册')
    expect(handbook.handbook).toBe(true)
    expect(handbook.groups.map((g) => [g.title, g.siteIndexes.map((i) => nameOf(handbook.sites[i]!))])).toEqual([
      ['沈河区 · 彩塔商务楼宇集聚区', ['茂业中心']],
      ['沈河区 · 其他商务楼宇', ['华润大厦']],
      ['沈河区 · 土地资源', ['沈河地块']],
    ])

    const empty = await app.ok('sheets.data', { scope: { kind: 'district', districtCode: '210112' }, handbook: true })
    expect(empty).toMatchObject({ title: '浑南区招商手册', districts: ['浑南区'], sites: [], groups: [] })
  })

  it('prints the contact saved in settings, and refuses a contact of another shape', async () => {
    const { id } = await tower()
    const contact = { organisation: '沈河区投资促进局', name: '李娜', phone: '024-22223333', address: '沈阳市沈河区市府大路 1 号' }
    await app.ok('settings.set', { key: 'sheet.contact', value: JSON.stringify(contact) })
    const data = await app.ok('sheets.data', { scope: { kind: 'ids', sites: [{ kind: 'building', id }] } })
    expect(data.contact).toEqual(contact)

    for (const value of ['not json', JSON.stringify({ name: 42 }), JSON.stringify({ ...contact, email: 'a@b.cn' }), JSON.stringify({ ...contact, phone: 'x'.repeat(60) })]) {
      const result = await app.call('settings.set', { key: 'sheet.contact', value })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toMatch(/^(清单联系人|联系人|电话)：/)
    }
    const after = await app.ok('sheets.data', { scope: { kind: 'ids', sites: [{ kind: 'building', id }] } })
    expect(after.contact).toEqual(contact)
  })

  it('answers a missing saved search with a sentence, and skips deleted sites among the picks', async () => {
    const { id } = await tower()
    const { id: gone } = await app.ok('buildings.create', { name: '已删除大厦', districtCode: '210103' })
    await app.ok('buildings.delete', { id: gone })
    const data = await app.ok('sheets.data', { scope: { kind: 'ids', sites: [{ kind: 'building', id: gone }, { kind: 'building', id }] } })
    expect(data.sites.map(nameOf)).toEqual(['茂业中心'])
    const missing = await app.call('sheets.data', { scope: { kind: 'search', searchId: '00000000-0000-4000-8000-000000000000' } })
    expect(missing).toMatchObject({ ok: false, error: { message: '保存的查询：找不到该记录' } })
  })
})

const nameOf = (s: { kind: string } & ({ building: { name: string } } | { parcel: { name: string } } | { park: { name: string } })): string =>
  'building' in s ? s.building.name : 'parcel' in s ? s.parcel.name : s.park.name
