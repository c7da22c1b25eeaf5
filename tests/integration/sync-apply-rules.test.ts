import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyOps } from '../../src/main/store/syncApply'
import type { SyncOp } from '../../src/shared/sync'
import { png1x1 } from '../helpers/tiles'
import { blobsOf, type Device, dumpAll, dumpRows, exchange, openDevice, opsOf, pick, rowOf } from '../helpers/syncDevices'

// The merge rules beyond one field (issue 13 item 2): a delete against an edit, the lease rule, one
// live row per unique key, photos' bytes, and a hostile operation refusing the whole merge.
describe('merge rules that span a row or several', () => {
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

  it('keeps a row deleted on one side and edited on the other deleted, with both in a conflict', async () => {
    const { id } = await building(a)
    await exchange(a, b)
    await a.ok('buildings.delete', { id })
    await b.ok('buildings.update', { id, name: '乙在删除后改名' })
    await both()
    for (const d of [a, b]) {
      expect(rowOf(d, 'buildings', id).deleted_at).not.toBeNull()
      const conflicts = await d.ok('sync.conflicts', {})
      expect(conflicts).toHaveLength(1)
      expect(conflicts[0]).toMatchObject({ table: 'buildings', rowId: id, field: 'deletedAt', kind: 'delete' })
      expect(conflicts[0]!.values.map((v) => [v.role, v.actor, v.choice])).toEqual([
        ['deleted', '甲', 'delete'],
        ['edited', '乙', 'keep'],
      ])
      expect(conflicts[0]!.values[1]!.value).toEqual({ field: 'name', value: '乙在删除后改名' })
    }
    // The edit is kept in the row, for a restore to show.
    expect(rowOf(a, 'buildings', id).name).toBe('乙在删除后改名')
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))
  })

  it('keeps a space under a running lease leased, and records the value that would have broken it', async () => {
    const { id } = await building(a)
    const space = await a.ok('spaces.create', { buildingId: id, floorLabel: '12', unit: '1201', area: 300, status: 'vacant' })
    await exchange(a, b)
    const { id: tenantId } = await a.ok('tenants.create', { name: '中海科技' })
    await a.ok('leases.create', { tenantId, spaceIds: [space.id], startDate: '2024-01-01' })
    expect(rowOf(a, 'spaces', space.id).status).toBe('leased')
    // Meanwhile the other laptop, not knowing of the lease, reserves the space for someone else.
    await b.ok('spaces.update', { id: space.id, status: 'reserved' })
    await exchange(a, b)
    await exchange(b, a)
    for (const d of [a, b]) {
      expect(rowOf(d, 'spaces', space.id).status).toBe('leased')
      const [conflict] = await d.ok('sync.conflicts', {})
      expect(conflict).toMatchObject({ table: 'spaces', rowId: space.id, field: 'status', kind: 'rule', note: '该房源有正在执行的租约，状态保持已租' })
      expect(conflict!.values[0]).toMatchObject({ value: 'leased', role: 'rule', choice: 'rule', shown: true })
      expect(conflict!.values.slice(1).map((v) => [v.value, v.actor])).toEqual([['reserved', '乙']])
    }
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))
  })

  it('keeps one live space per building, floor and unit: the first made stays, the other is held out', async () => {
    const { id } = await building(a)
    await exchange(a, b)
    const first = await a.ok('spaces.create', { buildingId: id, floorLabel: '12', unit: '1201', area: 300, status: 'vacant' })
    const second = await b.ok('spaces.create', { buildingId: id, floorLabel: '12', unit: '1201', area: 260, status: 'vacant' })
    await both()
    for (const d of [a, b]) {
      expect(rowOf(d, 'spaces', first.id).deleted_at).toBeNull()
      expect(rowOf(d, 'spaces', second.id).deleted_at).not.toBeNull()
      const [conflict] = await d.ok('sync.conflicts', {})
      expect(conflict).toMatchObject({ table: 'spaces', rowId: second.id, field: 'unit', kind: 'duplicate', rowName: '财富中心 12层 1201' })
      expect(conflict!.values.map((v) => [v.role, v.value, v.choice])).toEqual([
        ['kept', first.id, `row:${first.id}`],
        ['held', second.id, `row:${second.id}`],
      ])
    }
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))
  })

  it('keeps a unique code unique: two parcels given the same code on two laptops', async () => {
    const parcel = (d: Device, name: string) =>
      d.ok('parcels.create', { code: 'HN2025-001', name, districtCode: '210112', landUse: 'industrial', status: 'listed' })
    const first = await a.ok('parcels.create', { code: 'HN2025-001', name: '创新路东侧', districtCode: '210112', landUse: 'industrial', status: 'listed' })
    const second = await parcel(b, '创新路西侧')
    await both()
    for (const d of [a, b]) {
      const live = d.store.sqlite.prepare("SELECT id FROM parcels WHERE code = 'HN2025-001' AND deleted_at IS NULL").all()
      expect(live).toEqual([{ id: first.id }])
      const [conflict] = await d.ok('sync.conflicts', {})
      expect(conflict).toMatchObject({ table: 'parcels', rowId: second.id, field: 'code', kind: 'duplicate', note: '地块编号不能重复' })
    }
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))
  })

  it('carries a photo’s bytes, and a photo whose bytes have not come waits for them', async () => {
    const { id } = await building(a)
    const file = path.join(a.dir, '大堂.png')
    fs.writeFileSync(file, png1x1(200, 10, 10))
    const photo = await a.ok('photos.add', { ownerKind: 'building', ownerId: id, uploadId: await pick(a, file), caption: '大堂' })
    const ops = await opsOf(a.store)
    await applyOps(b.store, ops, { blob: () => undefined })
    expect(rowOf(b, 'photos', photo.id)).toEqual({})
    expect((await b.store.db.selectFrom('syncPending').selectAll().execute())[0]).toMatchObject({ tableName: 'photos', rowId: photo.id })
    // The same package again, with its bytes this time.
    await applyOps(b.store, ops, { blob: blobsOf(a.store) })
    expect(Buffer.compare(rowOf(b, 'photos', photo.id).bytes as Buffer, rowOf(a, 'photos', photo.id).bytes as Buffer)).toBe(0)
    expect(await b.store.db.selectFrom('syncPending').selectAll().execute()).toEqual([])
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))
  })

  it('refuses a whole merge for one hostile operation, leaving the store exactly as it was', async () => {
    const { id } = await building(a)
    await b.ok('buildings.create', { name: '乙的楼', districtCode: '210112', lng: 123.5, lat: 41.8 })
    const good = await opsOf(a.store)
    const before = dumpAll(b.store)
    const template = good.find((o) => o.table === 'buildings')!
    const hostile: Array<[string, Partial<SyncOp>]> = [
      ['表', { table: 'sqlite_master' }],
      ['字段', { op: 'update', field: 'name = 1; DROP TABLE buildings; --', value: '"x"' }],
      ['字段', { op: 'update', field: 'createdAt', value: '"2020-01-01T00:00:00.000Z"' }],
      ['编号', { id: `${template.hlc}:x1` }],
      ['设备', { device: 'someone-else' }],
      ['JSON', { op: 'update', field: 'name', value: '{"unterminated' }],
      ['值', { op: 'update', field: 'name', value: '{"nested":{"object":1}}' }],
      ['记录', { row: "b'; DROP TABLE x; --" }],
      ['过长', { op: 'update', field: 'notes', value: JSON.stringify('长'.repeat(17 * 1024 * 1024)) }],
    ]
    for (const [, change] of hostile) {
      const ops = [...good.slice(0, -1), { ...template, id: `${template.hlc}:999999`, ...change } as SyncOp, good.at(-1)!]
      const refused = applyOps(b.store, ops, { blob: () => undefined })
      await expect(refused).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(new RegExp(`^同步数据第 ${good.length} 条：`)) })
      expect(dumpAll(b.store)).toBe(before)
    }
    expect(rowOf(b, 'buildings', id)).toEqual({})
  })
})
