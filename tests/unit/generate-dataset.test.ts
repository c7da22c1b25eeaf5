import turfArea from '@turf/area'
import { describe, expect, it } from 'vitest'
import { buildGeneratedDataset, type GenerateOptions } from '../../src/main/services/generate/dataset'
import { parcelShape } from '../../src/main/services/generate/land'
import { CENTRES, metresBetween, spreadScale } from '../../src/main/services/generate/positions'
import { createStream } from '../../src/main/services/generate/random'
import { checkCreditCode } from '../../src/shared/creditCode'
import { LEASABLE_STATUSES } from '../../src/shared/domain'
import { buildingCreate } from '../../src/shared/schemas/buildings'
import { clusterCreate } from '../../src/shared/schemas/clusters'
import { leaseCreate } from '../../src/shared/schemas/leases'
import { parcelCreate } from '../../src/shared/schemas/parcels'
import { parkCreate } from '../../src/shared/schemas/parks'
import { spaceCreate } from '../../src/shared/schemas/spaces'
import { tenantCreate } from '../../src/shared/schemas/tenants'

const TODAY = '2025-06-15'
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const SHENYANG = { west: 122.4, east: 124.0, south: 41.1, north: 42.2 }

const build = (options: Partial<GenerateOptions> = {}) =>
  buildGeneratedDataset({ seed: 1, buildings: 300, parcels: 200, today: TODAY, ...options })

type Point = [number, number]

/** Whether segments ab and cd cross or touch (collinear overlaps included). */
function segmentsMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const cross = (o: Point, p: Point, q: Point) => (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])
  const onSegment = (o: Point, p: Point, q: Point) =>
    Math.min(o[0], p[0]) <= q[0] && q[0] <= Math.max(o[0], p[0]) && Math.min(o[1], p[1]) <= q[1] && q[1] <= Math.max(o[1], p[1])
  const d1 = cross(c, d, a)
  const d2 = cross(c, d, b)
  const d3 = cross(a, b, c)
  const d4 = cross(a, b, d)
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true
  return (d1 === 0 && onSegment(c, d, a)) || (d2 === 0 && onSegment(c, d, b)) || (d3 === 0 && onSegment(a, b, c)) || (d4 === 0 && onSegment(a, b, d))
}

/** A closed ring none of whose non-adjacent edges meet. */
function isSimpleRing(ring: Point[]): boolean {
  const n = ring.length - 1 // the last position repeats the first
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue // neighbours share a vertex
      if (segmentsMeet(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return false
    }
  }
  return true
}

const vacancyOf = (spaces: ReadonlyArray<{ status: string; area: number }>) => {
  const leasable = spaces.filter((s) => (LEASABLE_STATUSES as readonly string[]).includes(s.status)).reduce((sum, s) => sum + s.area, 0)
  const vacant = spaces.filter((s) => s.status === 'vacant').reduce((sum, s) => sum + s.area, 0)
  return leasable > 0 ? vacant / leasable : null
}

