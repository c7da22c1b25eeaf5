import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LandRow, ParkStatsRow } from '../../src/shared/stats'
import { openTestApp, type TestApp } from '../helpers/store'

// Land, sky parks and 亩均税收 over a small inventory whose figures are worked out by hand in the
// comments. 1 亩 = 10000/15 m², so 6000 m² = 9 亩, 3000 m² = 4.5 亩, 2000 m² = 3 亩.

const FROM = '2020-01-01'
const TO = '2099-12-31'

describe('land statistics', () => {
  let app: TestApp
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    app = await openTestApp()
    const parcel = async (code: string, fields: Record<string, unknown>) => {
      ids[code] = (await app.ok('parcels.create', { code, name: `${code} 地块`, ...fields } as never)).id
    }
    // 沈河 210103: L4, L5; 浑南 210112: L1, L2, L3.
    await parcel('L1', { districtCode: '210112', landUse: 'industrial', status: 'reserve', area: 6000, referencePrice: 500_000, targetIndustry: '智能制造' })
    await parcel('L2', { districtCode: '210112', landUse: 'industrial', status: 'transferred', area: 3000, referencePrice: 800_000, targetIndustry: '智能制造' })
    await parcel('L3', { districtCode: '210112', landUse: 'commercial', status: 'listed', referencePrice: 1_000_000 }) // no area
    await parcel('L4', { districtCode: '210103', landUse: 'm0', status: 'preparing', area: 1500 }) // no price, no industry
    await parcel('L5', { districtCode: '210103', landUse: 'industrial', status: 'reserve', area: 2000, referencePrice: 400_000, targetIndustry: '生物医药' })
    await parcel('L6', { districtCode: '210103', landUse: 'industrial', status: 'reserve', area: 99_999 })
    await app.ok('parcels.delete', { id: ids.L6! })
  })
  afterAll(async () => {
    await app.close()
  })

  it('counts parcels and area by land use × status; a parcel with no area only in the parcels', async () => {
    const land = await app.ok('stats.land', {})
    const row = (r: LandRow) => [r.landUse, r.status, r.parcels, r.areaM2, Number(r.areaMu.toFixed(6))]
    expect(land.rows.map(row)).toEqual([
      ['commercial', 'listed', 1, 0, 0],
      ['industrial', 'reserve', 2, 8000, 12],
      ['industrial', 'transferred', 1, 3000, 4.5],
      ['m0', 'preparing', 1, 1500, 2.25],
    ])
    expect(land.total.parcels).toBe(5)
    expect(land.total.areaM2).toBe(12_500)
    expect(land.total.areaMu).toBeCloseTo(18.75, 9)
    expect(land.parcelsWithoutArea).toBe(1)
    // Rows add up to the total.
    expect(land.rows.reduce((s, r) => s + r.parcels, 0)).toBe(land.total.parcels)
    expect(land.rows.reduce((s, r) => s + r.areaM2, 0)).toBe(land.total.areaM2)
    expect(land.rows.reduce((s, r) => s + r.areaMu, 0)).toBeCloseTo(land.total.areaMu, 9)
  })

  it('by district, with the land not yet transferred', async () => {
    const land = await app.ok('stats.land', {})
    expect(land.byDistrict.map((d) => [d.key, d.name, d.parcels, d.areaM2, Number(d.areaMu.toFixed(6)), d.availableParcels, Number(d.availableAreaMu.toFixed(6))])).toEqual([
      ['210103', '沈河区', 2, 3500, 5.25, 2, 5.25],
      ['210112', '浑南区', 3, 9000, 13.5, 2, 9], // L2 is transferred; L3 is available with no area
    ])
    expect(land.byDistrict.reduce((s, d) => s + d.parcels, 0)).toBe(land.total.parcels)
  })

  it('available land by target industry, with its reference value (元/亩 as stored × 亩, in 元) over parcels with both', async () => {
    const land = await app.ok('stats.land', {})
    expect(land.availableByIndustry.map((r) => [r.industry, r.parcels, Number(r.areaMu.toFixed(6)), Number(r.referenceValue.toFixed(6))])).toEqual([
      ['智能制造', 1, 9, 4_500_000], // L1: 9 亩 × 50万元/亩; L2 is transferred
      ['生物医药', 1, 3, 1_200_000], // L5: 3 亩 × 40万元/亩
      [null, 2, 2.25, 0], // L3 has a price but no area, L4 an area but no price
    ])
    expect(land.availableReferenceValue).toBeCloseTo(5_700_000, 6)
  })

  it('narrows to a district and to the parcels the map shows', async () => {
    const district = await app.ok('stats.land', { districtCode: '210103' })
    expect(district.rows.map((r) => [r.landUse, r.status, r.parcels, r.areaM2])).toEqual([
      ['industrial', 'reserve', 1, 2000],
      ['m0', 'preparing', 1, 1500],
    ])
    const shown = await app.ok('stats.land', { scope: { parcelIds: [ids.L1!, ids.L3!] } })
    expect(shown.total).toEqual({ parcels: 2, areaM2: 6000, areaMu: 6000 * 15 / 10_000 })
    expect(shown.parcelsWithoutArea).toBe(1)
    expect(shown.byDistrict.map((d) => d.key)).toEqual(['210112'])
  })
})

