import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../helpers/store'

describe('sky industrial parks', () => {
  let app: TestApp
  let maoye: string
  let xindi: string
  beforeEach(async () => {
    app = await openTestApp()
    maoye = (await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })).id
    xindi = (await app.ok('buildings.create', { name: '新地中心', districtCode: '210103' })).id
  })
  afterEach(async () => {
    await app.close()
  })

  const digitalPark = () =>
    app.ok('parks.create', {
      name: '数字经济产业园',
      theme: '数字经济',
      districtCode: '210103',
      plannedInvestment: 2_000_000_000,
      totalArea: 50_000,
      status: 'operating',
      subParks: [{ name: '智能经济' }, { name: '机器人工业设计' }, { name: '大数据', area: 8000 }, { name: '数字独角兽孵化基地' }],
      hosts: [{ buildingId: maoye, floors: '20-28', area: 30_000 }],
    })
  const childRows = (parkId: string) => app.store.db.selectFrom('subParks').selectAll().where('parkId', '=', parkId).execute()

  it('creates a park with its sub-parks and host buildings in order, each child logged', async () => {
    const { id } = await digitalPark()
    const park = await app.ok('parks.get', { id })
    expect(park).toMatchObject({ name: '数字经济产业园', districtName: '沈河区', status: 'operating', plannedInvestment: 2e9 })
    expect(park.subParks.map((s) => s.name)).toEqual(['智能经济', '机器人工业设计', '大数据', '数字独角兽孵化基地'])
    expect(park.subParks[2]).toMatchObject({ area: 8000, theme: null })
    expect(park.hosts).toMatchObject([{ buildingId: maoye, buildingName: '茂业中心', floors: '20-28', area: 30_000 }])

    const childLog = await app.store.db.selectFrom('changeLog').select(['tableName', 'field']).where('tableName', 'in', ['subParks', 'parkHosts']).execute()
    expect(childLog.filter((l) => l.tableName === 'subParks' && l.field === 'name')).toHaveLength(4)
    expect(childLog.some((l) => l.tableName === 'parkHosts' && l.field === 'buildingId')).toBe(true)

    expect((await app.ok('buildings.get', { id: maoye })).parks).toEqual([{ id, name: '数字经济产业园', floors: '20-28' }])
  })

  it('updates children by id, adds new ones, removes the ones left out, and leaves omitted lists alone', async () => {
    const { id } = await digitalPark()
    const before = await app.ok('parks.get', { id })
    const [smart, robots, data] = before.subParks
    const updated = await app.ok('parks.update', {
      id,
      subParks: [{ id: data!.id, name: '大数据分园', area: 9000 }, { id: smart!.id, name: '智能经济' }, { name: '元宇宙' }],
    })
    expect(updated.subParks.map((s) => [s.name, s.area])).toEqual([['大数据分园', 9000], ['智能经济', null], ['元宇宙', null]])
    expect(updated.hosts).toHaveLength(1)

    const rows = await childRows(id)
    expect(rows.filter((r) => r.deletedAt !== null).map((r) => r.id).sort()).toEqual([robots!.id, before.subParks[3]!.id].sort())
    const renamed = await app.store.db.selectFrom('changeLog').selectAll().where('rowId', '=', data!.id).where('op', '=', 'update').execute()
    expect(renamed.map((l) => l.field).sort()).toEqual(['area', 'name', 'sortOrder'])

    const withHosts = await app.ok('parks.update', {
      id,
      status: 'fitting_out',
      hosts: [{ buildingId: xindi, floors: '5' }, { id: before.hosts[0]!.id, buildingId: maoye, floors: '20-30' }],
    })
    expect(withHosts.hosts.map((h) => [h.buildingName, h.floors])).toEqual([['新地中心', '5'], ['茂业中心', '20-30']])
    expect(withHosts.subParks).toHaveLength(3)
    expect(withHosts.status).toBe('fitting_out')

    expect((await app.ok('parks.update', { id, hosts: [] })).hosts).toEqual([])
    expect((await app.ok('buildings.get', { id: maoye })).parks).toEqual([])
  })

  it('refuses a deleted host building, naming the item, and writes nothing', async () => {
    await app.ok('buildings.delete', { id: xindi })
    const result = await app.call('parks.create', {
      name: '总部经济产业园',
      theme: '总部经济',
      districtCode: '210103',
      status: 'planned',
      subParks: [{ name: '外资企业总部基地' }],
      hosts: [{ buildingId: maoye }, { buildingId: xindi }],
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'hosts.1.buildingId', message: '载体楼宇（第 2 项）：找不到该记录（可能已被删除）' },
    })
    expect(await app.store.db.selectFrom('parks').selectAll().execute()).toHaveLength(0)
    expect(await app.store.db.selectFrom('subParks').selectAll().execute()).toHaveLength(0)
    expect(await app.store.db.selectFrom('parkHosts').selectAll().execute()).toHaveLength(0)
  })

  it('refuses a child id belonging to another park and a host named twice', async () => {
    const first = await digitalPark()
    const foreign = (await app.ok('parks.get', { id: first.id })).subParks[0]!.id
    const second = await app.ok('parks.create', { name: '跨境电商产业园', theme: '跨境电商', districtCode: '210103', status: 'planned' })

    const stolen = await app.call('parks.update', { id: second.id, name: '跨境电商园', subParks: [{ id: foreign, name: '智能经济' }] })
    expect(stolen).toMatchObject({ ok: false, error: { field: 'subParks.0.id' } })
    expect((await app.ok('parks.get', { id: second.id })).name).toBe('跨境电商产业园')
    expect((await app.ok('parks.get', { id: first.id })).subParks).toHaveLength(4)

    const twice = await app.call('parks.update', { id: second.id, hosts: [{ buildingId: maoye }, { buildingId: maoye }] })
    expect(twice).toMatchObject({ ok: false, error: { field: 'hosts.1.buildingId', message: '载体楼宇：第 2 项与前面的楼宇重复' } })
    expect((await app.ok('parks.get', { id: second.id })).hosts).toEqual([])
  })

  it('lists by search text, district and status; deletes and restores', async () => {
    const { id } = await digitalPark()
    await app.ok('parks.create', { name: '未来生态产业园', theme: '东北未来生态', districtCode: '210112', status: 'planned' })
    const names = async (input: Parameters<typeof app.ok<'parks.list'>>[1]) => (await app.ok('parks.list', input)).map((p) => p.name)

    expect(await names({})).toEqual(['数字经济产业园', '未来生态产业园'].sort())
    expect(await names({ q: '数字' })).toEqual(['数字经济产业园'])
    expect(await names({ q: '东北未来' })).toEqual(['未来生态产业园'])
    expect(await names({ districtCode: '210112' })).toEqual(['未来生态产业园'])
    expect(await names({ status: 'operating' })).toEqual(['数字经济产业园'])

    await app.ok('parks.delete', { id })
    expect(await names({})).toEqual(['未来生态产业园'])
    expect((await app.ok('parks.get', { id })).deletedAt).not.toBeNull()
    expect(await app.call('parks.update', { id, name: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    await app.ok('parks.restore', { id })
    expect((await app.ok('parks.get', { id })).subParks).toHaveLength(4)
  })
})
