import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../helpers/store'

describe('clusters', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await openTestApp()
  })
  afterEach(async () => {
    await app.close()
  })

  const huigong = () =>
    app.ok('clusters.create', { name: '惠工方圆金融楼宇集聚区', districtCode: '210103', description: '财富中心、新地中心、旭辉中心等' })

  it('counts live buildings and names the district', async () => {
    const { id } = await huigong()
    await app.ok('clusters.create', { name: '浑南科技城楼宇集聚区', districtCode: '210112' })
    for (const name of ['财富中心', '新地中心', '旭辉中心']) {
      await app.ok('buildings.create', { name, districtCode: '210103', clusterId: id })
    }
    const gone = await app.ok('buildings.create', { name: '已拆除大厦', districtCode: '210103', clusterId: id })
    await app.ok('buildings.delete', { id: gone.id })

    expect(await app.ok('clusters.get', { id })).toMatchObject({ name: '惠工方圆金融楼宇集聚区', districtName: '沈河区', buildingCount: 3, isDemo: false })
    expect((await app.ok('clusters.list', { districtCode: '210112' })).map((c) => [c.name, c.buildingCount])).toEqual([['浑南科技城楼宇集聚区', 0]])
    expect((await app.ok('clusters.list', { q: '金融楼宇' })).map((c) => c.id)).toEqual([id])
    expect((await app.ok('clusters.list', { q: '旭辉' })).map((c) => c.id)).toEqual([id])
    expect(await app.ok('clusters.list', {})).toHaveLength(2)
  })

  it('updates, refusing an unknown district without changing anything', async () => {
    const { id } = await huigong()
    const bad = await app.call('clusters.update', { id, name: '新名字', districtCode: '999999' })
    expect(bad).toMatchObject({ ok: false, error: { field: 'districtCode', message: '所属区县：找不到该记录（可能已被删除）' } })
    expect((await app.ok('clusters.get', { id })).name).toBe('惠工方圆金融楼宇集聚区')

    const updated = await app.ok('clusters.update', { id, name: '惠工方圆楼宇集聚区', description: null })
    expect(updated).toMatchObject({ name: '惠工方圆楼宇集聚区', description: null })
    const empty = await app.call('clusters.create', { name: ' ', districtCode: '210103' })
    expect(empty).toMatchObject({ ok: false, error: { field: 'name', message: '聚集区名称：必填' } })
  })

  it('soft-deletes: buildings keep their cluster id but no longer show its name, until it is restored', async () => {
    const { id } = await huigong()
    const building = await app.ok('buildings.create', { name: '财富中心', districtCode: '210103', clusterId: id })
    await app.ok('clusters.delete', { id })
    expect(await app.ok('clusters.list', {})).toHaveLength(0)
    expect(await app.ok('clusters.list', { includeDeleted: true })).toHaveLength(1)
    expect((await app.ok('buildings.get', { id: building.id })).building).toMatchObject({ clusterId: id, clusterName: null })
    expect(await app.call('clusters.delete', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } })

    await app.ok('clusters.restore', { id })
    expect((await app.ok('buildings.get', { id: building.id })).building.clusterName).toBe('惠工方圆金融楼宇集聚区')
    expect((await app.ok('clusters.get', { id })).buildingCount).toBe(1)
  })
})

describe('districts', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await openTestApp()
  })
  afterEach(async () => {
    await app.close()
  })

  it('lists districts by code and adds one, logged by its code', async () => {
    const before = await app.ok('districts.list', {})
    expect(before[0]).toEqual({ code: '210102', name: '和平区', city: '沈阳市', province: '辽宁省' })
    expect(before.map((d) => d.code)).toEqual([...before.map((d) => d.code)].sort())

    expect(await app.ok('districts.create', { code: '210181', name: '新民市', city: '沈阳市', province: '辽宁省' })).toEqual({ code: '210181' })
    const after = await app.ok('districts.list', {})
    expect(after).toHaveLength(before.length + 1)
    expect(after.findIndex((d) => d.code === '210181')).toBe(after.findIndex((d) => d.code === '210115') + 1)
    const log = await app.store.db.selectFrom('changeLog').selectAll().where('tableName', '=', 'districts').execute()
    expect(log.map((l) => [l.rowId, l.field]).sort()).toEqual([['210181', 'city'], ['210181', 'name'], ['210181', 'province']])

    // A new district can be used at once.
    await app.ok('clusters.create', { name: '新民楼宇集聚区', districtCode: '210181' })
  })

  it('refuses a code already taken or malformed, writing nothing', async () => {
    const taken = await app.call('districts.create', { code: '210103', name: '另一个区', city: '沈阳市', province: '辽宁省' })
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code', message: '行政区划代码：已存在（沈河区）' } })
    const malformed = await app.call('districts.create', { code: '21010', name: '某区', city: '沈阳市', province: '辽宁省' })
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid', field: 'code' } })
    expect((await app.ok('districts.list', {})).find((d) => d.code === '210103')?.name).toBe('沈河区')
    expect(await app.store.db.selectFrom('changeLog').selectAll().where('tableName', '=', 'districts').execute()).toHaveLength(0)
  })
})
