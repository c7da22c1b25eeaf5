import { randomUUID } from 'node:crypto'
import turfArea from '@turf/area'
import { describe, expect, it } from 'vitest'
import { buildDemoDataset } from '../../src/main/services/demo/dataset'
import { splitMu } from '../../src/main/services/demo/parcels'
import { createRandom } from '../../src/main/services/demo/random'
import { quadOutline } from '../../src/main/services/demo/shapes'
import { LEASABLE_STATUSES } from '../../src/shared/domain'
import { buildingCreate } from '../../src/shared/schemas/buildings'
import { clusterCreate } from '../../src/shared/schemas/clusters'
import { leaseCreate } from '../../src/shared/schemas/leases'
import { parcelCreate } from '../../src/shared/schemas/parcels'
import { parkCreate } from '../../src/shared/schemas/parks'
import { spaceCreate } from '../../src/shared/schemas/spaces'
import { tenantCreate } from '../../src/shared/schemas/tenants'

const TODAY = '2025-06-15'

describe('seeded random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const r = createRandom(seed)
      return Array.from({ length: 20 }, () => r.next())
    }
    expect(draw(7)).toEqual(draw(7))
    expect(draw(7)).not.toEqual(draw(8))
    expect(draw(7).every((x) => x >= 0 && x < 1)).toBe(true)
  })

  it('keeps int, float and shuffle within their promises', () => {
    const r = createRandom(1)
    const ints = Array.from({ length: 500 }, () => r.int(2, 4))
    expect(new Set(ints)).toEqual(new Set([2, 3, 4]))
    expect(Array.from({ length: 200 }, () => r.float(1, 2, 1)).every((x) => x >= 1 && x <= 2 && Math.round(x * 10) === x * 10)).toBe(true)
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5])
  })
})

