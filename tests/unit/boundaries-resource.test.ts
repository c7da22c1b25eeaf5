import fs from 'node:fs'
import path from 'node:path'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { describe, expect, it } from 'vitest'
import type { BoundaryCity } from '../../src/shared/types'

// The embedded default basemap as committed (resources/boundaries, made by
// scripts/derive-boundaries.ts): small, complete, valid, and in WGS-84.

const dir = path.resolve(__dirname, '../../resources/boundaries')
const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as {
  crs: string
  licence: string
  sourceCrs: Record<string, unknown>
  crsCheck: { regions: Array<{ region: string; conclusion: string; osm: { points: number; medianAsWgs84M: number; medianAsGcj02M: number } }> }
  cities: BoundaryCity[]
}

type Ring = number[][]
type Shape = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] }

function readCity(code: string) {
  const topology = JSON.parse(fs.readFileSync(path.join(dir, 'cities', `${code}.json`), 'utf8')) as Topology
  return feature(topology, topology.objects.districts as GeometryCollection<{ code: string; name: string }>).features as Array<{
    properties: { code: string; name: string }
    geometry: Shape
  }>
}

const polygonsOf = (g: Shape): Ring[][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)

function insideRing([x, y]: number[], ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) inside = !inside
  }
  return inside
}

const inside = (p: number[], g: Shape) => polygonsOf(g).some((poly) => insideRing(p, poly[0]!) && !poly.slice(1).some((hole) => insideRing(p, hole)))

function ringArea(ring: Ring): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!)
  return sum / 2
}

function folderSize(folder: string): number {
  return fs.readdirSync(folder, { withFileTypes: true }).reduce((total, entry) => {
    const full = path.join(folder, entry.name)
    return total + (entry.isDirectory() ? folderSize(full) : fs.statSync(full).size)
  }, 0)
}

const city = (code: string) => index.cities.find((c) => c.code === code)

describe('the embedded district boundaries', () => {
  it('stay under 10 MB in all, credit their source and list every city', () => {
    expect(folderSize(dir)).toBeLessThan(10 * 1024 * 1024)
    expect(fs.readFileSync(path.join(dir, 'LICENSE'), 'utf8')).toMatch(/MIT License[\s\S]*Copyright \(c\) 2017 jaska/)
    expect(fs.existsSync(path.join(dir, 'README.md'))).toBe(true)
    expect(index.licence).toBe('MIT')
    expect(index.cities.length).toBeGreaterThanOrEqual(300)
    const provinces = new Set(index.cities.map((c) => c.code.slice(0, 2)))
    expect(provinces.size).toBe(34)
    const districtCodes = index.cities.flatMap((c) => c.districts.map((d) => d.code))
    expect(new Set(districtCodes).size).toBe(districtCodes.length)
    for (const code of districtCodes) expect(code).toMatch(/^\d{6}$/)
  })

  it('are WGS-84, with the evidence of the check recorded', () => {
    expect(index.crs).toBe('wgs84')
    expect(index.sourceCrs).toMatchObject({ mainland: 'gcj02', hongKong: 'gcj02', macau: 'gcj02', taiwan: 'wgs84' })
    const mainland = index.crsCheck.regions.find((r) => r.region === 'mainland')!
    expect(mainland.conclusion).toBe('gcj02')
    expect(mainland.osm.points).toBeGreaterThan(1000)
    expect(mainland.osm.medianAsGcj02M).toBeLessThan(mainland.osm.medianAsWgs84M)
  })

  it('know the districts of Shenyang and Hangzhou', () => {
    expect(city('210100')).toMatchObject({ name: '沈阳市', province: '辽宁省' })
    expect(city('210100')!.districts).toEqual(
      expect.arrayContaining([
        { code: '210102', name: '和平区' },
        { code: '210103', name: '沈河区' },
        { code: '210105', name: '皇姑区' },
        { code: '210112', name: '浑南区' },
      ]),
    )
    expect(city('330100')!.districts).toContainEqual({ code: '330105', name: '拱墅区' })
    expect(city('110000')).toMatchObject({ name: '北京市', province: '北京市' })
  })

  it('decode, city by city, into valid polygons inside the bounding box the index gives', () => {
    const problems: string[] = []
    for (const c of index.cities) {
      const features = readCity(c.code)
      expect(features.map((f) => f.properties.code), c.code).toEqual(c.districts.map((d) => d.code))
      const [w, s, e, n] = c.bbox
      for (const f of features) {
        const at = `${c.code}/${f.properties.code}`
        if (f.properties.name !== c.districts.find((d) => d.code === f.properties.code)!.name) problems.push(`${at}: name`)
        const type: string = f.geometry.type
        if (type !== 'Polygon' && type !== 'MultiPolygon') problems.push(`${at}: ${type}`)
        for (const poly of polygonsOf(f.geometry)) {
          if (ringArea(poly[0]!) === 0) problems.push(`${at}: empty ring`)
          for (const ring of poly) {
            const [first, last] = [ring[0]!, ring[ring.length - 1]!]
            if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1]) problems.push(`${at}: ring of ${ring.length} open or too short`)
            for (const [x, y] of ring) {
              if (!(x! >= w && x! <= e && y! >= s && y! <= n)) problems.push(`${at}: ${x},${y} outside ${c.bbox.join(',')}`)
            }
          }
        }
      }
      // The centre, the source's label point converted like the shapes, lies in the city.
      if (!features.some((f) => inside(c.center, f.geometry))) problems.push(`${c.code}: centre ${c.center.join(',')} outside`)
    }
    expect(problems.slice(0, 20)).toEqual([])
  }, 60_000)

  it('put well-known places (WGS-84) in the right district', () => {
    const places: Array<[string, number, number, string, string]> = [
      ['沈阳故宫', 123.4503, 41.7961, '210100', '210103'],
      ['雍和宫', 116.4172, 39.9474, '110000', '110101'],
      ['西湖', 120.144, 30.246, '330100', '330106'],
      ['拱宸桥', 120.1395, 30.3194, '330100', '330105'],
      ['人民广场', 121.4726, 31.2317, '310000', '310101'],
      ['沙田', 114.188, 22.382, '810000', '810016'],
      ['台北 101', 121.5645, 25.034, '710000', '710000'],
    ]
    for (const [name, lng, lat, cityCode, districtCode] of places) {
      const hits = readCity(cityCode).filter((f) => inside([lng, lat], f.geometry))
      expect(hits.map((f) => f.properties.code), name).toEqual([districtCode])
    }
  })

  it('have an overview with every city’s outline', () => {
    const topology = JSON.parse(fs.readFileSync(path.join(dir, 'overview.json'), 'utf8')) as Topology
    const outlines = feature(topology, topology.objects.cities as GeometryCollection<{ code: string }>).features
    expect(outlines.map((f) => f.properties.code)).toEqual(index.cities.map((c) => c.code))
  })
})
