import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildGeneratedDataset } from '../../src/main/services/generate/dataset'
import { loadGeneratedData } from '../../src/main/services/generate/load'
import type { BuildingSummary, InventoryStats } from '../../src/shared/types'
import { getBuilding, getBuildingDetail, getBuildingFields, listBuildings, parksInBuilding } from '../../src/main/store/buildings'
import { readRows, readTemplate } from '../../src/main/store/handle'
import { listLeases } from '../../src/main/store/leases'
import { listSpaces } from '../../src/main/store/spaces'
import { legacyInventoryStats } from '../helpers/legacyStats'
import { openTestApp, type TestApp } from '../helpers/store'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

// One building's page, an update's answer, the map and the statistics all read figures computed
// for less than the whole list (one building, one pass, one aggregate): they must say what the
// list says.

const FIGURES = ['spaceCount', 'leasableArea', 'vacantArea', 'leasedArea', 'vacancyRate', 'occupancyRate', 'tenantCount', 'aboveScaleTenantCount', 'annualTax', 'rentMin', 'rentMax', 'check'] as const
const figuresOf = (b: BuildingSummary) => Object.fromEntries(FIGURES.map((k) => [k, b[k]]))

describe('one-row reads', () => {
  let app: TestApp
  let list: BuildingSummary[]
  beforeAll(async () => {
    app = await openTestApp()
    const data = buildGeneratedDataset({ seed: 3, buildings: 60, parcels: 5, spaces: 900, tenants: 200, today: '2025-06-15' })
    await loadGeneratedData(app.services.ctx, data)
    // A deleted building and a deleted space, which the figures must leave out or keep as before.
    const [first, second] = await app.ok('buildings.list', {})
    const { spaces } = await app.ok('buildings.get', { id: first!.id })
    const free = spaces.find((s) => s.status !== 'leased')
    if (free) await app.ok('spaces.delete', { id: free.id })
    const { leases } = await app.ok('buildings.get', { id: second!.id })
    for (const lease of leases) await app.ok('leases.delete', { id: lease.id })
    await app.ok('buildings.delete', { id: second!.id })
    list = await app.ok('buildings.list', {})
  }, 60_000)
  afterAll(async () => {
    await app.close()
  })

  it('buildings.get gives each building the figures the list gives it', async () => {
    expect(list.length).toBe(59)
    expect(list.some((b) => b.tenantCount > 0 && b.rentMin !== null)).toBe(true)
    for (const b of list) {
      const { building } = await app.ok('buildings.get', { id: b.id })
      expect(building).toEqual(b)
    }
  }, 60_000)

  it('buildings.get answers what the building, spaces, leases and parks reads answer one by one', async () => {
    const all = await app.ok('buildings.list', { includeDeleted: true })
    const db = app.store.db
    let withParks = 0
    for (const b of all) {
      const detail = await app.ok('buildings.get', { id: b.id })
      const [building, spaces, leases, parks] = await Promise.all([
        getBuilding(db, b.id), listSpaces(db, { buildingId: b.id }), listLeases(db, { buildingId: b.id }), parksInBuilding(db, b.id),
      ])
      expect(detail).toEqual({ building, spaces, leases, parks })
      if (parks.length > 0) withParks++
    }
    expect(withParks).toBeGreaterThan(0)
    expect(await getBuildingDetail(db, 'no-such-building')).toBeUndefined()
  }, 60_000)

  it('a read template binds the values of each call to the text it compiled once, and refuses a value written into the text', async () => {
    const named = readTemplate((id: string, kind: string) => sql<{ name: string; kind: string }>`SELECT name, kind FROM buildings WHERE id = ${id} AND kind = ${kind}`)
    for (const b of list.slice(0, 3)) {
      expect(await readRows(app.store.db, named(b.id, b.kind))).toEqual([{ name: b.name, kind: b.kind }])
      expect(await readRows(app.store.db, named(b.id, 'no-such-kind'))).toEqual([])
    }
    const inlined = readTemplate((id: string) => sql<{ id: string }>`SELECT id FROM buildings WHERE id = ${sql.lit(id)}`)
    await expect(readRows(app.store.db, inlined(list[0]!.id))).rejects.toThrow(/instead of bound/)
  })

  it('a filtered list gives the figures of the whole list', async () => {
    const district = list[0]!.districtCode
    const filtered = await app.ok('buildings.list', { districtCode: district })
    expect(filtered.length).toBeGreaterThan(0)
    expect(filtered).toEqual(list.filter((b) => b.districtCode === district))
    const deleted = await app.ok('buildings.list', { includeDeleted: true })
    expect(deleted.length).toBe(60)
    const gone = deleted.find((b) => b.deletedAt !== null)!
    // A deleted building's page still shows its figures, as the list with deleted rows does.
    expect((await app.ok('buildings.get', { id: gone.id })).building).toEqual(gone)
  })

  it('buildings.update answers the building without its figures, as stored', async () => {
    const b = list[2]!
    const updated = await app.ok('buildings.update', { id: b.id, notes: '新的备注' })
    const { building } = await app.ok('buildings.get', { id: b.id })
    expect(updated).toEqual(Object.fromEntries(Object.entries(building).filter(([k]) => !(FIGURES as readonly string[]).includes(k))))
    expect(updated.notes).toBe('新的备注')
    expect(figuresOf(building)).toEqual(figuresOf(b))
  })

  it('the map gives each building the figures of the list', async () => {
    const sites = decodeMapSites(await app.ok('map.sites', {}))
    const current = await app.ok('buildings.list', {})
    expect(sites.buildings.length).toBe(current.length)
    for (const b of current) {
      const m = sites.buildings.find((x) => x.id === b.id)!
      expect({ leasableArea: m.leasableArea, vacantArea: m.vacantArea, vacancyRate: m.vacancyRate, rentMin: m.rentMin, rentMax: m.rentMax, tenantCount: m.tenantCount })
        .toEqual({ leasableArea: b.leasableArea, vacantArea: b.vacantArea, vacancyRate: b.vacancyRate, rentMin: b.rentMin, rentMax: b.rentMax, tenantCount: b.tenantCount })
    }
  })

  it('reads the same rows straight from the connection and through Kysely inside a transaction', async () => {
    const db = app.store.db
    const ids = list.slice(0, 8).map((b) => b.id)
    const read = (q: typeof db) => Promise.all([
      listBuildings(q, {}),
      ...ids.flatMap((id) => [getBuilding(q, id), getBuildingDetail(q, id), getBuildingFields(q, id), listSpaces(q, { buildingId: id }), listLeases(q, { buildingId: id }), parksInBuilding(q, id)]),
    ])
    const direct = await read(db)
    const inside = await db.transaction().execute((trx) => read(trx))
    expect(inside).toEqual(direct)
    expect(direct[0]).toEqual(await app.ok('buildings.list', {}))
  })

  it('stats.summary aggregates once to what the per-building figures add up to', async () => {
    const stats = await app.ok('stats.summary', {})
    const old = await legacyInventoryStats(app.store.db)
    const close = (a: InventoryStats) => ({
      ...a,
      leasableArea: Math.round(a.leasableArea * 1e6),
      vacantArea: Math.round(a.vacantArea * 1e6),
      leasedArea: Math.round(a.leasedArea * 1e6),
      vacancyRate: Math.round(a.vacancyRate! * 1e12),
      occupancyRate: Math.round(a.occupancyRate! * 1e12),
      byDistrict: a.byDistrict.map((d) => ({ ...d, leasableArea: Math.round(d.leasableArea * 1e6), vacantArea: Math.round(d.vacantArea * 1e6), vacancyRate: Math.round(d.vacancyRate! * 1e12) })),
    })
    expect(stats.buildings).toBe(59)
    expect(stats.byDistrict.length).toBeGreaterThan(1)
    // The same figures up to the rounding of summing the spaces in another order.
    expect(close(stats)).toEqual(close(old))
    const current = await app.ok('buildings.list', {})
    expect(stats.spaces).toBe(current.reduce((n, b) => n + b.spaceCount, 0))
    expect(stats.leasableArea).toBeCloseTo(current.reduce((n, b) => n + b.leasableArea, 0), 6)
  })
})
