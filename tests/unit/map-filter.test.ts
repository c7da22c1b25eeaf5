import { describe, expect, it } from 'vitest'
import { filterSites, inArea, isEmptyFilter, mapFilterSchema, matchBuilding, matchParcel, siteTotals } from '../../src/shared/mapFilter'
import type { MapBuilding, MapParcel, MapSites } from '../../src/shared/mapSites'

const building = (over: Partial<MapBuilding> = {}): MapBuilding => ({
  id: 'b1', name: '茂业中心', address: '沈河区青年大街 185 号', districtCode: '210103', clusterId: 'c1', kind: 'office', grade: 'a',
  lng: 123.435, lat: 41.795, leasableArea: 10_000, vacantArea: 2_000, vacancyRate: 0.2, largestVacantBlock: 1_500,
  rentMin: 3.5, rentMax: 4.5, vacantFitOuts: ['fitted'], tenantCount: 12, parkIds: [], photoId: null, check: '2026-01-05V', isDemo: false, ...over,
})
const parcel = (over: Partial<MapParcel> = {}): MapParcel => ({
  id: 'p1', code: 'HN2025-001', name: '浑河站东工业地块', districtCode: '210112', landUse: 'industrial', status: 'listed',
  area: 30_000, lng: 123.45, lat: 41.7, boundary: null, referencePrice: 290_000, photoId: null, check: '2026-01-05V', isDemo: false, ...over,
})