describe('generate: seeded streams', () => {
  it('repeat for a seed, differ between seeds and between streams', () => {
    const draw = (seed: number, stream: 'buildings' | 'parcels') => {
      const r = createStream(seed, stream)
      return Array.from({ length: 20 }, () => r.next())
    }
    expect(draw(1, 'buildings')).toEqual(draw(1, 'buildings'))
    expect(draw(1, 'buildings')).not.toEqual(draw(2, 'buildings'))
    expect(draw(1, 'buildings')).not.toEqual(draw(1, 'parcels'))
    expect(draw(0, 'parcels').every((x) => x >= 0 && x < 1)).toBe(true)
  })

  it('makes version-4 UUIDs', () => {
    const r = createStream(5, 'groups')
    const ids = Array.from({ length: 1000 }, () => r.uuid())
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('generate: dataset builder', () => {
  const data = build()
  const spaces = data.buildings.flatMap((b) => b.spaces)

  it('gives the same dataset, ids included, for the same arguments', () => {
    expect(build()).toEqual(data)
  })

  it('gives a different dataset for a different seed', () => {
    const other = build({ seed: 2 })
    expect(other.buildings.map((b) => b.id)).not.toEqual(data.buildings.map((b) => b.id))
    expect(other.buildings.map((b) => b.name)).not.toEqual(data.buildings.map((b) => b.name))
    expect(other.parcels.map((p) => p.boundary)).not.toEqual(data.parcels.map((p) => p.boundary))
  })

  it('moves only the dates with another day, and keeps parcels apart from the building count', () => {
    const later = build({ today: '2026-01-10' })
    expect(later.buildings.map((b) => [b.id, b.name, b.lng, b.lat])).toEqual(data.buildings.map((b) => [b.id, b.name, b.lng, b.lat]))
    expect(later.tenants).toEqual(data.tenants)
    expect(later.leases.map((l) => l.endDate)).not.toEqual(data.leases.map((l) => l.endDate))
    expect(build({ buildings: 50 }).parcels).toEqual(data.parcels)
  })

  it('honours the counts it is given', () => {
    expect(data.buildings).toHaveLength(300)
    expect(data.parcels).toHaveLength(200)
    expect(spaces).toHaveLength(300 * 15)
    const exact = build({ buildings: 120, parcels: 30, spaces: 2345, tenants: 400 })
    expect(exact.buildings).toHaveLength(120)
    expect(exact.parcels).toHaveLength(30)
    expect(exact.buildings.flatMap((b) => b.spaces)).toHaveLength(2345)
    expect(exact.tenants).toHaveLength(400)
    // More companies than leasable groups: the rest are on the register without a lease.
    const many = build({ buildings: 5, parcels: 0, spaces: 20, tenants: 50 })
    expect(many.tenants).toHaveLength(50)
    expect(many.leases.length).toBeLessThan(50)
    const none = build({ buildings: 0, parcels: 0 })
    expect(none).toMatchObject({ buildings: [], parcels: [], tenants: [], leases: [], clusters: [], parks: [] })
    expect(() => build({ buildings: 50_001 })).toThrow(RangeError)
    expect(() => build({ seed: -1 })).toThrow(RangeError)
  })

  it('leases about 40 % of leased spaces to companies by default', () => {
    const leased = spaces.filter((s) => s.status === 'leased').length
    const covered = data.leases.reduce((sum, l) => sum + l.spaceIds.length, 0)
    expect(data.tenants).toHaveLength(data.leases.length)
    expect(covered / leased).toBeGreaterThanOrEqual(0.4)
    expect(covered / leased).toBeLessThan(0.45)
  })

  it('passes the same validation as user input', () => {
    const id = '00000000-0000-4000-8000-000000000000'
    const check = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
      expect(schema.safeParse(value).error).toBeUndefined()
    }
    for (const { id: _i, ...cluster } of data.clusters) check(clusterCreate, cluster)
    for (const { id: _i, spaces: rows, ...building } of data.buildings) {
      check(buildingCreate, building)
      for (const { id: _s, ...space } of rows) check(spaceCreate, { ...space, buildingId: id })
    }
    for (const { id: _i, ...tenant } of data.tenants) check(tenantCreate, tenant)
    for (const { id: _i, buildingId: _b, ...lease } of data.leases) check(leaseCreate, lease)
    for (const { id: _i, ...parcel } of data.parcels) check(parcelCreate, parcel)
    for (const { id: _i, subParks, hosts, ...park } of data.parks) {
      check(parkCreate, { ...park, subParks: subParks.map(({ id: _s, ...s }) => s), hosts: hosts.map(({ id: _h, ...h }) => h) })
    }
  })

  it('keeps ids, names and codes unique and references resolvable', () => {
    const ids = [
      ...data.clusters.map((c) => c.id), ...data.buildings.map((b) => b.id), ...spaces.map((s) => s.id), ...data.tenants.map((t) => t.id),
      ...data.leases.map((l) => l.id), ...data.parcels.map((p) => p.id), ...data.parks.flatMap((p) => [p.id, ...p.subParks.map((s) => s.id), ...p.hosts.map((h) => h.id)]),
    ]
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    const unique = (values: unknown[]) => expect(new Set(values).size).toBe(values.length)
    unique(data.buildings.map((b) => b.name))
    unique(data.tenants.map((t) => t.name))
    unique(data.tenants.map((t) => t.creditCode))
    unique(data.parcels.map((p) => p.code))
    unique(data.parcels.map((p) => p.name))
    unique(data.parks.map((p) => p.name))
    unique(data.clusters.map((c) => c.name))
    unique(data.leases.flatMap((l) => l.spaceIds))
    const clusterIds = new Set(data.clusters.map((c) => c.id))
    expect(data.buildings.every((b) => b.clusterId === null || clusterIds.has(b.clusterId))).toBe(true)
    const buildingIds = new Set(data.buildings.map((b) => b.id))
    expect(data.parks.flatMap((p) => p.hosts).every((h) => buildingIds.has(h.buildingId))).toBe(true)
  })

  it('makes valid credit codes, for tenants with and without leases', () => {
    const codes = build({ tenants: 2000 }).tenants.map((t) => t.creditCode)
    expect(codes).toHaveLength(2000)
    for (const code of codes) expect(checkCreditCode(code), code).toBeNull()
  })

  it('leases only leased spaces of the lease building, with their area and dates in order', () => {
    const spaceById = new Map(data.buildings.flatMap((b) => b.spaces.map((s) => [s.id, { ...s, buildingId: b.id }] as const)))
    const tenantIds = new Set(data.tenants.map((t) => t.id))
    for (const lease of data.leases) {
      const leased = lease.spaceIds.map((id) => spaceById.get(id)!)
      expect(leased.every((s) => s.status === 'leased' && s.buildingId === lease.buildingId)).toBe(true)
      expect(lease.area).toBeCloseTo(leased.reduce((sum, s) => sum + s.area, 0), 1)
      expect(tenantIds.has(lease.tenantId)).toBe(true)
      expect(lease.startDate <= lease.endDate).toBe(true)
    }
  })

  it('places buildings around business centres of their own district, inside Shenyang', () => {
    const scale = spreadScale(data.buildings.length)
    for (const b of data.buildings) {
      expect(b.lng).toBeGreaterThanOrEqual(SHENYANG.west)
      expect(b.lng).toBeLessThanOrEqual(SHENYANG.east)
      expect(b.lat).toBeGreaterThanOrEqual(SHENYANG.south)
      expect(b.lat).toBeLessThanOrEqual(SHENYANG.north)
      const home = CENTRES.filter((c) => c.districtCode === b.districtCode)
      const nearest = Math.min(...home.map((c) => metresBetween([b.lng, b.lat], c.centre) / (c.spread * scale)))
      expect(nearest, b.name).toBeLessThanOrEqual(3 * Math.SQRT2 + 0.01)
    }
  })

  it('draws parcels as simple closed polygons whose stored area is their turf area', () => {
    for (const parcel of data.parcels) {
      expect(parcel.boundary.type).toBe('Polygon')
      const ring = parcel.boundary.coordinates[0] as Point[]
      expect(ring.length).toBeGreaterThanOrEqual(5)
      expect(ring.length).toBeLessThanOrEqual(9)
      expect(ring[0]).toEqual(ring[ring.length - 1])
      expect(isSimpleRing(ring), parcel.code).toBe(true)
      expect(Math.abs(turfArea(parcel.boundary) - parcel.area!) / parcel.area!).toBeLessThan(0.001)
      const mu = parcel.area! / (10000 / 15)
      expect(mu).toBeGreaterThanOrEqual(4.99)
      expect(mu).toBeLessThanOrEqual(300.01)
      for (const [lng, lat] of ring) {
        expect(lng).toBeGreaterThan(SHENYANG.west)
        expect(lng).toBeLessThan(SHENYANG.east)
        expect(lat).toBeGreaterThan(SHENYANG.south)
        expect(lat).toBeLessThan(SHENYANG.north)
      }
    }
  })

  it('never lets two parcels overlap, and puts most of them on the outskirts', () => {
    const boxes = data.parcels.map((p) => {
      const ring = p.boundary.coordinates[0] as Point[]
      const lngs = ring.map((c) => c[0])
      const lats = ring.map((c) => c[1])
      return [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)] as const
    })
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!]
        const overlap = a[0] < b[1] && b[0] < a[1] && a[2] < b[3] && b[2] < a[3]
        expect(overlap, `${data.parcels[i]!.code} / ${data.parcels[j]!.code}`).toBe(false)
      }
    }
    const outskirts = data.parcels.filter((p) => ['210106', '210111', '210112', '210113', '210114'].includes(p.districtCode))
    expect(outskirts.length / data.parcels.length).toBeGreaterThan(0.75)
    expect(new Set(data.parcels.map((p) => p.landUse)).size).toBeGreaterThanOrEqual(6)
    expect(new Set(data.parcels.map((p) => p.status)).size).toBe(4)
  })

  it('draws polygon shapes that never cross themselves', () => {
    const r = createStream(9, 'parcels')
    for (let i = 0; i < 2000; i++) {
      const shape = parcelShape(r, r.float(50, 600), r.float(50, 600))
      expect(shape.length).toBeGreaterThanOrEqual(4)
      expect(shape.length).toBeLessThanOrEqual(8)
      expect(isSimpleRing([...shape, shape[0]!])).toBe(true)
    }
  })

  it('spreads vacancy from fully let to mostly empty, with asking rents of 1.5–7 元/m²·天 in graded towers', () => {
    const many = build({ buildings: 2000, parcels: 0 })
    const rates = many.buildings.map((b) => vacancyOf(b.spaces)).filter((r): r is number => r !== null)
    expect(rates.length).toBeGreaterThan(1700)
    expect(rates.filter((r) => r === 0).length / rates.length).toBeGreaterThan(0.05)
    expect(rates.filter((r) => r >= 0.4).length / rates.length).toBeGreaterThan(0.03)
    expect(rates.filter((r) => r > 0.1 && r < 0.3).length / rates.length).toBeGreaterThan(0.3)
    expect(Math.max(...rates)).toBeLessThanOrEqual(0.62 + 1e-9)
    const graded = many.buildings.filter((b) => b.grade !== null)
    const rents = graded.flatMap((b) => b.spaces.map((s) => s.askingRent).filter((r): r is number => r !== null))
    expect(Math.min(...rents)).toBeGreaterThanOrEqual(1.5)
    expect(Math.max(...rents)).toBeLessThanOrEqual(7)
    for (const b of many.buildings.filter((x) => x.kind !== 'industrial' && x.kind !== 'stalled')) {
      expect(b.floorsAbove).toBeGreaterThanOrEqual(8)
      expect(b.floorsAbove).toBeLessThanOrEqual(60)
    }
    expect(new Set(many.buildings.map((b) => b.districtCode)).size).toBe(9)
    expect(many.clusters.length).toBeGreaterThanOrEqual(2)
    expect(many.parks.length).toBeGreaterThanOrEqual(2)
  })
})
