import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { changeSentence } from '../../src/shared/changeText'
import { openTestApp, type TestApp } from '../helpers/store'

// The change log browsed per site, per person, per kind and by date, each row named in one batch;
// the trash across kinds with who deleted what; restores keep their rules; the person's name.

describe('history and trash', () => {
  let app: TestApp
  let tower: string
  let other: string
  let tenant: string
  beforeEach(async () => {
    app = await openTestApp()
    tower = (await app.ok('buildings.create', { name: '财富中心', districtCode: '210103' })).id
    other = (await app.ok('buildings.create', { name: '新地中心', districtCode: '210103' })).id
    tenant = (await app.ok('tenants.create', { name: '沈阳数智科技有限公司' })).id
  })
  afterEach(async () => {
    await app.close()
  })

  const space = async (buildingId: string, floorLabel: string, unit: string | null = null) =>
    (await app.ok('spaces.create', { buildingId, floorLabel, unit, area: 120, status: 'vacant' })).id
  const rename = (name: string) => app.ok('settings.set', { key: 'user.name', value: name })

  it('a building history holds its own row, its spaces and its leases, named, and not another building', async () => {
    const s1201 = await space(tower, '12F', '1201')
    await space(other, '3', '301')
    await rename('张三')
    await app.ok('spaces.update', { id: s1201, status: 'reserved' })
    const lease = (await app.ok('leases.create', { tenantId: tenant, spaceIds: [s1201], startDate: '2026-01-01', endDate: '2028-12-31' })).id

    const history = await app.ok('changes.list', { site: { kind: 'building', id: tower } })
    expect(new Set(history.map((c) => c.rowId))).toEqual(new Set([tower, s1201, lease]))
    const status = history.find((c) => c.rowId === s1201 && c.op === 'update' && c.field === 'status' && c.oldValue === 'vacant')!
    expect(status.rowLabel).toBe('财富中心 12层 1201')
    expect(changeSentence(status)).toMatch(/^张三 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 将 财富中心 12层 1201 的 状态 由 空置 改为 意向$/)
    const leaseTenant = history.find((c) => c.rowId === lease && c.field === 'tenantId')!
    expect(leaseTenant.rowLabel).toBe('沈阳数智科技有限公司 · 财富中心')
    expect(leaseTenant.refs[tenant]).toBe('沈阳数智科技有限公司')
    expect(history.find((c) => c.rowId === lease && c.field === 'spaceIds')!.refs[s1201]).toBe('财富中心 12层 1201')

    // The tenant's history: its own row and its leases.
    const tenantHistory = await app.ok('changes.list', { site: { kind: 'tenant', id: tenant } })
    expect(new Set(tenantHistory.map((c) => c.rowId))).toEqual(new Set([tenant, lease]))
  })

  it('a park history holds its sub-parks and hosts; filters by person, kind and date; pages by seq', async () => {
    await rename('李四')
    const park = (await app.ok('parks.create', {
      name: '沈阳软件园', theme: '软件', districtCode: '210103', status: 'operating',
      subParks: [{ name: '一期' }], hosts: [{ buildingId: tower, floors: '3-5' }],
    })).id
    await rename('王五')
    await app.ok('buildings.update', { id: other, grade: 'a' })

    const parkHistory = await app.ok('changes.list', { site: { kind: 'park', id: park } })
    const tables = new Set(parkHistory.map((c) => c.tableName))
    expect(tables).toEqual(new Set(['parks', 'subParks', 'parkHosts']))
    expect(parkHistory.find((c) => c.tableName === 'parkHosts')!.rowLabel).toBe('沈阳软件园 · 财富中心 3-5层')

    const byLi = await app.ok('changes.list', { actor: '李四' })
    expect(byLi.length).toBeGreaterThan(0)
    expect(byLi.every((c) => c.actor === '李四')).toBe(true)
    const byWang = await app.ok('changes.list', { actor: '王五', table: 'buildings' })
    expect(byWang.map((c) => [c.rowLabel, c.field, c.newValue])).toEqual([['新地中心', 'grade', 'a']])

    const actors = await app.ok('changes.actors', {})
    expect(actors.map((a) => a.actor)).toEqual(['王五', '李四', 'tester'])
    expect(actors.find((a) => a.actor === '王五')!.changes).toBe(1)

    // Dates: nothing before the first change, everything within [first, last].
    const all = await app.ok('changes.list', { limit: 1000 })
    const first = all.at(-1)!.at
    const last = all[0]!.at
    expect(await app.ok('changes.list', { until: first })).toEqual([])
    const untilAfterLast = new Date(Date.parse(last) + 1).toISOString()
    expect((await app.ok('changes.list', { since: first, until: untilAfterLast, limit: 1000 })).length).toBe(all.length)

    // Paging: pages of 3 put together are the whole list, in the same order, none twice.
    const paged: number[] = []
    let beforeSeq: number | undefined
    for (;;) {
      const page = await app.ok('changes.list', { limit: 3, ...(beforeSeq ? { beforeSeq } : {}) })
      paged.push(...page.map((c) => c.seq))
      if (page.length < 3) break
      beforeSeq = page.at(-1)!.seq
    }
    expect(paged).toEqual(all.map((c) => c.seq))
  })

  it('the trash lists deleted rows of every kind with who deleted them; restores keep their rules', async () => {
    await rename('张三')
    const s1 = await space(tower, '8', 'A')
    const parcel = (await app.ok('parcels.create', { code: 'SH-01', name: '浑南地块', districtCode: '210103', landUse: 'industrial', status: 'reserve' })).id
    const cluster = (await app.ok('clusters.create', { name: '金廊', districtCode: '210103' })).id
    const visit = (await app.ok('visits.create', { company: '华为', date: '2026-11-02' })).id
    const lease = (await app.ok('leases.create', { tenantId: tenant, spaceIds: [s1], startDate: '2020-01-01', endDate: '2021-12-31' })).id
    await app.ok('spaces.delete', { id: s1 })
    await app.ok('leases.delete', { id: lease })
    await rename('李四')
    await app.ok('tenants.delete', { id: tenant })
    await app.ok('parcels.delete', { id: parcel })
    await app.ok('clusters.delete', { id: cluster })
    await app.ok('visits.delete', { id: visit })
    await app.ok('buildings.delete', { id: other })

    const trash = await app.ok('trash.list', {})
    const byTable = Object.fromEntries(trash.map((t) => [t.table, t]))
    expect(Object.keys(byTable).sort()).toEqual(['buildings', 'clusters', 'leases', 'parcels', 'spaces', 'tenants', 'visits'])
    expect(byTable.spaces).toMatchObject({ id: s1, label: '财富中心 8层 A', deletedBy: '张三' })
    expect(byTable.leases!.label).toContain('沈阳数智科技有限公司 · 财富中心')
    expect(byTable.tenants).toMatchObject({ label: '沈阳数智科技有限公司', deletedBy: '李四' })
    expect(byTable.parcels!.label).toBe('浑南地块（SH-01）')
    expect(byTable.visits!.label).toBe('华为（2026-11-02）')
    // Latest deleted first.
    expect(trash.map((t) => t.deletedAt)).toEqual([...trash.map((t) => t.deletedAt)].sort().reverse())

    expect((await app.ok('trash.list', { kind: 'spaces' })).map((t) => t.id)).toEqual([s1])
    expect((await app.ok('trash.list', { q: '财富' })).map((t) => t.table).sort()).toEqual(['leases', 'spaces'])

    // A lease whose tenant is deleted says so; the tenant first, then the lease.
    const refused = await app.call('leases.restore', { id: lease })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('已被删除，请先恢复企业')
    await app.ok('tenants.restore', { id: tenant })
    const noSpace = await app.call('leases.restore', { id: lease })
    expect(noSpace.ok).toBe(false)
    if (!noSpace.ok) expect(noSpace.error.message).toContain('租赁空间：有所选空间找不到')

    // A space whose floor + unit was taken since is refused; freed, it comes back.
    const taken = await space(tower, '8', 'a')
    const clash = await app.call('spaces.restore', { id: s1 })
    expect(clash.ok).toBe(false)
    if (!clash.ok) expect(clash.error.message).toContain('同一楼层同一单元只能登记一次')
    await app.ok('spaces.delete', { id: taken })
    await app.ok('spaces.restore', { id: s1 })
    expect((await app.ok('trash.list', { kind: 'spaces' })).map((t) => t.id)).toEqual([taken])
    await app.ok('leases.restore', { id: lease })
    expect(await app.ok('trash.list', { kind: 'leases' })).toEqual([])

    // A space of a deleted building waits for its building.
    const s2 = await space(other, '1', null).catch(() => null)
    expect(s2).toBeNull() // a deleted building takes no new space
    await app.ok('buildings.restore', { id: other })
    const s3 = await space(other, '2')
    await app.ok('spaces.delete', { id: s3 })
    await app.ok('buildings.delete', { id: other })
    const orphan = await app.call('spaces.restore', { id: s3 })
    expect(orphan.ok).toBe(false)
    if (!orphan.ok) expect(orphan.error.message).toBe('空间：所属楼宇“新地中心”已被删除，请先在回收站恢复楼宇')
  })

  it('the display name set in the settings signs the next change, and a cleared one falls back', async () => {
    await rename('  赵六 ')
    await app.ok('buildings.update', { id: tower, grade: 'b' })
    expect((await app.ok('changes.list', { rowId: tower, limit: 1 }))[0]!.actor).toBe('赵六')
    await rename('')
    await app.ok('buildings.update', { id: tower, grade: 'c' })
    const [latest] = await app.ok('changes.list', { rowId: tower, limit: 1 })
    expect(latest!.actor).not.toBe('赵六')
    expect(latest!.actor.length).toBeGreaterThan(0)
  })
})
