import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDemoData } from '../../src/main/services/demo/load'
import { openTestApp, type TestApp } from '../helpers/store'

// 移除演示数据: every demo row goes and nothing else; what a person changed or uses is listed and kept.

const TODAY = '2025-06-15'
const TABLES = ['clusters', 'buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'sub_parks', 'park_hosts', 'targets', 'target_entries']
const count = (app: TestApp, query: string, ...args: unknown[]) => (app.store.sqlite.prepare(query).get(...args) as { n: number }).n
const liveDemo = (app: TestApp) => TABLES.reduce((sum, t) => sum + count(app, `SELECT count(*) AS n FROM ${t} WHERE is_demo = 1 AND deleted_at IS NULL`), 0)

describe('demo removal', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await openTestApp()
    await loadDemoData(app.services.ctx, { today: TODAY })
  })
  afterEach(async () => {
    await app.close()
  })

  it('removes every demo row in one logged write, and the banner flag goes with them', async () => {
    const before = liveDemo(app)
    const preview = await app.ok('demo.removalPreview', {})
    expect(preview.total).toBe(before)
    expect(preview.edited).toEqual([])
    expect(preview.inUse).toEqual([])
    const logBefore = count(app, 'SELECT count(*) AS n FROM change_log')

    const result = await app.ok('demo.remove', { keep: [] })
    expect(result).toEqual({ removed: before, kept: 0 })
    expect(liveDemo(app)).toBe(0)
    const info = await app.ok('meta.info', {})
    expect(info.hasDemoData).toBe(false)
    expect(info.empty).toBe(true)
    // One change-log row per removed row, all under one clock stamp (one transaction).
    expect(count(app, 'SELECT count(*) AS n FROM change_log') - logBefore).toBe(before)
    expect(count(app, "SELECT count(DISTINCT hlc) AS n FROM change_log WHERE op = 'delete'")).toBe(1)
    // A second removal has nothing to do and says so.
    const again = await app.call('demo.remove', { keep: [] })
    expect(again.ok).toBe(false)
    if (!again.ok) expect(again.error.message).toBe('演示数据：数据文件中没有演示数据，无需移除')
    // The demo can be loaded again afterwards (its unique codes are free).
    await loadDemoData(app.services.ctx, { today: TODAY })
    expect(liveDemo(app)).toBe(before)
  })

  it('lists the demo rows a person edited first and keeps the ones chosen, with what they need', async () => {
    const buildings = await app.ok('buildings.list', {})
    const edited = buildings[0]!
    const other = buildings[1]!
    await app.ok('buildings.update', { id: edited.id, name: `${edited.name}（已核实）` })
    await app.ok('buildings.update', { id: other.id, notes: '业主已换' })
    const leaseRow = app.store.sqlite.prepare('SELECT id, tenant_id AS tenantId, building_id AS buildingId FROM leases WHERE is_demo = 1 LIMIT 1').get() as { id: string; tenantId: string; buildingId: string }
    await app.ok('leases.update', { id: leaseRow.id, rent: 3.3 })

    const preview = await app.ok('demo.removalPreview', {})
    expect(preview.edited.map((r) => [r.table, r.id]).sort()).toEqual(
      [['buildings', edited.id], ['buildings', other.id], ['leases', leaseRow.id]].sort(),
    )
    expect(preview.edited.find((r) => r.id === edited.id)).toMatchObject({ label: `${edited.name}（已核实）`, fields: ['name'] })
    expect(preview.edited.find((r) => r.id === leaseRow.id)?.fields).toEqual(['rent'])

    // Keep the renamed building and the lease; the other edited building goes.
    const result = await app.ok('demo.remove', { keep: [{ table: 'buildings', id: edited.id }, { table: 'leases', id: leaseRow.id }] })
    expect(liveDemo(app)).toBe(0)
    const live = (table: string, id: string) => count(app, `SELECT count(*) AS n FROM ${table} WHERE id = ? AND deleted_at IS NULL AND is_demo = 0`, id)
    expect(live('buildings', edited.id)).toBe(1)
    expect(live('buildings', other.id)).toBe(0)
    expect(live('leases', leaseRow.id)).toBe(1)
    // The kept lease keeps its tenant, its building and its floors.
    expect(live('tenants', leaseRow.tenantId)).toBe(1)
    expect(live('buildings', leaseRow.buildingId)).toBe(1)
    const spaces = count(app, 'SELECT count(*) AS n FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id AND s.deleted_at IS NULL AND s.is_demo = 0 WHERE ls.lease_id = ?', leaseRow.id)
    expect(spaces).toBeGreaterThan(0)
    expect(result.kept).toBe(count(app, "SELECT count(*) AS n FROM change_log WHERE field = 'isDemo' AND op = 'update'"))
    expect((await app.ok('meta.info', {})).hasDemoData).toBe(false)
    expect((await app.ok('buildings.get', { id: edited.id })).building).toMatchObject({ name: `${edited.name}（已核实）`, isDemo: false })
  })

  it('never removes the person’s own rows, nor the demo rows they use', async () => {
    const building = (await app.ok('buildings.list', {}))[0]!
    const district = app.store.sqlite.prepare('SELECT district_code AS code FROM buildings WHERE id = ?').get(building.id) as { code: string }
    const mine = await app.ok('buildings.create', { name: '我的楼宇', districtCode: district.code, kind: 'office' })
    const space = await app.ok('spaces.create', { buildingId: building.id, floorLabel: '30', unit: '我的单元', area: 120, status: 'vacant' })
    const tenant = await app.ok('tenants.create', { name: '自有企业有限公司' })

    const preview = await app.ok('demo.removalPreview', {})
    expect(preview.inUse).toEqual([expect.objectContaining({ table: 'buildings', id: building.id, fields: ['空间'] })])

    await app.ok('demo.remove', { keep: [] })
    const live = (table: string, id: string) => count(app, `SELECT count(*) AS n FROM ${table} WHERE id = ? AND deleted_at IS NULL`, id)
    expect(live('buildings', mine.id)).toBe(1)
    expect(live('spaces', space.id)).toBe(1)
    expect(live('tenants', tenant.id)).toBe(1)
    expect(live('buildings', building.id)).toBe(1)
    expect(liveDemo(app)).toBe(0)
    expect((await app.ok('meta.info', {})).hasDemoData).toBe(false)
  })

  it('keeps what hangs under a kept building: its spaces, leases and their tenants, so its figures stay', async () => {
    const withLeases = app.store.sqlite.prepare('SELECT building_id AS id FROM leases WHERE is_demo = 1 AND deleted_at IS NULL GROUP BY building_id ORDER BY count(*) DESC LIMIT 1').get() as { id: string }
    await app.ok('buildings.update', { id: withLeases.id, notes: '已实地核实' })
    const before = await app.ok('buildings.get', { id: withLeases.id })
    expect(before.leases.length).toBeGreaterThan(0)

    await app.ok('demo.remove', { keep: [{ table: 'buildings', id: withLeases.id }] })
    const after = await app.ok('buildings.get', { id: withLeases.id })
    expect(after.spaces.map((x) => x.id).sort()).toEqual(before.spaces.map((x) => x.id).sort())
    expect(after.leases.map((x) => x.id).sort()).toEqual(before.leases.map((x) => x.id).sort())
    const { isDemo: _a, updatedAt: _b, ...figures } = after.building
    const { isDemo: _c, updatedAt: _d, ...figuresBefore } = before.building
    expect(figures).toEqual(figuresBefore)
    for (const lease of after.leases) expect(count(app, 'SELECT count(*) AS n FROM tenants WHERE id = ? AND deleted_at IS NULL', lease.tenantId)).toBe(1)
    expect(liveDemo(app)).toBe(0)
  })

  it('refuses, removing nothing, when a demo row was edited after the preview was looked at', async () => {
    const preview = await app.ok('demo.removalPreview', {})
    const before = liveDemo(app)
    const building = (await app.ok('buildings.list', {}))[0]!
    await app.ok('buildings.update', { id: building.id, notes: '预览之后改的' })

    const refused = await app.call('demo.remove', { keep: [], previewStamp: preview.stamp })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^演示数据：查看之后又有演示记录被修改/) } })
    expect(liveDemo(app)).toBe(before)
    // Looked at again, it is listed; removed from that preview, it goes through.
    const again = await app.ok('demo.removalPreview', {})
    expect(again.edited.map((r) => r.id)).toEqual([building.id])
    await app.ok('demo.remove', { keep: [], previewStamp: again.stamp })
    expect(liveDemo(app)).toBe(0)
  })

  it('counts the person’s deleted rows as users: a deleted lease can be restored onto a live space', async () => {
    const space = app.store.sqlite.prepare("SELECT id, building_id AS buildingId FROM spaces WHERE is_demo = 1 AND deleted_at IS NULL AND status = 'vacant' LIMIT 1").get() as { id: string; buildingId: string }
    const tenant = await app.ok('tenants.create', { name: '自有企业有限公司' })
    const lease = await app.ok('leases.create', { tenantId: tenant.id, spaceIds: [space.id] })
    await app.ok('leases.delete', { id: lease.id })

    const preview = await app.ok('demo.removalPreview', {})
    expect(preview.inUse).toContainEqual(expect.objectContaining({ table: 'spaces', id: space.id, fields: ['已删除的租约'] }))
    await app.ok('demo.remove', { keep: [], previewStamp: preview.stamp })
    await app.ok('leases.restore', { id: lease.id })
    expect(count(app, 'SELECT count(*) AS n FROM spaces WHERE id = ? AND deleted_at IS NULL', space.id)).toBe(1)
    expect(count(app, 'SELECT count(*) AS n FROM buildings WHERE id = ? AND deleted_at IS NULL', space.buildingId)).toBe(1)
    expect((await app.ok('leases.list', { buildingId: space.buildingId })).map((l) => l.id)).toContain(lease.id)
  })

  it('refuses to keep a row that is not demo data', async () => {
    const tenant = await app.ok('tenants.create', { name: '自有企业有限公司' })
    const result = await app.call('demo.remove', { keep: [{ table: 'tenants', id: tenant.id }] })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/^保留的记录：/)
    expect(liveDemo(app)).toBeGreaterThan(0)
  })
  it('removes the demo’s targets with their months, but keeps one the person entered a month on', async () => {
    const targets = await app.ok('targets.list', { year: 2025 })
    expect(targets.map((t) => t.name)).toEqual(['新引进规上企业', '新增出租面积', '出让地块', '签约项目', '招商引资到位资金'])
    const signed = targets.find((t) => t.kind === 'projects_signed')!
    const funds = targets.find((t) => t.kind === 'custom')!
    // A month the demo had not entered: the person's own entry, which the target must keep.
    await app.ok('targets.setEntry', { targetId: funds.id, month: '2025-07', value: 9 })
    const preview = await app.ok('demo.removalPreview', {})
    expect(preview.inUse.map((r) => [r.table, r.label])).toEqual([['targets', '2025年 招商引资到位资金']])
    await app.ok('demo.remove', { keep: [], previewStamp: preview.stamp })
    const left = await app.ok('targets.list', { year: 2025 })
    expect(left.map((t) => t.id)).toEqual([funds.id])
    // Kept with the demo months under it, now the person's own.
    expect(left[0]!.achieved).toBeCloseTo(funds.achieved + 9, 9)
    expect(count(app, 'SELECT count(*) AS n FROM target_entries WHERE target_id = ? AND deleted_at IS NULL', signed.id)).toBe(0)
    expect(count(app, 'SELECT count(*) AS n FROM targets WHERE is_demo = 1 AND deleted_at IS NULL')).toBe(0)
  })
})
