import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Device, dumpRows, exchange, openDevice, rowOf } from '../helpers/syncDevices'

// Resolving conflicts (sync.resolve): each kind closes on the device where the person picks, and
// on a second device once it receives the pick; both end in the same state.
describe('resolving a conflict', () => {
  let a: Device
  let b: Device
  beforeEach(async () => {
    a = await openDevice('甲')
    b = await openDevice('乙')
  })
  afterEach(async () => {
    await a.close()
    await b.close()
  })

  const building = (d: Device) => d.ok('buildings.create', { name: '财富中心', districtCode: '210112', lng: 123.4, lat: 41.7 })
  const both = async () => {
    await exchange(a, b)
    await exchange(b, a)
  }
  /** The pick made on `a`, then sent to `b`: no conflict left anywhere, the same rows on both. */
  const closesEverywhere = async () => {
    expect(await a.ok('sync.conflicts', {})).toEqual([])
    await exchange(a, b)
    expect(await b.ok('sync.conflicts', {})).toEqual([])
    await exchange(b, a)
    expect(await a.ok('sync.conflicts', {})).toEqual([])
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))
  }

  it('a field: keeps the value picked, even the one already shown', async () => {
    const { id } = await building(a)
    await exchange(a, b)
    await a.ok('buildings.update', { id, name: '甲的名字' })
    await b.ok('buildings.update', { id, name: '乙的名字' })
    await both()
    const [conflict] = await a.ok('sync.conflicts', {})
    const older = conflict!.values.find((v) => !v.shown)!
    const left = await a.ok('sync.resolve', { table: 'buildings', rowId: id, field: 'name', choice: older.choice })
    expect(left).toEqual([])
    expect(rowOf(a, 'buildings', id).name).toBe('甲的名字')
    await closesEverywhere()
    expect(rowOf(b, 'buildings', id).name).toBe('甲的名字')

    // Picking the value shown closes the conflict too.
    await a.ok('buildings.update', { id, name: '甲二' })
    await b.ok('buildings.update', { id, name: '乙二' })
    await both()
    const [again] = await b.ok('sync.conflicts', {})
    await b.ok('sync.resolve', { table: 'buildings', rowId: id, field: 'name', choice: again!.values.find((v) => v.shown)!.choice })
    expect(await b.ok('sync.conflicts', {})).toEqual([])
    await exchange(b, a)
    expect(await a.ok('sync.conflicts', {})).toEqual([])
    expect(rowOf(a, 'buildings', id).name).toBe('乙二')
  })

  it('a local edit of a field in conflict keeps it open, listing the new value', async () => {
    const { id } = await building(a)
    await exchange(a, b)
    await a.ok('buildings.update', { id, name: '甲的名字' })
    await b.ok('buildings.update', { id, name: '乙的名字' })
    await both()
    // The edit supersedes the value shown (乙's, the later); 甲's first value is still open against it.
    await a.ok('buildings.update', { id, name: '甲又改了' })
    const [conflict] = await a.ok('sync.conflicts', {})
    expect(conflict!.values.map((v) => [v.value, v.shown])).toEqual([
      ['甲的名字', false],
      ['甲又改了', true],
    ])
    await exchange(a, b)
    expect(await b.ok('sync.conflicts', {})).toEqual(await a.ok('sync.conflicts', {}).then((list) => list.map((c) => ({ ...c, detectedAt: expect.any(String) }))))
  })

  it('a delete: keeps the row deleted, or restores it with the edit', async () => {
    const { id } = await building(a)
    await exchange(a, b)
    await a.ok('buildings.delete', { id })
    await b.ok('buildings.update', { id, name: '改过的名字' })
    await both()
    await a.ok('sync.resolve', { table: 'buildings', rowId: id, field: 'deletedAt', choice: 'keep' })
    expect(rowOf(a, 'buildings', id)).toMatchObject({ deleted_at: null, name: '改过的名字' })
    await closesEverywhere()

    await b.ok('buildings.delete', { id })
    await a.ok('buildings.update', { id, address: '新地址' })
    await both()
    expect((await b.ok('sync.conflicts', {}))[0]).toMatchObject({ kind: 'delete' })
    await b.ok('sync.resolve', { table: 'buildings', rowId: id, field: 'deletedAt', choice: 'delete' })
    expect(await b.ok('sync.conflicts', {})).toEqual([])
    await exchange(b, a)
    expect(await a.ok('sync.conflicts', {})).toEqual([])
    expect(rowOf(a, 'buildings', id).deleted_at).not.toBeNull()
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))
  })

  it('the lease rule: only the rule’s value can be picked', async () => {
    const { id } = await building(a)
    const space = await a.ok('spaces.create', { buildingId: id, floorLabel: '8', unit: '801', area: 200, status: 'vacant' })
    await exchange(a, b)
    const { id: tenantId } = await a.ok('tenants.create', { name: '中海科技' })
    await a.ok('leases.create', { tenantId, spaceIds: [space.id], startDate: '2024-01-01' })
    await b.ok('spaces.update', { id: space.id, status: 'reserved' })
    await both()
    const [conflict] = await a.ok('sync.conflicts', {})
    const breaking = conflict!.values.find((v) => v.role !== 'rule')!
    const refused = await a.call('sync.resolve', { table: 'spaces', rowId: space.id, field: 'status', choice: breaking.choice })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('请先结束或删除租约') } })
    await a.ok('sync.resolve', { table: 'spaces', rowId: space.id, field: 'status', choice: 'rule' })
    expect(rowOf(a, 'spaces', space.id).status).toBe('leased')
    await closesEverywhere()
  })

  it('a duplicate: keeps the row picked and deletes the other', async () => {
    const { id } = await building(a)
    await exchange(a, b)
    const first = await a.ok('spaces.create', { buildingId: id, floorLabel: '12', unit: '1201', area: 300, status: 'vacant' })
    const second = await b.ok('spaces.create', { buildingId: id, floorLabel: '12', unit: '1201', area: 260, status: 'vacant' })
    await both()
    // The person keeps the one held out: it becomes the live space, the first is deleted.
    await a.ok('sync.resolve', { table: 'spaces', rowId: second.id, field: 'unit', choice: `row:${second.id}` })
    expect(rowOf(a, 'spaces', second.id).deleted_at).toBeNull()
    expect(rowOf(a, 'spaces', first.id).deleted_at).not.toBeNull()
    await closesEverywhere()
    expect(rowOf(b, 'spaces', second.id)).toMatchObject({ deleted_at: null, area: 260 })
  })

  it('a restore against a delete: listed with both, closed by either pick', async () => {
    const { id } = await building(a)
    await exchange(a, b)
    // 甲 deletes and restores the building; 乙, not knowing, deletes it (later by the clock).
    await a.ok('buildings.delete', { id })
    await a.ok('buildings.restore', { id })
    await b.ok('buildings.delete', { id })
    await both()
    const [conflict] = await a.ok('sync.conflicts', {})
    expect(conflict).toMatchObject({ table: 'buildings', rowId: id, field: 'deletedAt', kind: 'delete' })
    expect(conflict!.values.map((v) => [v.role, v.choice, v.actor]).sort()).toEqual([
      ['deleted', 'delete', '乙'],
      ['restored', 'keep', '甲'],
    ])
    expect(await b.ok('sync.conflicts', {})).toEqual(await a.ok('sync.conflicts', {}).then((list) => list.map((c) => ({ ...c, detectedAt: expect.any(String) }))))
    await a.ok('sync.resolve', { table: 'buildings', rowId: id, field: 'deletedAt', choice: 'keep' })
    expect(rowOf(a, 'buildings', id).deleted_at).toBeNull()
    await closesEverywhere()
  })

  it('a field conflict and a duplicate on the same field: both listed, each resolved by its own choice', async () => {
    const { id } = await building(a)
    // 1201 is added first: where both end in one unit, it is the space kept, 1202 the one held out.
    const other = await a.ok('spaces.create', { buildingId: id, floorLabel: '12', unit: '1201', area: 200, status: 'vacant' })
    const moved = await a.ok('spaces.create', { buildingId: id, floorLabel: '12', unit: '1202', area: 300, status: 'vacant' })
    await exchange(a, b)
    // 甲 moves 1201 to 1203 and 1202 to 1301; 乙, later, moves 1202 to 1203 too.
    await a.ok('spaces.update', { id: other.id, unit: '1203' })
    await a.ok('spaces.update', { id: moved.id, unit: '1301' })
    await b.ok('spaces.update', { id: moved.id, unit: '1203' })
    await both()
    const listed = (await a.ok('sync.conflicts', {})).filter((c) => c.rowId === moved.id)
    expect(listed.map((c) => [c.field, c.kind]).sort()).toEqual([
      ['unit', 'duplicate'],
      ['unit', 'field'],
    ])
    const field = listed.find((c) => c.kind === 'field')!
    expect(field.values.map((v) => v.value).sort()).toEqual(['1203', '1301'])
    // Picking 1301 ends the field conflict, and with it the duplicate (the space left 1203).
    const choice = field.values.find((v) => v.value === '1301')!.choice
    await a.ok('sync.resolve', { table: 'spaces', rowId: moved.id, field: 'unit', choice })
    expect(rowOf(a, 'spaces', moved.id)).toMatchObject({ unit: '1301', deleted_at: null })
    expect(rowOf(a, 'spaces', other.id)).toMatchObject({ unit: '1203', deleted_at: null })
    await closesEverywhere()
  })

  it('says so when the conflict is gone or the choice is not one of its values', async () => {
    const { id } = await building(a)
    const gone = await a.call('sync.resolve', { table: 'buildings', rowId: id, field: 'name', choice: 'x' })
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found', message: '冲突：这条冲突已解决或不存在，请刷新列表' } })
  })
})