describe('the map filter', () => {
  it('matches an investor brief on buildings: vacancy, area, block, rent, fit-out', () => {
    const b = building()
    expect(matchBuilding(b, {})).toBe(true)
    expect(matchBuilding(b, { vacancyRate: { min: 0.1, max: 0.3 } })).toBe(true)
    expect(matchBuilding(b, { vacancyRate: { min: 0.25 } })).toBe(false)
    expect(matchBuilding(b, { vacantArea: { min: 2_000 } })).toBe(true)
    expect(matchBuilding(b, { largestBlock: { min: 2_000 } })).toBe(false)
    // Rent: the building's asking range 3.5–4.5 overlaps 4–6 but not 5–6.
    expect(matchBuilding(b, { rent: { min: 4, max: 6 } })).toBe(true)
    expect(matchBuilding(b, { rent: { min: 5, max: 6 } })).toBe(false)
    expect(matchBuilding(building({ rentMin: null, rentMax: null }), { rent: { max: 6 } })).toBe(false)
    expect(matchBuilding(b, { fitOuts: ['bare', 'fitted'] })).toBe(true)
    expect(matchBuilding(b, { fitOuts: ['bare'] })).toBe(false)
    expect(matchBuilding(b, { grades: ['super_a'] })).toBe(false)
    expect(matchBuilding(b, { districtCodes: ['210103', '210112'], clusterIds: ['c1'], kinds: ['office'] })).toBe(true)
    expect(matchBuilding(b, { text: '青年大街' })).toBe(true)
    // A building with nothing leasable has no vacancy rate: a rate range leaves it out.
    expect(matchBuilding(building({ vacancyRate: null }), { vacancyRate: { max: 0.5 } })).toBe(false)
  })

  it('matches parcels on land use, status and area', () => {
    const p = parcel()
    expect(matchParcel(p, { landUses: ['industrial', 'm0'], parcelStatuses: ['listed'] })).toBe(true)
    expect(matchParcel(p, { landUses: ['residential'] })).toBe(false)
    expect(matchParcel(p, { parcelArea: { min: 20_000, max: 40_000 } })).toBe(true)
    expect(matchParcel(p, { parcelArea: { max: 20_000 } })).toBe(false)
    expect(matchParcel(p, { districtCodes: ['210103'] })).toBe(false)
  })

  it('keeps sites within a radius or a drawn polygon', () => {
    const station = { type: 'circle', center: [123.435, 41.8] as [number, number], radius: 1_000 } as const
    expect(inArea(station, { lng: 123.435, lat: 41.795 })).toBe(true) // ~556 m south
    expect(inArea(station, { lng: 123.435, lat: 41.78 })).toBe(false) // ~2.2 km south
    expect(inArea(station, { lng: null, lat: null })).toBe(false)
    const square = { type: 'polygon', ring: [[123.4, 41.7], [123.5, 41.7], [123.5, 41.8], [123.4, 41.8], [123.4, 41.7]] as Array<[number, number]> } as const
    expect(inArea(square, { lng: 123.45, lat: 41.75 })).toBe(true)
    expect(inArea(square, { lng: 123.55, lat: 41.75 })).toBe(false)
  })

  it('filters every layer together and totals what matches', () => {
    const sites: MapSites = {
      buildings: [building(), building({ id: 'b2', vacantArea: 0, vacancyRate: 0, lng: null, lat: null })],
      parcels: [parcel(), parcel({ id: 'p2', landUse: 'commercial', area: 10_000 })],
      parks: [{ id: 'k1', name: '数字经济产业园', theme: '数字经济', status: 'operating', districtCode: '210103', totalArea: 50_000, hosts: [{ buildingId: 'b1', floors: '20-25' }], photoId: null, isDemo: false }],
      clusters: [],
    }
    const all = siteTotals(filterSites(sites, {}))
    expect(all).toMatchObject({ buildings: 2, unplacedBuildings: 1, vacantArea: 2_000, parcels: 2, parcelArea: 40_000, parks: 1 })
    const brief = filterSites(sites, { vacancyRate: { min: 0.1 }, landUses: ['industrial'], parkThemes: ['元宇宙'] })
    expect(brief.buildings.map((b) => b.id)).toEqual(['b1'])
    expect(brief.parcels.map((p) => p.id)).toEqual(['p1'])
    expect(brief.parks).toEqual([])
    // A park is in an area when one of its host buildings is.
    const near = filterSites(sites, {}, { type: 'circle', center: [123.435, 41.795], radius: 100 })
    expect(near.parks.map((p) => p.id)).toEqual(['k1'])
    expect(near.parcels).toEqual([])
  })

  it('validates a filter with Chinese messages and knows an empty one', () => {
    const bad = mapFilterSchema.safeParse({ vacancyRate: { min: 0.5, max: 0.2 } })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toBe('空置率：下限不能大于上限')
    expect(isEmptyFilter({})).toBe(true)
    expect(isEmptyFilter({ kinds: [], rent: { min: null, max: null }, text: '' })).toBe(true)
    expect(isEmptyFilter({ kinds: ['office'] })).toBe(false)
  })
})

describe('vacancy colours and marker sizes', async () => {
  const { vacancyClass, markerRadius } = await import('../../src/shared/vacancyColors')
  it('puts each rate in one class, with no figures grey', () => {
    expect(vacancyClass(0).key).toBe('full')
    expect(vacancyClass(0.05).key).toBe('low')
    expect(vacancyClass(0.2).key).toBe('mid')
    expect(vacancyClass(0.399).key).toBe('high')
    expect(vacancyClass(1).key).toBe('veryHigh')
    expect(vacancyClass(null).key).toBe('none')
  })
  it('sizes markers by leasable area within 5–16 px', () => {
    expect(markerRadius(0)).toBe(5)
    expect(markerRadius(10_000)).toBe(8)
    expect(markerRadius(100_000)).toBe(16)
    expect(markerRadius(40_000)).toBeGreaterThan(markerRadius(20_000))
  })
})

describe('cluster bubble counts', async () => {
  const { formatBubbleCount } = await import('../../src/renderer/src/lib/format')
  it('count whole below ten thousand and in 万 above', () => {
    expect(formatBubbleCount(7)).toBe('7')
    expect(formatBubbleCount(9876)).toBe('9876')
    expect(formatBubbleCount(12_345)).toBe('1.2万')
    expect(formatBubbleCount(20_000)).toBe('2万')
  })
})
