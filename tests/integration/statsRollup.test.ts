import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type RollupRow, type StatsRollup } from '../../src/shared/stats'
import { todayLocal } from '../../src/shared/freshness'
import { addDays, addMonths } from '../../src/shared/tenancy'
import { openTestApp, type TestApp } from '../helpers/store'

// Every figure of the rollups (shared/stats.ts RollupFigures) against a store built here and
// figured by hand. Today is the machine's day, as the app's (store/leases.ts today()).
//
//   building A 沈河 cluster C1, 甲级, office, in parks P1 and P2:
//     10F: a1 1000 m² leased by t1 (current), a2 500 m² leased by t2 (ends TODAY: current, coming free)
//      9F: a3 800 m² leased by t3 (registered elsewhere; renewed: not coming free), a4 200 m² sold
//      8F: a5 300 m² vacant (t6's lease on it deleted); a6 100 m² deleted
//   building B 沈河, no cluster, no grade, office, in P1:
//      5F: b1 600 m² leased by t1 (open-ended), b2 400 m² with t4's lease starting next month
//   building C 浑南, industrial, no spaces;  building D 沈河 C1, deleted (5000 m² vacant)
//   t1 registered 3,000万 above scale: leases 1000 m² in A and 600 m² in B → A 1,875万, B 1,125万
//   t2 registered 1亿 → A;  t3 not registered (5,000万 counts 0), above scale;  t4 future;  t6 deleted lease
const TAX = { t1: 30_000_000, t2: 100_000_000, t3: 50_000_000, t4: 2_000_000, t6: 700_000 }
const A_TAX = (TAX.t1 * 1000) / 1600 + TAX.t2
const B_TAX = (TAX.t1 * 600) / 1600

function figures(row: RollupRow) {
  const { key: _k, name: _n, ...rest } = row
  return rest
}

const building = (f: { leasable: number; vacant: number; leased: number; tenants: number; above: number; registered: number; tax: number; free: number; buildings?: number }) => ({
  buildings: f.buildings ?? 1,
  leasableArea: f.leasable,
  vacantArea: f.vacant,
  vacancyRate: f.leasable > 0 ? f.vacant / f.leasable : null,
  occupancyRate: f.leasable > 0 ? f.leased / f.leasable : null,
  tenants: f.tenants,
  aboveScaleTenants: f.above,
  registeredTenants: f.registered,
  annualTax: f.tax,
  taxPerLeasedM2: f.leased > 0 ? f.tax / f.leased : null,
  comingFree12m: f.free,
})

const A = building({ leasable: 2600, vacant: 300, leased: 2300, tenants: 3, above: 2, registered: 2, tax: A_TAX, free: 500 })
const B = building({ leasable: 1000, vacant: 400, leased: 600, tenants: 1, above: 1, registered: 1, tax: B_TAX, free: 0 })
const C = building({ leasable: 0, vacant: 0, leased: 0, tenants: 0, above: 0, registered: 0, tax: 0, free: 0 })
const AB = building({ buildings: 2, leasable: 3600, vacant: 700, leased: 2900, tenants: 3, above: 2, registered: 2, tax: A_TAX + B_TAX, free: 500 })
const BC = building({ buildings: 2, leasable: 1000, vacant: 400, leased: 600, tenants: 1, above: 1, registered: 1, tax: B_TAX, free: 0 })
const ALL = { ...AB, buildings: 3 }

let app: TestApp
let ids: Record<string, string>