describe('demo dataset builder', () => {
  const data = buildDemoDataset({ today: TODAY })

  it('is a pure function of its options', () => {
    expect(buildDemoDataset({ today: TODAY })).toEqual(data)
    const later = buildDemoDataset({ today: '2026-01-10' })
    expect(later.buildings.map((b) => b.name)).toEqual(data.buildings.map((b) => b.name))
    expect(later.leases.map((l) => l.endDate)).not.toEqual(data.leases.map((l) => l.endDate))
  })

  it('passes the same validation as user input', () => {
    const id = randomUUID()
    const check = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
      const result = schema.safeParse(value)
      expect(result.error).toBeUndefined()
    }
    for (const { key: _k, ...cluster } of data.clusters) check(clusterCreate, cluster)
    // verifiedAt is no form field: it is set by verification.mark (核实), checked below.
    for (const { key: _k, clusterKey, spaces, verifiedAt: _v, ...building } of data.buildings) {
      check(buildingCreate, { ...building, clusterId: clusterKey ? id : null })
      for (const { key: _s, verifiedAt: _sv, ...space } of spaces) check(spaceCreate, { ...space, buildingId: id })
    }
    for (const { key: _k, ...tenant } of data.tenants) check(tenantCreate, tenant)
    for (const { key: _k, tenantKey: _t, buildingKey: _b, spaceKeys, ...lease } of data.leases) {
      check(leaseCreate, { ...lease, tenantId: id, spaceIds: spaceKeys.map(() => id) })
    }
    for (const { verifiedAt: _v, ...parcel } of data.parcels) check(parcelCreate, parcel)
    for (const { key: _k, hosts, ...park } of data.parks) check(parkCreate, { ...park, hosts: hosts.map(({ buildingKey: _b, ...h }) => ({ ...h, buildingId: id })) })
  })

  it('dates the survey as a season leaves it: most records fresh, some overdue, none in the future', () => {
    const today = '2026-12-01'
    const d = buildDemoDataset({ today })
    const overdue = (day: string | null | undefined) => !!day && day < '2026-09-02' // more than 90 days before today
    const buildings = d.buildings.map((b) => b.verifiedAt)
    const spaces = d.buildings.flatMap((b) => b.spaces.map((s) => s.verifiedAt))
    const parcels = d.parcels.map((p) => p.verifiedAt)
    for (const day of [...buildings, ...spaces, ...parcels]) expect(day! <= today && /^\d{4}-\d{2}-\d{2}$/.test(day!)).toBe(true)
    for (const days of [buildings, spaces, parcels]) {
      expect(days.some(overdue)).toBe(true)
      expect(days.some((day) => !overdue(day))).toBe(true)
    }
  })

  it('keeps keys unique and references resolvable', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length)
    const spaces = data.buildings.flatMap((b) => b.spaces)
    unique(data.buildings.map((b) => b.key))
    unique(spaces.map((s) => s.key))
    unique(data.tenants.map((t) => t.creditCode))
    unique(data.tenants.map((t) => t.name))
    unique(data.parcels.map((p) => p.code))
    unique(data.leases.flatMap((l) => l.spaceKeys))
    const buildingKeys = new Set(data.buildings.map((b) => b.key))
    expect(data.parks.flatMap((p) => p.hosts).every((h) => buildingKeys.has(h.buildingKey))).toBe(true)
  })

  it('gives each building with floors a vacancy between 5% and 40% and Grade A rents of 2.5–6 元/m²·天', () => {
    for (const b of data.buildings.filter((x) => x.spaces.length > 0)) {
      const leasable = b.spaces.filter((s) => LEASABLE_STATUSES.includes(s.status)).reduce((sum, s) => sum + s.area, 0)
      const vacant = b.spaces.filter((s) => s.status === 'vacant').reduce((sum, s) => sum + s.area, 0)
      expect(vacant / leasable, b.name).toBeGreaterThanOrEqual(0.05)
      expect(vacant / leasable, b.name).toBeLessThanOrEqual(0.4)
    }
    const gradeA = data.buildings.filter((b) => b.kind === 'office' && (b.grade === 'a' || b.grade === 'super_a'))
    const rents = gradeA.flatMap((b) => b.spaces.map((s) => s.askingRent).filter((r): r is number => r !== null))
    expect(rents.length).toBeGreaterThan(50)
    expect(Math.min(...rents)).toBeGreaterThanOrEqual(2.5)
    expect(Math.max(...rents)).toBeLessThanOrEqual(6)
  })

  it('places buildings and parcels inside their districts', () => {
    const boxes: Record<string, [number, number, number, number]> = {
      '210103': [123.4, 123.48, 41.76, 41.82], '210112': [123.4, 123.55, 41.68, 41.74], '330105': [120.12, 120.18, 30.3, 30.36],
    }
    for (const p of [...data.buildings, ...data.parcels]) {
      const [west, east, south, north] = boxes[p.districtCode]!
      expect(p.lng, p.name).toBeGreaterThanOrEqual(west)
      expect(p.lng, p.name).toBeLessThanOrEqual(east)
      expect(p.lat, p.name).toBeGreaterThanOrEqual(south)
      expect(p.lat, p.name).toBeLessThanOrEqual(north)
    }
  })
})

describe('parcel shapes', () => {
  it('draws a quad whose turf area is the requested one', () => {
    const r = createRandom(3)
    for (const target of [4_000, 48_366.67, 133_333.33]) {
      const { boundary } = quadOutline(r, [123.45, 41.7], target)
      expect(Math.abs(turfArea(boundary) - target) / target).toBeLessThan(1e-5)
    }
  })

  it('splits a total of 亩 into parts that add up exactly', () => {
    const parts = splitMu(createRandom(5), 165.69, 7)
    expect(parts).toHaveLength(7)
    expect(Math.round(parts.reduce((a, b) => a + b, 0) * 100)).toBe(16569)
    expect(parts.every((p) => p > 0 && Math.round(p * 100) === p * 100)).toBe(true)
  })
})
