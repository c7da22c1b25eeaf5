import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyOps } from '../../src/main/store/syncApply'
import { type Device, dumpRows, exchange, openDevice, opsOf, rowOf } from '../helpers/syncDevices'

// The merge engine (store/syncApply.ts) between two simulated laptops: the per-field rules of
// issue 13 item 2, applied by exchanging their change logs' operations.
describe('merging another device’s operations', () => {
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

  const building = (d: Device, name = '财富中心') => d.ok('buildings.create', { name, districtCode: '210112', lng: 123.4, lat: 41.7, address: '浑南大道 1 号' })
  const getBuilding = (d: Device, id: string) => rowOf(d, 'buildings', id)

  it('takes rows made on one side, and a field changed on one side only, with no conflict', async () => {
    const { id } = await building(a)
    const space = await a.ok('spaces.create', { buildingId: id, floorLabel: '12', unit: '1201', area: 300, status: 'vacant' })
    const first = await exchange(a, b)
    expect(first.applied).toBeGreaterThan(0)
    expect(first.conflicts).toBe(0)
    expect((getBuilding(b, id)).name).toBe('财富中心')
    expect(rowOf(b, 'spaces', space.id).unit).toBe('1201')

    await b.ok('buildings.update', { id, name: '财富大厦' })
    await a.ok('buildings.update', { id, address: '浑南大道 9 号' })
    await exchange(b, a)
    await exchange(a, b)
    for (const d of [a, b]) {
      const row = getBuilding(d, id)
      expect(row.name).toBe('财富大厦')
      expect(row.address).toBe('浑南大道 9 号')
      expect(await d.ok('sync.conflicts', {})).toEqual([])
    }
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))
  })

  it('sees no conflict when both sides wrote the same value', async () => {
    const { id } = await building(a)
    await exchange(a, b)
    await a.ok('buildings.update', { id, name: '财富大厦' })
    await b.ok('buildings.update', { id, name: '财富大厦' })
    await exchange(a, b)
    await exchange(b, a)
    for (const d of [a, b]) expect(await d.ok('sync.conflicts', {})).toEqual([])
    expect((getBuilding(b, id)).name).toBe('财富大厦')
  })

  it('shows the later of two different values, keeps the other, and lists both as a conflict', async () => {
    const { id } = await building(a)
    await exchange(a, b)
    await a.ok('buildings.update', { id, name: '甲改的名字' })
    await b.ok('buildings.update', { id, name: '乙改的名字' })
    const intoA = await exchange(b, a)
    expect(intoA.newConflicts).toBe(1)
    await exchange(a, b)
    for (const d of [a, b]) {
      expect((getBuilding(d, id)).name).toBe('乙改的名字')
      const [conflict] = await d.ok('sync.conflicts', {})
      expect(conflict).toMatchObject({ table: 'buildings', rowId: id, field: 'name', kind: 'field', rowName: '乙改的名字' })
      expect(conflict!.values.map((v) => [v.value, v.shown, v.actor])).toEqual([
        ['甲改的名字', false, '甲'],
        ['乙改的名字', true, '乙'],
      ])
    }
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))
  })

  it('applies the same operations twice, or in another order, to the same state', async () => {
    const { id } = await building(a)
    await a.ok('spaces.create', { buildingId: id, floorLabel: '3', unit: '301', area: 120, status: 'vacant' })
    await a.ok('buildings.update', { id, name: '二期' })
    const ops = await opsOf(a.store)
    const once = await applyOps(b.store, ops, { blob: () => undefined })
    const before = dumpRows(b.store)
    const twice = await applyOps(b.store, ops, { blob: () => undefined })
    expect(twice).toMatchObject({ applied: 0, skipped: ops.length })
    expect(once.applied).toBe(ops.length)
    expect(dumpRows(b.store)).toBe(before)

    const c = await openDevice('丙')
    try {
      await applyOps(c.store, [...ops].reverse(), { blob: () => undefined })
      expect(dumpRows(c.store)).toBe(before)
      expect(await c.store.db.selectFrom('syncPending').selectAll().execute()).toEqual([])
    } finally {
      await c.close()
    }
  })

  it('holds a space that arrives before its building, and puts it in place when the building comes', async () => {
    const { id } = await building(a)
    const space = await a.ok('spaces.create', { buildingId: id, floorLabel: '5', unit: '501', area: 80, status: 'vacant' })
    const ops = await opsOf(a.store)
    const spaceOps = ops.filter((o) => o.table === 'spaces')
    const rest = ops.filter((o) => o.table !== 'spaces')
    await applyOps(b.store, spaceOps, { blob: () => undefined })
    expect(await b.store.db.selectFrom('spaces').selectAll().execute()).toEqual([])
    const pending = await b.store.db.selectFrom('syncPending').selectAll().execute()
    expect(pending).toEqual([{ tableName: 'spaces', rowId: space.id, reason: `缺少上级记录 buildings:${id}` }])
    // Its operations are held all the same.
    expect((await opsOf(b.store)).length).toBe(spaceOps.length)

    await applyOps(b.store, rest, { blob: () => undefined })
    expect(rowOf(b, 'spaces', space.id).unit).toBe('501')
    expect(await b.store.db.selectFrom('syncPending').selectAll().execute()).toEqual([])
    expect(dumpRows(b.store)).toBe(dumpRows(a.store))
  })
})