async function build(): Promise<Record<string, string>> {
  const today = todayLocal()
  const ok = app.ok.bind(app)
  const c1 = (await ok('clusters.create', { name: '彩塔商务楼宇集聚区', districtCode: '210103' })).id
  const a = (await ok('buildings.create', { name: '华府天地', districtCode: '210103', clusterId: c1, grade: 'a', kind: 'office' })).id
  const b = (await ok('buildings.create', { name: '北约客', districtCode: '210103', kind: 'office' })).id
  const c = (await ok('buildings.create', { name: '浑南厂房', districtCode: '210112', kind: 'industrial' })).id
  const d = (await ok('buildings.create', { name: '已拆楼宇', districtCode: '210103', clusterId: c1, kind: 'office' })).id
  const space = async (buildingId: string, floorLabel: string, unit: string, area: number, status: 'vacant' | 'sold' = 'vacant') =>
    (await ok('spaces.create', { buildingId, floorLabel, unit, area, status })).id
  const a1 = await space(a, '10', '01', 1000)
  const a2 = await space(a, '10', '02', 500)
  const a3 = await space(a, '9', '01', 800)
  await space(a, '9', '02', 200, 'sold')
  const a5 = await space(a, '8', '01', 300)
  const a6 = await space(a, '8', '02', 100)
  const b1 = await space(b, '5', '01', 600)
  const b2 = await space(b, '5', '02', 400)
  await space(d, '3', '01', 5000)
  await ok('spaces.delete', { id: a6 })
  await ok('buildings.delete', { id: d })

  const tenant = async (name: string, annualTax: number, registeredInDistrict: boolean, aboveScale: boolean) =>
    (await ok('tenants.create', { name, annualTax, registeredInDistrict, aboveScale })).id
  const t1 = await tenant('盛京金融科技有限公司', TAX.t1, true, true)
  const t2 = await tenant('浑河数据有限公司', TAX.t2, true, false)
  const t3 = await tenant('外地分公司', TAX.t3, false, true)
  const t4 = await tenant('明日入驻有限公司', TAX.t4, true, true)
  const t6 = await tenant('已撤租约有限公司', TAX.t6, true, true)
  const yearAgo = addMonths(today, -12)
  await ok('leases.create', { tenantId: t1, spaceIds: [a1], startDate: yearAgo, endDate: addMonths(today, 24) })
  await ok('leases.create', { tenantId: t1, spaceIds: [b1], startDate: yearAgo })
  await ok('leases.create', { tenantId: t2, spaceIds: [a2], startDate: yearAgo, endDate: today })
  const l3 = (await ok('leases.create', { tenantId: t3, spaceIds: [a3], startDate: addMonths(today, -6), endDate: addMonths(today, 3) })).id
  await ok('leases.renew', { id: l3, endDate: addMonths(today, 36) })
  await ok('leases.create', { tenantId: t4, spaceIds: [b2], startDate: addMonths(today, 1), endDate: addMonths(today, 25) })
  const l6 = (await ok('leases.create', { tenantId: t6, spaceIds: [a5], startDate: yearAgo })).id
  await ok('leases.delete', { id: l6 })
  const p1 = (await ok('parks.create', { name: '数字经济产业园', theme: '数字经济', districtCode: '210103', status: 'operating', hosts: [{ buildingId: a }, { buildingId: b }] })).id
  const p2 = (await ok('parks.create', { name: '总部经济产业园', theme: '总部', districtCode: '210103', status: 'operating', hosts: [{ buildingId: a, floors: '10层' }] })).id
  return { a, b, c, d, c1, p1, p2, t1, a1, a2, a3, a5, b1, b2, today, tomorrow: addDays(today, 1) }
}

beforeEach(async () => {
  app = await openTestApp()
  ids = await build()
})
afterEach(async () => {
  await app.close()
})

const rollup = (input: Parameters<TestApp['ok']>[1] & object) => app.ok('stats.rollup', input as never) as Promise<StatsRollup>
const byKey = (r: StatsRollup) => Object.fromEntries(r.rows.map((row) => [row.key ?? 'null', figures(row)]))

