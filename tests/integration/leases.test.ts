import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SpaceStatus } from '../../src/shared/domain'
import { openTestApp, type TestApp } from '../helpers/store'

describe('leases', () => {
  let app: TestApp
  let tower: string
  let other: string
  let tenant: string
  beforeEach(async () => {
    app = await openTestApp()
    tower = (await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })).id
    other = (await app.ok('buildings.create', { name: '新地中心', districtCode: '210103' })).id
    tenant = (await app.ok('tenants.create', { name: '沈阳数智科技有限公司' })).id
  })
  afterEach(async () => {
    await app.close()
  })

  const space = async (buildingId: string, floorLabel: string, area: number, status: SpaceStatus = 'vacant') =>
    (await app.ok('spaces.create', { buildingId, floorLabel, area, status })).id
  const statuses = async () =>
    Object.fromEntries(
      (await app.store.db.selectFrom('spaces').select(['floorLabel', 'status']).execute()).map((s) => [s.floorLabel, s.status]),
    )
  const leaseLog = () => app.store.db.selectFrom('changeLog').selectAll().where('tableName', '=', 'leases').orderBy('seq').execute()

  it('leases spaces of one building: building and area from the spaces, spaces become leased, all logged', async () => {
    const s12 = await space(tower, '12', 1000)
    const s13 = await space(tower, '13', 800, 'reserved')
    const s15 = await space(tower, '15', 500, 'sold')
    const { id } = await app.ok('leases.create', { tenantId: tenant, spaceIds: [s13, s12, s15], startDate: '2024-03-01', rent: 3.2 })

    const [lease] = await app.ok('leases.list', { buildingId: tower })
    expect(lease).toMatchObject({ id, buildingId: tower, buildingName: '茂业中心', tenantName: '沈阳数智科技有限公司', area: 2300, floors: ['12', '13', '15'] })
    expect([...lease!.spaceIds].sort()).toEqual([s12, s13, s15].sort())
    expect(await statuses()).toEqual({ '12': 'leased', '13': 'leased', '15': 'sold' })
    expect((await app.ok('buildings.get', { id: tower })).spaces.every((s) => s.tenantName === '沈阳数智科技有限公司')).toBe(true)

    const logged = (await leaseLog()).find((l) => l.field === 'spaceIds')!
    // Logged like insertRow logs a field: the old value is JSON null.
    expect(logged).toMatchObject({ rowId: id, op: 'insert', oldValue: 'null' })
    expect(JSON.parse(logged.newValue!)).toEqual([s12, s13, s15].sort())
    const statusLog = await app.store.db.selectFrom('changeLog').selectAll().where('rowId', '=', s13).where('op', '=', 'update').execute()
    expect(statusLog).toMatchObject([{ tableName: 'spaces', field: 'status', oldValue: '"reserved"', newValue: '"leased"' }])

    expect(await app.ok('leases.list', { tenantId: tenant })).toHaveLength(1)
    expect(await app.ok('leases.list', { buildingId: other })).toHaveLength(0)
  })

  it('refuses spaces in two buildings and leaves every space vacant', async () => {
    const a = await space(tower, '12', 1000)
    const b = await space(other, '8', 600)
    const result = await app.call('leases.create', { tenantId: tenant, spaceIds: [a, b] })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'spaceIds', message: '租赁空间：一份租约的空间须在同一栋楼宇内，请按楼宇分别登记' },
    })
    expect(await statuses()).toEqual({ '12': 'vacant', '8': 'vacant' })
    expect(await app.store.db.selectFrom('leases').selectAll().execute()).toHaveLength(0)
    expect(await app.store.db.selectFrom('leaseSpaces').selectAll().execute()).toHaveLength(0)
    expect(await leaseLog()).toHaveLength(0)
  })

  it('warns of a space another current lease covers, naming the floor and tenant, until accepted; a lease outside its period is allowed', async () => {
    const s12 = await space(tower, '12', 1000)
    const s14 = await space(tower, '14', 900)
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [s12], startDate: '2024-01-01', endDate: '2099-12-31' })
    const rival = (await app.ok('tenants.create', { name: '辽宁金廊商贸有限公司' })).id

    const taken = await app.call('leases.create', { tenantId: rival, spaceIds: [s14, s12] })
    const overlap = '租赁空间：楼层 12 已由“沈阳数智科技有限公司”租用（2024-01-01 至 2099-12-31），与本租约期间重叠'
    expect(taken).toMatchObject({
      ok: false,
      error: { code: 'needs_confirmation', field: 'spaceIds', message: overlap, warnings: [{ code: 'lease.overlap', field: 'spaceIds', message: overlap }] },
    })
    expect(await statuses()).toEqual({ '12': 'leased', '14': 'vacant' })
    expect(await app.ok('leases.list', { tenantId: rival })).toHaveLength(0)
    // Accepted (a handover, a sublease): both leases stand.
    const { id: accepted } = await app.ok('leases.create', { tenantId: rival, spaceIds: [s14, s12], accept: ['lease.overlap'] })
    expect(await statuses()).toEqual({ '12': 'leased', '14': 'leased' })
    await app.ok('leases.delete', { id: accepted })

    // The next tenant's lease, starting after the present one ends, and an old lease both fit.
    await app.ok('leases.create', { tenantId: rival, spaceIds: [s12], startDate: '2100-01-01' })
    await app.ok('leases.create', { tenantId: rival, spaceIds: [s14], startDate: '2010-01-01', endDate: '2012-12-31' })
    expect(await statuses()).toEqual({ '12': 'leased', '14': 'vacant' })
  })

  it('refuses a deleted tenant or space and dates out of order', async () => {
    const s12 = await space(tower, '12', 1000)
    const s13 = await space(tower, '13', 1000)
    await app.ok('spaces.delete', { id: s13 })
    const gone = await app.call('leases.create', { tenantId: tenant, spaceIds: [s12, s13] })
    expect(gone).toMatchObject({ ok: false, error: { field: 'spaceIds', message: '租赁空间：有所选空间找不到（可能已被删除）' } })

    const ghost = (await app.ok('tenants.create', { name: '已注销企业' })).id
    await app.ok('tenants.delete', { id: ghost })
    const noTenant = await app.call('leases.create', { tenantId: ghost, spaceIds: [s12] })
    expect(noTenant).toMatchObject({ ok: false, error: { field: 'tenantId', message: '入驻企业：找不到该记录（可能已被删除）' } })

    const backwards = await app.call('leases.create', { tenantId: tenant, spaceIds: [s12], startDate: '2025-06-01', endDate: '2025-01-01' })
    expect(backwards).toMatchObject({ ok: false, error: { field: 'endDate', message: '到期日期：不能早于起租日期' } })
    expect(await app.store.db.selectFrom('leases').selectAll().execute()).toHaveLength(0)
    expect(await statuses()).toEqual({ '12': 'vacant', '13': 'vacant' })
  })

  it('updates the spaces of a lease: released space goes vacant, the area follows, the set is logged', async () => {
    const s12 = await space(tower, '12', 1000)
    const s13 = await space(tower, '13', 800)
    const s14 = await space(tower, '14', 700)
    const { id } = await app.ok('leases.create', { tenantId: tenant, spaceIds: [s12, s13], startDate: '2024-01-01' })

    const updated = await app.ok('leases.update', { id, spaceIds: [s13, s14], notes: '续租调整' })
    expect(updated).toMatchObject({ area: 1500, floors: ['13', '14'], notes: '续租调整' })
    expect(await statuses()).toEqual({ '12': 'vacant', '13': 'leased', '14': 'leased' })
    const change = (await leaseLog()).find((l) => l.op === 'update' && l.field === 'spaceIds')!
    expect(JSON.parse(change.oldValue!)).toEqual([s12, s13].sort())
    expect(JSON.parse(change.newValue!)).toEqual([s13, s14].sort())

    // An area typed by hand stays when the spaces change.
    await app.ok('leases.update', { id, area: 1400 })
    // Larger than its one space now: a warning the person accepts.
    expect(await app.call('leases.update', { id, spaceIds: [s14] })).toMatchObject({
      ok: false,
      error: { code: 'needs_confirmation', warnings: [{ code: 'lease.areaExceeds', field: 'area', message: '租赁面积：1,400 m² 超过所选空间的合计面积 700 m²' }] },
    })
    expect((await app.ok('leases.update', { id, spaceIds: [s14], accept: ['lease.areaExceeds'] })).area).toBe(1400)
    expect(await statuses()).toEqual({ '12': 'vacant', '13': 'vacant', '14': 'leased' })

    const elsewhere = await space(other, '3', 300)
    const mixed = await app.call('leases.update', { id, spaceIds: [s14, elsewhere] })
    expect(mixed).toMatchObject({ ok: false, error: { field: 'spaceIds' } })
    expect((await app.ok('leases.list', {}))[0]).toMatchObject({ spaceIds: [s14], buildingId: tower })
    expect(await statuses()).toEqual({ '12': 'vacant', '13': 'vacant', '14': 'leased', '3': 'vacant' })

    const backwards = await app.call('leases.update', { id, endDate: '2023-12-31' })
    expect(backwards).toMatchObject({ ok: false, error: { field: 'endDate', message: '到期日期：不能早于起租日期' } })

    // Ending the lease in the past frees its space.
    await app.ok('leases.update', { id, endDate: '2024-12-31' })
    expect(await statuses()).toMatchObject({ '14': 'vacant' })
  })

  it('deletes a lease freeing its spaces, and restores it only while the spaces are still free', async () => {
    const s12 = await space(tower, '12', 1000)
    const { id } = await app.ok('leases.create', { tenantId: tenant, spaceIds: [s12] })
    await app.ok('leases.delete', { id })
    expect(await app.ok('leases.list', {})).toHaveLength(0)
    expect(await app.ok('leases.list', { includeDeleted: true })).toHaveLength(1)
    expect(await statuses()).toEqual({ '12': 'vacant' })

    await app.ok('leases.restore', { id })
    expect(await statuses()).toEqual({ '12': 'leased' })

    await app.ok('leases.delete', { id })
    const rival = (await app.ok('tenants.create', { name: '辽宁金廊商贸有限公司' })).id
    await app.ok('leases.create', { tenantId: rival, spaceIds: [s12] })
    const restore = await app.call('leases.restore', { id })
    expect(restore).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'spaceIds', message: '租赁空间：楼层 12 已由“辽宁金廊商贸有限公司”租用（未定租期），与本租约期间重叠，不能恢复' },
    })
    expect((await app.ok('leases.list', {})).map((l) => l.tenantName)).toEqual(['辽宁金廊商贸有限公司'])
  })
})
