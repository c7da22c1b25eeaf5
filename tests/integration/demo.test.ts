import turfArea from '@turf/area'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemoData } from '../../src/main/services/demo/load'
import { checkCreditCode } from '../../src/shared/creditCode'
import { squareMetresToMu } from '../../src/shared/domain'
import { DomainError } from '../../src/shared/result'
import { openTestApp, type TestApp } from '../helpers/store'

const TODAY = '2025-06-15'
const DEMO_TABLES = ['clusters', 'buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'sub_parks', 'park_hosts']

const rows = <T>(app: TestApp, query: string) => app.store.sqlite.prepare(query).all() as T[]
const count = (app: TestApp, query: string) => (app.store.sqlite.prepare(query).get() as { n: number }).n

describe('demo dataset', () => {
  // One loaded store shared by the tests that only read it; tests that write open their own.
  let app: TestApp
  beforeAll(async () => {
    app = await openTestApp()
    await loadDemoData(app.services.ctx, { today: TODAY })
  })
  afterAll(async () => {
    await app.close()
  })

  it('loads the same names, areas and codes into every store', async () => {
    const other = await openTestApp()
    try {
      await loadDemoData(other.services.ctx, { today: TODAY })
      const snapshot = async (a: TestApp) => ({
        buildings: (await a.ok('buildings.list', {})).map((b) => [b.name, b.leasableArea, b.vacantArea, b.tenantCount, b.annualTax]),
        parcels: (await a.ok('parcels.list', {})).map((p) => [p.code, p.name, p.area, p.boundary]),
        tenants: rows(a, 'SELECT name, credit_code, annual_tax FROM tenants ORDER BY name'),
        spaces: rows(a, 'SELECT b.name, s.floor_label, s.unit, s.area, s.status FROM spaces s JOIN buildings b ON b.id = s.building_id ORDER BY 1, s.floor_sort, 3'),
      })
      const first = await snapshot(app)
      expect(first.buildings.length).toBeGreaterThan(20)
      expect(await snapshot(other)).toEqual(first)
    } finally {
      await other.close()
    }
  })

  it('marks every row as demo data and gives every tenant a valid credit code', () => {
    for (const table of DEMO_TABLES) {
      expect(count(app, `SELECT count(*) AS n FROM ${table}`), table).toBeGreaterThan(0)
      expect(count(app, `SELECT count(*) AS n FROM ${table} WHERE is_demo != 1`), table).toBe(0)
    }
    const codes = rows<{ creditCode: string }>(app, 'SELECT credit_code AS creditCode FROM tenants')
    expect(codes.length).toBeGreaterThan(100)
    expect(codes.filter((c) => checkCreditCode(c.creditCode) !== null)).toEqual([])
  })

  it('covers every leased space with exactly one current lease', () => {
    const uncovered = count(app, `SELECT count(*) AS n FROM spaces s WHERE s.status = 'leased'
      AND (SELECT count(*) FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id
           WHERE ls.space_id = s.id AND l.end_date >= '${TODAY}' AND l.start_date <= '${TODAY}') != 1`)
    expect(uncovered).toBe(0)
    const strayLeases = count(app, `SELECT count(*) AS n FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id WHERE s.status != 'leased'`)
    expect(strayLeases).toBe(0)
  })

  it('shows several districts with plausible vacancy, and 亿元楼', async () => {
    const stats = await app.ok('stats.summary', {})
    expect(stats.byDistrict.map((d) => d.code)).toEqual(['210103', '210112', '330105'])
    for (const district of stats.byDistrict) {
      expect(district.vacancyRate!).toBeGreaterThan(0.05)
      expect(district.vacancyRate!).toBeLessThan(0.4)
    }
    expect(stats).toMatchObject({ parks: 10, clusters: 3 })

    const buildings = await app.ok('buildings.list', {})
    const taxed = buildings.filter((b) => b.annualTax >= 1e8).map((b) => b.name)
    expect(taxed.length).toBeGreaterThanOrEqual(2)
    expect(taxed).toContain('市府恒隆广场')
    for (const b of buildings.filter((x) => x.kind === 'office' && x.grade === 'a')) {
      expect(b.rentMin!).toBeGreaterThanOrEqual(2.5)
      expect(b.rentMax!).toBeLessThanOrEqual(6)
    }
    const maoye = buildings.find((b) => b.name === '茂业中心')!
    const detail = await app.ok('buildings.get', { id: maoye.id })
    expect(detail.parks.map((p) => p.name)).toEqual(['数字经济产业园'])
    const kinds = new Set(buildings.filter((b) => b.districtCode === '210112').map((b) => b.kind))
    expect(kinds).toEqual(new Set(['office', 'industrial', 'stalled']))
  })

  it("reproduces Gongshu's published parcel mix with boundaries of the stated area", async () => {
    const parcels = await app.ok('parcels.list', { districtCode: '330105' })
    const mix = Object.fromEntries(
      ['residential', 'commercial', 'mixed', 'industrial', 'm0'].map((use) => {
        const of = parcels.filter((p) => p.landUse === use)
        return [use, [of.length, Math.round(of.reduce((sum, p) => sum + p.areaMu!, 0) * 100) / 100]]
      }),
    )
    expect(mix).toEqual({ residential: [10, 363], commercial: [7, 165.69], mixed: [1, 72.55], industrial: [2, 17], m0: [2, 29.52] })
    for (const p of await app.ok('parcels.list', {})) {
      expect(Math.abs(turfArea(p.boundary!) - p.area!) / p.area!).toBeLessThan(1e-4)
      expect(squareMetresToMu(p.area!)).toBeCloseTo(p.areaMu!, 10)
    }
    const hunnan = await app.ok('parcels.list', { districtCode: '210112', status: 'listed' })
    expect(hunnan).toHaveLength(8)
  })

  it('refuses a store that is not empty, adds on top with force, and never twice', async () => {
    const fresh = await openTestApp()
    try {
      await fresh.ok('buildings.create', { name: '自有楼宇', districtCode: '210103' })
      const refused = await loadDemoData(fresh.services.ctx, { today: TODAY }).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(DomainError)
      expect(refused).toMatchObject({ code: 'not_empty' })
      expect(count(fresh, 'SELECT count(*) AS n FROM buildings')).toBe(1)

      const counts = await loadDemoData(fresh.services.ctx, { today: TODAY, force: true })
      expect(count(fresh, 'SELECT count(*) AS n FROM buildings')).toBe(1 + counts.buildings)
      expect(count(fresh, "SELECT count(*) AS n FROM buildings WHERE name = '自有楼宇' AND is_demo = 0")).toBe(1)

      const twice = await loadDemoData(fresh.services.ctx, { today: TODAY, force: true }).catch((e: unknown) => e)
      expect(twice).toMatchObject({ code: 'conflict' })
      expect(count(fresh, 'SELECT count(*) AS n FROM buildings')).toBe(1 + counts.buildings)
    } finally {
      await fresh.close()
    }
  })
})
