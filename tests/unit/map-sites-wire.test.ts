import { describe, expect, it } from 'vitest'
import type { MapBuilding, MapParcel, MapSites } from '../../src/shared/mapSites'
import { decodeMapSites, encodeMapSites, flattenBoundary, type MapSitesWire, unflattenBoundary } from '../../src/shared/mapSitesWire'

const building = (i: number, over: Partial<MapBuilding> = {}): MapBuilding => ({
  id: `b${i}`, name: `楼宇 ${i}`, address: i % 2 ? null : `青年大街 ${i} 号`, districtCode: '210103',
  clusterId: i % 3 ? null : 'c1', kind: 'office', grade: i % 2 ? 'a' : null, lng: 123.4 + i / 1e4, lat: 41.8 - i / 1e4,
  leasableArea: 1000 * i, vacantArea: 250.5 * i, vacancyRate: i ? 0.2505 : null, largestVacantBlock: 120,
  rentMin: i % 2 ? 1.8 : null, rentMax: i % 2 ? 3.25 : null, vacantFitOuts: i % 2 ? ['bare', 'fitted'] : [],
  tenantCount: i, parkIds: i === 1 ? ['p1', 'p2'] : [], photoId: i === 2 ? 'ph1' : null, check: i % 2 ? '2026-01-05V' : '2025-11-30E', isDemo: i % 2 === 0, ...over,
})

const parcel = (i: number, boundary: MapParcel['boundary']): MapParcel => ({
  id: `l${i}`, code: `DK-${i}`, name: `地块 ${i}`, districtCode: '210104', landUse: 'industrial', status: 'listed',
  area: i ? 12000 : null, lng: i ? 123.5 : null, lat: i ? 41.7 : null, boundary, referencePrice: i ? 380000 : null,
  photoId: null, check: `2026-0${1 + (i % 9)}-0${1 + (i % 9)}V`, isDemo: i === 1,
})

const square = (x: number, y: number, d: number): [number, number][] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]

const sites: MapSites = {
  buildings: [0, 1, 2, 3].map((i) => building(i)).concat(building(4, { lng: null, lat: null })),
  parcels: [
    parcel(0, null),
    parcel(1, { type: 'Polygon', coordinates: [square(123.5, 41.7, 0.01), square(123.502, 41.702, 0.001)] }),
    parcel(2, { type: 'MultiPolygon', coordinates: [[square(123.1234567, 41.7654321, 0.002)], [square(123.2, 41.6, 0.003), square(123.201, 41.601, 0.0005)]] }),
  ],
  parks: [{ id: 'p1', name: '空中园区', theme: '软件', status: 'operating', districtCode: '210103', totalArea: 5000, hosts: [{ buildingId: 'b1', floors: '5-8' }], photoId: null, isDemo: false }],
  clusters: [{ id: 'c1', name: '金廊', districtCode: '210103' }],
}

describe('map.sites in columns', () => {
  it('decodes to exactly the sites encoded, through JSON as over the wire', () => {
    const wire = JSON.parse(JSON.stringify(encodeMapSites(sites))) as MapSitesWire
    expect(decodeMapSites(wire)).toStrictEqual(sites)
  })

  it('keeps each key once: one column per field, a row per site', () => {
    const wire = encodeMapSites(sites)
    expect(wire.buildings.id).toEqual(['b0', 'b1', 'b2', 'b3', 'b4'])
    expect(wire.buildings.isDemo).toEqual([1, 0, 1, 0, 1])
    expect(wire.parcels.boundary[1]).toEqual({ multi: 0, polygons: [[square(123.5, 41.7, 0.01).flat(), square(123.502, 41.702, 0.001).flat()]] })
    expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(sites).length)
  })

  it('round-trips empty sites and boundaries of either type', () => {
    const empty: MapSites = { buildings: [], parcels: [], parks: [], clusters: [] }
    expect(decodeMapSites(JSON.parse(JSON.stringify(encodeMapSites(empty))) as MapSitesWire)).toStrictEqual(empty)
    for (const p of sites.parcels) expect(unflattenBoundary(flattenBoundary(p.boundary))).toStrictEqual(p.boundary)
  })

  it('refuses a form it does not know', () => {
    const wire = { ...encodeMapSites(sites), format: 'rows-0' } as unknown as MapSitesWire
    expect(() => decodeMapSites(wire)).toThrow('地图数据：无法识别的格式 rows-0')
  })
})
