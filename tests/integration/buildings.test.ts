import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../helpers/store'

describe('buildings and spaces', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await openTestApp()
  })
  afterEach(async () => {
    await app.close()
  })

  const createBuilding = () =>
    app.ok('buildings.create', { name: '茂业中心', districtCode: '210103', lng: 123.43, lat: 41.8, grade: 'a', address: '沈河区青年大街' })

  it('creates a building and derives its figures from its spaces in SQL', async () => {
    const { id } = await createBuilding()
    await app.ok('spaces.create', { buildingId: id, floorLabel: '12', area: 1000, status: 'vacant', askingRent: 3.5 })
    await app.ok('spaces.create', { buildingId: id, floorLabel: '13', area: 1000, status: 'leased' })
    await app.ok('spaces.create', { buildingId: id, floorLabel: '14', area: 2000, status: 'reserved' })
    await app.ok('spaces.create', { buildingId: id, floorLabel: '15', area: 500, status: 'owner_occupied' })

    const detail = await app.ok('buildings.get', { id })
    expect(detail.building).toMatchObject({
      name: '茂业中心',
      districtName: '沈河区',
      spaceCount: 4,
      leasableArea: 4000,
      vacantArea: 1000,
      leasedArea: 1000,
      vacancyRate: 0.25,
      occupancyRate: 0.25,
      rentMin: 3.5,
      rentMax: 3.5,
    })
    expect(detail.spaces.map((s) => s.floorLabel)).toEqual(['15', '14', '13', '12'])
  })

  it('edits a space status and the vacancy follows', async () => {
    const { id } = await createBuilding()
    const space = await app.ok('spaces.create', { buildingId: id, floorLabel: '8', area: 800, status: 'vacant' })
    await app.ok('spaces.update', { id: space.id, status: 'leased' })
    const [summary] = await app.ok('buildings.list', {})
    expect(summary).toMatchObject({ vacantArea: 0, leasedArea: 800, vacancyRate: 0, occupancyRate: 1 })
  })

  it('rejects bad input naming the field in Chinese and writes nothing', async () => {
    const result = await app.call('buildings.create', { name: '  ', districtCode: '210103' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ code: 'invalid', field: 'name', message: '楼宇名称：必填' })

    const unknownDistrict = await app.call('buildings.create', { name: '某楼', districtCode: '999999' })
    expect(unknownDistrict).toMatchObject({ ok: false, error: { field: 'districtCode' } })

    const { id } = await createBuilding()
    const badArea = await app.call('spaces.create', { buildingId: id, floorLabel: '3', area: -5, status: 'vacant' })
    expect(badArea).toMatchObject({ ok: false, error: { field: 'area', message: '面积：应大于 0' } })
    expect(await app.ok('buildings.list', {})).toHaveLength(1)
    expect((await app.ok('buildings.get', { id })).spaces).toHaveLength(0)
  })

  it('soft-deletes and restores, logging each change with device and clock', async () => {
    const { id } = await createBuilding()
    await app.ok('buildings.update', { id, name: '茂业中心A座' })
    await app.ok('buildings.delete', { id })
    expect(await app.ok('buildings.list', {})).toHaveLength(0)
    await app.ok('buildings.restore', { id })
    expect((await app.ok('buildings.list', {}))[0]?.name).toBe('茂业中心A座')

    const log = await app.store.db.selectFrom('changeLog').selectAll().where('rowId', '=', id).orderBy('seq').execute()
    expect(log.map((l) => l.op)).toEqual([...log.filter((l) => l.op === 'insert').map(() => 'insert'), 'update', 'delete', 'restore'])
    const rename = log.find((l) => l.op === 'update')!
    expect(rename).toMatchObject({ field: 'name', oldValue: '"茂业中心"', newValue: '"茂业中心A座"', actor: 'tester' })
    expect(rename.deviceId).toMatch(/^[0-9a-f-]{36}$/)
    const stamps = log.map((l) => l.hlc)
    expect([...stamps].sort()).toEqual(stamps)
  })

  it('searches Chinese substrings through the trigram index and by two characters', async () => {
    await createBuilding()
    await app.ok('buildings.create', { name: '新地中心', districtCode: '210103' })
    expect((await app.ok('buildings.list', { q: '茂业中' })).map((b) => b.name)).toEqual(['茂业中心'])
    expect((await app.ok('buildings.list', { q: '中心' })).map((b) => b.name).sort()).toEqual(['新地中心', '茂业中心'].sort())
    expect((await app.ok('buildings.list', { q: '青年大街' })).map((b) => b.name)).toEqual(['茂业中心'])
  })

  it('lists names in pinyin order with numbers in numeric order', async () => {
    for (const name of ['万科中心', '五里河商务大厦', '全运路金融中心', '华府 10 号楼', '华府 2 号楼']) {
      await app.ok('buildings.create', { name, districtCode: '210103' })
    }
    expect((await app.ok('buildings.list', {})).map((b) => b.name)).toEqual(['华府 2 号楼', '华府 10 号楼', '全运路金融中心', '万科中心', '五里河商务大厦'])
  })
})