describe('sky parks and 亩均税收', () => {
  let app: TestApp
  const b: Record<string, string> = {}
  const s: Record<string, string> = {}
  const p: Record<string, string> = {}
  beforeAll(async () => {
    app = await openTestApp()
    b.A = (await app.ok('buildings.create', { name: '甲楼', districtCode: '210103', landArea: 3000 })).id // 4.5 亩
    b.B = (await app.ok('buildings.create', { name: '乙楼', districtCode: '210103' })).id // no land area
    b.C = (await app.ok('buildings.create', { name: '丙楼', districtCode: '210112', landArea: 1000 })).id // 1.5 亩
    const space = async (key: string, building: string, floorLabel: string, area: number, status: 'vacant' | 'leased' | 'sold', unit?: string) => {
      s[key] = (await app.ok('spaces.create', { buildingId: b[building]!, floorLabel, area, status, ...(unit ? { unit } : {}) })).id
    }
    await space('A10', 'A', '10', 1000, 'vacant')
    await space('A12', 'A', '12F', 800, 'leased')
    await space('A15', 'A', '15', 500, 'leased')
    await space('A20', 'A', '20', 700, 'leased')
    await space('AB1', 'A', 'B1', 200, 'vacant')
    await space('B3', 'B', '3', 300, 'leased')
    await space('B4', 'B', '4', 400, 'vacant', '01')
    await space('B5', 'B', '4', 600, 'sold', '02')
    await space('B6', 'B', '6', 250, 'vacant')
    await space('C1', 'C', '1', 100, 'leased')

    const tenant = async (name: string, fields: Record<string, unknown>) => (await app.ok('tenants.create', { name, ...fields })).id
    const t1 = await tenant('一号企业', { registeredInDistrict: true, annualTax: 1.2e8, aboveScale: true })
    const t2 = await tenant('二号企业', { registeredInDistrict: false, annualTax: 5e5, aboveScale: true }) // not registered: no tax
    const t3 = await tenant('三号企业', { registeredInDistrict: true, annualTax: 3e5 }) // in A (700) and B (300)
    const t4 = await tenant('四号企业', { registeredInDistrict: true, annualTax: 1.5e7 })
    const lease = (tenantId: string, spaceIds: string[]) => app.ok('leases.create', { tenantId, spaceIds, startDate: FROM, endDate: TO })
    await lease(t1, [s.A12!])
    await lease(t2, [s.A15!])
    await lease(t3, [s.A20!])
    await lease(t3, [s.B3!])
    await lease(t4, [s.C1!])

    p.P1 = (await app.ok('parks.create', {
      name: '数字经济产业园', theme: '数字经济', districtCode: '210103', status: 'fitting_out', landArea: 4000, plannedInvestment: 5e8, totalArea: 12_000,
      hosts: [{ buildingId: b.A!, floors: '12-18层' }, { buildingId: b.B!, floors: '3-4' }],
      subParks: [{ name: '软件分园', status: 'operating' }, { name: '算力分园' }],
    })).id // 6 亩
    p.P2 = (await app.ok('parks.create', {
      name: '人工智能产业园', theme: '人工智能', districtCode: '210103', status: 'planned', hosts: [{ buildingId: b.A!, floors: '20' }],
    })).id // no land area
  })
  afterAll(async () => {
    await app.close()
  })

  it('sums the spaces on each host’s floors only, tenants once, registered tax shared by area', async () => {
    const parks = await app.ok('stats.parks', {})
    expect(parks.map((x) => x.name)).toEqual(['人工智能产业园', '数字经济产业园'])
    const p1 = parks.find((x) => x.id === p.P1)!
    // 甲楼 12–18: floors 12 (800 leased) and 15 (500 leased); 10, 20 and B1 are outside.
    // 乙楼 3–4: 3 (300 leased), 4 (400 vacant; the sold 600 is not leasable); 6 is outside.
    expect(p1.hosts).toEqual([
      { buildingId: b.A, buildingName: '甲楼', floors: '12-18层', area: 1300, leasedArea: 1300 },
      { buildingId: b.B, buildingName: '乙楼', floors: '3-4', area: 700, leasedArea: 300 },
    ])
    expect(p1.hostArea).toBe(2000)
    expect(p1.hostArea).toBe(p1.hosts.reduce((sum, h) => sum + h.area, 0))
    expect(p1.occupiedArea).toBe(1600)
    expect(p1.occupancyRate).toBeCloseTo(0.8, 12)
    expect(p1.tenants).toBe(3) // 一号, 二号, 三号
    expect(p1.aboveScaleTenants).toBe(2) // 一号, 二号
    // 一号 1.2亿 all on A12; 二号 not registered; 三号 3e5 × 300/1000 on B3.
    expect(p1.annualTax).toBeCloseTo(1.2e8 + 9e4, 4)
    expect(p1.taxPerMu).toBeCloseTo((1.2e8 + 9e4) / 6, 4)
    expect(p1).toMatchObject({ landArea: 4000, plannedInvestment: 5e8, totalArea: 12_000, status: 'fitting_out', districtName: '沈河区' } satisfies Partial<ParkStatsRow>)
    expect(p1.subParks.map((x) => [x.name, x.status])).toEqual([['软件分园', 'operating'], ['算力分园', 'fitting_out']])
  })

  it('a park with no land area has no 亩均税收', async () => {
    const p2 = (await app.ok('stats.parks', {})).find((x) => x.id === p.P2)!
    expect(p2.hosts.map((h) => [h.floors, h.area, h.leasedArea])).toEqual([['20', 700, 700]])
    expect(p2.annualTax).toBeCloseTo(2.1e5, 6) // 三号 3e5 × 700/1000
    expect(p2.landArea).toBeNull()
    expect(p2.taxPerMu).toBeNull()
    expect(p2.subParks).toEqual([])
  })

  it('narrows to the parks hosted in the buildings shown, and to a district', async () => {
    expect((await app.ok('stats.parks', { scope: { buildingIds: [b.B!] } })).map((x) => x.id)).toEqual([p.P1])
    expect(await app.ok('stats.parks', { scope: { buildingIds: [b.C!] } })).toEqual([])
    expect(await app.ok('stats.parks', { districtCode: '210112' })).toEqual([])
  })

  it('ranks buildings and parks with a land area by registered tax per 亩, with tax tags on buildings only', async () => {
    const ranking = await app.ok('stats.ranking', { by: 'taxPerMu' })
    const taxA = 1.2e8 + 2.1e5 // 一号 on A12, 三号's 700 of 1000 on A20
    expect(ranking.rows.map((r) => [r.rank, r.kind, r.name, r.tags])).toEqual([
      [1, 'building', '甲楼', ['yiyuan']],
      [2, 'park', '数字经济产业园', []], // 千万元楼/亿元楼 name buildings, not parks
      [3, 'building', '丙楼', ['qianwan']],
    ])
    const [a, park, c] = ranking.rows
    expect(a!.value).toBeCloseTo(taxA / 4.5, 4)
    expect(a).toMatchObject({ landArea: 3000, leasableArea: 3200, vacantArea: 1200 })
    expect(a!.annualTax).toBeCloseTo(taxA, 4)
    expect(park!.value).toBeCloseTo((1.2e8 + 9e4) / 6, 4)
    expect(c!.value).toBeCloseTo(1.5e7 / 1.5, 4)
    // Over every building in scope: 甲楼 亿元楼, 丙楼 千万元楼, 乙楼 (9万) none; 千万元楼 counts every
    // building ≥ 1千万元 (the 亿元楼 among them), as the tax ranking does.
    expect(ranking.tagCounts).toEqual({ yiyuan: 1, qianwan: 2 })
    expect((await app.ok('stats.ranking', { by: 'tax' })).tagCounts).toEqual(ranking.tagCounts)

    const limited = await app.ok('stats.ranking', { by: 'taxPerMu', limit: 1 })
    expect(limited.rows.map((r) => r.name)).toEqual(['甲楼'])
    const scoped = await app.ok('stats.ranking', { by: 'taxPerMu', scope: { buildingIds: [b.C!] } })
    expect(scoped.rows.map((r) => r.name)).toEqual(['丙楼'])
    expect(scoped.tagCounts).toEqual({ yiyuan: 0, qianwan: 1 })
  })

  it('keeps the land area of buildings and parks and a sub-park’s progress through an update', async () => {
    const building = await app.ok('buildings.get', { id: b.B! })
    expect(building.building.landArea).toBeNull()
    await app.ok('buildings.update', { id: b.B!, landArea: 2500 })
    expect((await app.ok('buildings.get', { id: b.B! })).building.landArea).toBe(2500)
    const park = await app.ok('parks.get', { id: p.P1! })
    expect(park.landArea).toBe(4000)
    expect(park.subParks.map((x) => x.status)).toEqual(['operating', null])
    const refused = await app.call('parks.update', { id: p.P1!, landArea: -1 })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('占地面积')
    await app.ok('buildings.update', { id: b.B!, landArea: null })
  })
})