describe('stats.rollup', () => {
  it('the spaces stand as the fixture says (a future lease leaves its space vacant, a lease ending today keeps it leased)', async () => {
    const spaces = await app.ok('spaces.list', { buildingId: ids.a! })
    expect(Object.fromEntries(spaces.map((s) => [`${s.floorLabel}-${s.unit}`, s.status]))).toEqual({ '10-01': 'leased', '10-02': 'leased', '9-01': 'leased', '9-02': 'sold', '8-01': 'vacant' })
    const b = await app.ok('spaces.list', { buildingId: ids.b! })
    expect(b.map((s) => s.status).sort()).toEqual(['leased', 'vacant'])
  })

  it('by district: every figure, the building with no spaces, the tenant in two buildings counted once', async () => {
    const r = await rollup({ by: 'district' })
    expect(r.rows.map((row) => [row.key, row.name])).toEqual([['210103', '沈河区'], ['210112', '浑南区']])
    expect(byKey(r)).toEqual({ '210103': AB, '210112': C })
    expect(r.total).toEqual({ key: null, name: '合计', ...ALL })
  })

  it('by cluster, park, kind and grade: rows with key null for buildings in none; a building of two parks in both', async () => {
    const cluster = await rollup({ by: 'cluster' })
    expect(cluster.rows.map((row) => [row.key, row.name])).toEqual([[ids.c1, '彩塔商务楼宇集聚区'], [null, '未归入聚集区']])
    expect(byKey(cluster)).toEqual({ [ids.c1!]: A, null: BC })
    const park = await rollup({ by: 'park' })
    expect(park.rows.map((row) => [row.key, row.name])).toEqual([[ids.p1, '数字经济产业园'], [ids.p2, '总部经济产业园'], [null, '不在产业园']])
    expect(byKey(park)).toEqual({ [ids.p1!]: AB, [ids.p2!]: A, null: C })
    expect(figures(park.total)).toEqual(ALL)
    const kind = await rollup({ by: 'kind' })
    expect(kind.rows.map((row) => [row.key, row.name])).toEqual([['office', '商务楼宇'], ['industrial', '工业园区/厂房']])
    expect(byKey(kind)).toEqual({ office: AB, industrial: C })
    const grade = await rollup({ by: 'grade' })
    expect(grade.rows.map((row) => [row.key, row.name])).toEqual([['a', '甲级'], [null, '未定等级']])
    expect(byKey(grade)).toEqual({ a: A, null: BC })
  })

  it('drills down district → cluster → building → floor, each level adding up to its parent row', async () => {
    const clusters = await rollup({ by: 'cluster', within: { districtCode: '210103' } })
    expect(byKey(clusters)).toEqual({ [ids.c1!]: A, null: B })
    expect(figures(clusters.total)).toEqual(AB)
    const loose = await rollup({ by: 'building', within: { districtCode: '210103', clusterId: null } })
    expect(byKey(loose)).toEqual({ [ids.b!]: B })
    const floors = await rollup({ by: 'floor', within: { buildingId: ids.a! } })
    expect(floors.rows.map((row) => row.key)).toEqual(['10', '9', '8'])
    expect(byKey(floors)).toEqual({
      10: building({ leasable: 1500, vacant: 0, leased: 1500, tenants: 2, above: 1, registered: 2, tax: A_TAX, free: 500 }),
      9: building({ leasable: 800, vacant: 0, leased: 800, tenants: 1, above: 1, registered: 0, tax: 0, free: 0 }),
      8: building({ leasable: 300, vacant: 300, leased: 0, tenants: 0, above: 0, registered: 0, tax: 0, free: 0 }),
    })
    expect(figures(floors.total)).toEqual(A)
    const parkBuildings = await rollup({ by: 'building', within: { parkId: ids.p2! } })
    expect(byKey(parkBuildings)).toEqual({ [ids.a!]: A })
    const noGrade = await rollup({ by: 'building', within: { grade: null } })
    expect(byKey(noGrade)).toEqual({ [ids.b!]: B, [ids.c!]: C })
  })

  it('a lease whose spaces are all gone keeps its tax and tenant in the building, in the floor row with key null', async () => {
    // Older files can hold such a lease (the app refuses to delete a leased space today).
    app.store.sqlite.prepare(`UPDATE spaces SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?`).run(ids.b1)
    const floors = await rollup({ by: 'floor', within: { buildingId: ids.b! } })
    expect(floors.rows.map((row) => [row.key, row.name])).toEqual([['5', '5'], [null, '未关联现有单元的租约']])
    expect(floors.rows[1]).toMatchObject({ annualTax: B_TAX, tenants: 1, leasableArea: 0 })
    expect(floors.total).toMatchObject({ annualTax: B_TAX, tenants: 1, leasableArea: 400 })
  })

  it('follows the map\'s filter: the scope narrows the buildings, a tenant\'s tax stays shared with buildings outside it', async () => {
    const r = await rollup({ by: 'district', scope: { buildingIds: [ids.b!, ids.c!] } })
    expect(byKey(r)).toEqual({ '210103': B, '210112': C })
    expect(figures(r.total)).toEqual(BC)
  })

  it('a building\'s own page and list row equal its rollup row', async () => {
    const { building: a } = await app.ok('buildings.get', { id: ids.a! })
    expect(a).toMatchObject({ leasableArea: A.leasableArea, vacantArea: A.vacantArea, tenantCount: A.tenants, aboveScaleTenantCount: A.aboveScaleTenants, annualTax: A.annualTax })
    const listed = await app.ok('buildings.list', {})
    expect(listed.find((b) => b.id === ids.b)).toMatchObject({ tenantCount: 1, annualTax: B_TAX })
  })
})

describe('stats.ranking', () => {
  it('ranks by tax with 千万元楼/亿元楼 tags, by vacancy over buildings with leasable area, by vacant and coming-free area', async () => {
    const tax = await app.ok('stats.ranking', { by: 'tax' })
    expect(tax.rows.map((r) => [r.rank, r.id, r.value, r.tags])).toEqual([[1, ids.a, A_TAX, ['yiyuan']], [2, ids.b, B_TAX, ['qianwan']]])
    expect(tax.rows[0]).toMatchObject({ kind: 'building', name: '华府天地', districtName: '沈河区', clusterName: '彩塔商务楼宇集聚区', leasableArea: 2600, vacantArea: 300, comingFree12m: 500, landArea: null, taxPerMu: null })
    expect(tax.tagCounts).toEqual({ yiyuan: 1, qianwan: 2 })
    const vacancy = await app.ok('stats.ranking', { by: 'vacancy' })
    expect(vacancy.rows.map((r) => [r.id, r.value])).toEqual([[ids.b, 0.4], [ids.a, 300 / 2600]])
    const vacant = await app.ok('stats.ranking', { by: 'vacantArea', limit: 1 })
    expect(vacant.rows.map((r) => [r.id, r.value])).toEqual([[ids.b, 400]])
    const free = await app.ok('stats.ranking', { by: 'comingFree' })
    expect(free.rows.map((r) => [r.id, r.value])).toEqual([[ids.a, 500]])
    const scoped = await app.ok('stats.ranking', { by: 'tax', scope: { buildingIds: [ids.b!] } })
    expect(scoped.tagCounts).toEqual({ yiyuan: 0, qianwan: 1 })
  })
})
