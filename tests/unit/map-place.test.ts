import { describe, expect, it } from 'vitest'
import type { MapBuilding, MapParcel, MapSites } from '../../src/shared/mapSites'
import { freeArea, paddingsOf } from '../../src/renderer/src/features/map/freeArea'
import { metresBetween, placeOf } from '../../src/renderer/src/features/map/sitePlace'

const building = (over: Partial<MapBuilding> = {}): MapBuilding => ({
  id: 'b1', name: '茂业中心', address: '沈河区青年大街 185 号', districtCode: '210103', clusterId: null, kind: 'office', grade: 'a',
  lng: 123.435, lat: 41.795, leasableArea: 10_000, vacantArea: 2_000, vacancyRate: 0.2, largestVacantBlock: 1_500,
  rentMin: 3.5, rentMax: 4.5, vacantFitOuts: [], tenantCount: 12, parkIds: [], photoId: null, check: '2026-01-05V', isDemo: false, ...over,
})
const parcel = (over: Partial<MapParcel> = {}): MapParcel => ({
  id: 'p1', code: 'HN2025-001', name: '浑河站东工业地块', districtCode: '210112', landUse: 'industrial', status: 'listed',
  area: 30_000, lng: 123.45, lat: 41.7, boundary: null, referencePrice: null, photoId: null, check: '2026-01-05V', isDemo: false, ...over,
})

describe('the free part of the map', () => {
  const map = { left: 0, top: 0, right: 700, bottom: 520 }
  it('cuts the card off the right and a wide low legend off the bottom', () => {
    const card = { left: 368, top: 12, right: 688, bottom: 300 }
    const legend = { left: 10, top: 330, right: 250, bottom: 492 }
    const zoom = { left: 10, top: 10, right: 44, bottom: 74 }
    const free = freeArea(map, [zoom, legend, card])
    expect(free.right).toBe(368)
    // The legend is cut from below (keeping 330 px of height beats losing 250 px of width).
    expect(free.bottom).toBe(330)
    // The small zoom buttons are cut from the side that costs least: their 44 px on the left.
    expect(free.left).toBe(44)
    expect(paddingsOf(map, free, 10)).toEqual({ paddingTopLeft: [54, 10], paddingBottomRight: [342, 200] })
  })
  it('cuts an overlay from the side it names, however short it is', () => {
    const card = { left: 368, top: 12, right: 688, bottom: 200 }
    expect(freeArea(map, [card]).bottom).toBe(520)
    expect(freeArea(map, [card]).top).toBe(200)
    expect(freeArea(map, [{ ...card, side: 'right' }])).toEqual({ ...map, right: 368 })
  })
  it('leaves the map whole without overlays, and ignores those outside it', () => {
    expect(freeArea(map, [])).toEqual(map)
    expect(freeArea(map, [{ left: 800, top: 0, right: 900, bottom: 100 }])).toEqual(map)
  })
})

describe('where a selected site is, in words', () => {
  const sites: MapSites = {
    buildings: [
      building({ id: 'b1', clusterId: 'c1' }),
      building({ id: 'b2', name: '华润大厦', address: null, lng: 123.45, lat: 41.705, clusterId: 'c2' }),
      building({ id: 'b3', name: '未定位', lng: null, lat: null, clusterId: 'c2' }),
    ],
    parcels: [parcel()],
    parks: [],
    clusters: [{ id: 'c1', name: '金廊', districtCode: '210103' }, { id: 'c2', name: '浑南', districtCode: '210112' }],
  }
  it('gives a building its address and own cluster', () => {
    const place = placeOf({ kind: 'building', site: sites.buildings[0]!, parks: [] }, sites)
    expect(place.address).toBe('沈河区青年大街 185 号')
    expect(place.cluster).toMatchObject({ cluster: { id: 'c1' }, member: true, metres: 0 })
  })
  it('gives a parcel its nearest building and cluster, with distances', () => {
    const place = placeOf({ kind: 'parcel', site: sites.parcels[0]! }, sites)
    expect(place.address).toBeNull()
    expect(place.nearBuilding?.name).toBe('华润大厦')
    expect(place.nearBuilding!.metres).toBeCloseTo(556, -1)
    expect(place.cluster).toMatchObject({ cluster: { id: 'c2' }, member: false })
  })
  it('measures metres like the haversine within a city', () => {
    // 0.01° of latitude is 1.11 km.
    expect(metresBetween([123.4, 41.8], [123.4, 41.81])).toBeCloseTo(1112, -1)
  })
})
