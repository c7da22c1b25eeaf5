import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { fieldLabel, formatValue } from '../../src/shared/changeText'
import type { Space } from '../../src/shared/types'
import { openTestApp, type TestApp, tempDir } from '../helpers/store'

// The layout writes of the stacking plan and the keyboard grid: generate floors, set many, split,
// merge, copy a floor; each all or nothing, each answering what undoes it.

describe('laying out a building', () => {
  let app: TestApp
  let building: string
  beforeEach(async () => {
    app = await openTestApp()
    building = (await app.ok('buildings.create', { name: '金融中心', districtCode: '210103', lng: 123.43, lat: 41.8, grade: 'a' })).id
  })
  afterEach(async () => {
    await app.close()
  })

  const spaces = () => app.ok('spaces.list', { buildingId: building })
  const onFloor = async (floor: string) => (await spaces()).filter((s) => s.floorLabel === floor)
  const byUnit = (list: Space[], unit: string) => list.find((s) => s.unit === unit)!

  it('generates floors B2 to 20 in one call, named by floor, and refuses floors that already have spaces', async () => {
    const made = await app.ok('spaces.generateFloors', { buildingId: building, fromFloor: 'B2', toFloor: '20F', unitsPerFloor: 4, typicalArea: 250 })
    expect(made.ids).toHaveLength(22 * 4)
    const all = await spaces()
    expect(new Set(all.map((s) => s.floorLabel)).size).toBe(22)
    expect(all[0]).toMatchObject({ floorLabel: '20', unit: '2001', area: 250, status: 'vacant' })
    expect(all.filter((s) => s.floorLabel === 'B1').map((s) => s.unit).sort()).toEqual(['B101', 'B102', 'B103', 'B104'])

    await app.ok('spaces.create', { buildingId: building, floorLabel: '25', unit: '2501', area: 100, status: 'vacant' })
    const again = await app.call('spaces.generateFloors', { buildingId: building, fromFloor: '21', toFloor: '26', unitsPerFloor: 2, typicalArea: 100 })
    expect(again.ok).toBe(false)
    if (!again.ok) expect(again.error.message).toContain('25 层已有空间')
    // All or nothing: floors 21–24 were not made either.
    expect(await onFloor('21')).toHaveLength(0)
    const notAFloor = await app.call('spaces.generateFloors', { buildingId: building, fromFloor: '屋顶', toFloor: '3', unitsPerFloor: 2, typicalArea: 100 })
    expect(notAFloor.ok).toBe(false)
    if (!notAFloor.ok) expect(notAFloor.error.message).toContain('起始楼层')
  })

  it('sets many spaces at once, answers their previous values, and keeps a leased space leased', async () => {
    const { ids } = await app.ok('spaces.generateFloors', { buildingId: building, fromFloor: '1', toFloor: '3', unitsPerFloor: 2, typicalArea: 500 })
    const result = await app.ok('spaces.bulkUpdate', { ids, patch: { status: 'reserved', askingRent: 3.2 } })
    expect(result.previous).toHaveLength(6)
    expect(result.previous[0]).toMatchObject({ status: 'vacant', askingRent: null })
    expect((await spaces()).every((s) => s.status === 'reserved' && s.askingRent === 3.2)).toBe(true)

    const tenant = (await app.ok('tenants.create', { name: '沈阳数智科技有限公司' })).id
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [ids[0]!], endDate: '2099-12-31' })
    const refused = await app.call('spaces.bulkUpdate', { ids, patch: { status: 'vacant' } })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('沈阳数智科技有限公司')
    // Nothing changed: the refusal covers the whole call.
    expect((await spaces()).filter((s) => s.status === 'vacant')).toHaveLength(0)
  })

  it('splits a space in two (a lease on it covers both halves) and merges them back', async () => {
    await app.ok('spaces.generateFloors', { buildingId: building, fromFloor: '12', toFloor: '12', unitsPerFloor: 2, typicalArea: 600 })
    const space = byUnit(await onFloor('12'), '1201')
    const tenant = (await app.ok('tenants.create', { name: '辽宁金廊商贸有限公司' })).id
    const lease = (await app.ok('leases.create', { tenantId: tenant, spaceIds: [space.id], endDate: '2099-12-31' })).id

    const badSum = await app.call('spaces.split', { id: space.id, areas: [300, 200] })
    expect(badSum.ok).toBe(false)
    if (!badSum.ok) expect(badSum.error.message).toContain('应等于原面积 600')

    const split = await app.ok('spaces.split', { id: space.id, areas: [400, 200] })
    expect(split.previous).toEqual({ area: 600, unit: '1201' })
    const floor = await onFloor('12')
    expect(byUnit(floor, '1201A')).toMatchObject({ area: 400, status: 'leased' })
    expect(byUnit(floor, '1201B')).toMatchObject({ id: split.createdId, area: 200, status: 'leased', tenantName: '辽宁金廊商贸有限公司' })
    const [leaseRow] = await app.ok('leases.list', { buildingId: building })
    expect(leaseRow!.spaceIds.sort()).toEqual([space.id, split.createdId].sort())
    expect(leaseRow!.area).toBe(600)

    // 1201A (leased) and 1202 (vacant, no lease) are not merged.
    const mixed = await app.call('spaces.merge', { ids: [space.id, byUnit(floor, '1202').id] })
    expect(mixed.ok).toBe(false)

    const merged = await app.ok('spaces.merge', { ids: [split.createdId, space.id] })
    expect(merged).toEqual({
      id: space.id, deletedIds: [split.createdId], previous: { area: 400, unit: '1201A' }, links: [{ leaseId: lease, spaceId: split.createdId }],
    })
    expect(byUnit(await onFloor('12'), '1201')).toMatchObject({ area: 600, status: 'leased' })
    expect((await app.ok('leases.list', { buildingId: building }))[0]!.spaceIds).toEqual([space.id])
    expect(lease).toBeTruthy()
  })

  it('refuses to merge spaces on different floors or under different leases', async () => {
    await app.ok('spaces.generateFloors', { buildingId: building, fromFloor: '5', toFloor: '6', unitsPerFloor: 2, typicalArea: 300 })
    const five = await onFloor('5')
    const six = await onFloor('6')
    const floors = await app.call('spaces.merge', { ids: [five[0]!.id, six[0]!.id] })
    expect(floors.ok).toBe(false)
    if (!floors.ok) expect(floors.error.message).toContain('同一楼层')
    const a = (await app.ok('tenants.create', { name: '甲公司' })).id
    const b = (await app.ok('tenants.create', { name: '乙公司' })).id
    await app.ok('leases.create', { tenantId: a, spaceIds: [five[0]!.id], endDate: '2099-01-01' })
    await app.ok('leases.create', { tenantId: b, spaceIds: [five[1]!.id], endDate: '2099-01-01' })
    const leases = await app.call('spaces.merge', { ids: five.map((s) => s.id) })
    expect(leases.ok).toBe(false)
    if (!leases.ok) expect(leases.error.message).toMatch(/不同的租约.*甲公司/)
  })

  it('undoes a merge of leased spaces in one write: spaces, unit, area and lease links back, figures unchanged', async () => {
    await app.ok('spaces.generateFloors', { buildingId: building, fromFloor: '5', toFloor: '5', unitsPerFloor: 3, typicalArea: 300 })
    const five = await onFloor('5')
    const [s501, s502] = [byUnit(five, '501'), byUnit(five, '502')]
    const tenant = (await app.ok('tenants.create', { name: '盛京智造有限公司' })).id
    const lease = (await app.ok('leases.create', { tenantId: tenant, spaceIds: [s501.id, s502.id], endDate: '2099-12-31' })).id
    const figures = async () => {
      const { building: b } = await app.ok('buildings.get', { id: building })
      return { leased: b.leasedArea, vacant: b.vacantArea }
    }
    const before = await figures()

    const merged = await app.ok('spaces.merge', { ids: [s502.id, s501.id] })
    expect(merged.links).toEqual([{ leaseId: lease, spaceId: s502.id }])
    expect(byUnit(await onFloor('5'), '501-502')).toMatchObject({ id: s501.id, area: 600, status: 'leased' })
    expect(await figures()).toEqual(before)

    // A wrong kept space is refused and changes nothing.
    const wrong = await app.call('spaces.unmerge', { keptId: byUnit(five, '503').id, restoredIds: merged.deletedIds, kept: { unit: '503', area: 300 }, links: [] })
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.error.message).toContain('不是合并入')

    await app.ok('spaces.unmerge', { keptId: merged.id, restoredIds: merged.deletedIds, kept: merged.previous, links: merged.links })
    const after = await onFloor('5')
    expect(byUnit(after, '501')).toMatchObject({ id: s501.id, area: 300, status: 'leased', tenantName: '盛京智造有限公司' })
    expect(byUnit(after, '502')).toMatchObject({ id: s502.id, area: 300, status: 'leased', tenantName: '盛京智造有限公司' })
    const [leaseRow] = await app.ok('leases.list', { buildingId: building })
    expect(leaseRow!.spaceIds.sort()).toEqual([s501.id, s502.id].sort())
    expect(leaseRow!.area).toBe(600)
    expect(await figures()).toEqual(before)
    // The lease's spaces are logged as its other changes are.
    const [latest] = await app.ok('changes.list', { table: 'leases', rowId: lease, limit: 1 })
    expect(latest).toMatchObject({ field: 'spaceIds', oldValue: [s501.id] })
    expect((latest!.newValue as string[]).sort()).toEqual([s501.id, s502.id].sort())
  })

  it('refuses a trash restore of a merged-away space (its area lives on in the kept one) until the merge is undone', async () => {
    await app.ok('spaces.generateFloors', { buildingId: building, fromFloor: '5', toFloor: '5', unitsPerFloor: 2, typicalArea: 300 })
    const five = await onFloor('5')
    const merged = await app.ok('spaces.merge', { ids: five.map((s) => s.id) })
    const refused = await app.call('spaces.restore', { id: merged.deletedIds[0]! })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toBe('空间：已合并入“5 层 501-502”，不能单独恢复；请在楼宇页撤销合并')
    expect((await onFloor('5')).map((s) => s.area)).toEqual([600])
    // The history names the marker in words: 合并入 5层 501-502.
    const marker = (await app.ok('changes.list', { table: 'spaces', rowId: merged.deletedIds[0]! })).find((c) => c.field === 'mergedInto')!
    expect(fieldLabel('spaces', 'mergedInto')).toBe('合并入')
    expect(formatValue('spaces', 'mergedInto', marker.newValue, marker.refs)).toContain('501-502')

    await app.ok('spaces.unmerge', { keptId: merged.id, restoredIds: merged.deletedIds, kept: merged.previous, links: merged.links })
    expect((await onFloor('5')).map((s) => s.area)).toEqual([300, 300])
    // Restored since the merge: deleted again by hand, it comes back from the trash as any space.
    await app.ok('spaces.delete', { id: merged.deletedIds[0]! })
    await app.ok('spaces.restore', { id: merged.deletedIds[0]! })
    expect(await onFloor('5')).toHaveLength(2)
  })

  it('undoes a split typed high-then-low: merging back keeps the original space and its unit', async () => {
    await app.ok('spaces.generateFloors', { buildingId: building, fromFloor: '7', toFloor: '7', unitsPerFloor: 1, typicalArea: 500 })
    const [space] = await onFloor('7')
    const split = await app.ok('spaces.split', { id: space!.id, areas: [300, 200], units: ['702', '701'] })
    // 701 (the created half) sorts first: without keepId it would be kept and the original deleted.
    const merged = await app.ok('spaces.merge', { ids: [split.id, split.createdId], keepId: split.id, unit: split.previous.unit })
    expect(merged.id).toBe(space!.id)
    expect(merged.deletedIds).toEqual([split.createdId])
    expect(await onFloor('7')).toMatchObject([{ id: space!.id, unit: '701', area: 500 }])
    const notOne = await app.call('spaces.merge', { ids: [split.id, split.createdId], keepId: building })
    expect(notOne.ok).toBe(false)
  })

  it('deletes many spaces in one write, refusing all of them when one is under a current lease', async () => {
    const made = await app.ok('spaces.generateFloors', { buildingId: building, fromFloor: '1', toFloor: '3', unitsPerFloor: 2, typicalArea: 200 })
    const tenant = (await app.ok('tenants.create', { name: '浑南物流有限公司' })).id
    const leased = (await onFloor('2'))[0]!
    const lease = (await app.ok('leases.create', { tenantId: tenant, spaceIds: [leased.id], endDate: '2099-12-31' })).id
    const refused = await app.call('spaces.deleteMany', { ids: made.ids })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain(`2 层 ${leased.unit} 由“浑南物流有限公司”租用`)
    expect(await spaces()).toHaveLength(6)

    await app.ok('leases.delete', { id: lease })
    await app.ok('spaces.delete', { id: made.ids[0]! })
    await app.ok('spaces.deleteMany', { ids: made.ids })
    expect(await spaces()).toHaveLength(0)
    const tooMany = await app.call('spaces.deleteMany', { ids: Array.from({ length: 10001 }, () => made.ids[0]!) })
    expect(tooMany.ok).toBe(false)
  })

  it('copies a floor layout onto empty floors, renaming units by floor, and refuses floors with spaces', async () => {
    await app.ok('spaces.create', { buildingId: building, floorLabel: '8', unit: '801', area: 420, status: 'leased', fitOut: 'fitted' })
    await app.ok('spaces.create', { buildingId: building, floorLabel: '8', unit: '大堂', area: 80, status: 'owner_occupied' })
    const copied = await app.ok('spaces.copyFloor', { buildingId: building, fromFloor: '8F', toFloors: ['9', '10层'] })
    expect(copied.ids).toHaveLength(4)
    const ten = await onFloor('10')
    expect(byUnit(ten, '1001')).toMatchObject({ area: 420, status: 'vacant', fitOut: 'fitted' })
    expect(byUnit(ten, '大堂')).toMatchObject({ area: 80 })
    const taken = await app.call('spaces.copyFloor', { buildingId: building, fromFloor: '8', toFloors: ['11', '9'] })
    expect(taken.ok).toBe(false)
    if (!taken.ok) expect(taken.error.message).toContain('9 层已有空间')
    expect(await onFloor('11')).toHaveLength(0)
  })
})

describe('cli check: one space per floor + unit', () => {
  it('lists duplicates stored before the rule as a warning and deletes nothing; a generated and the demo store have none', async () => {
    const dir = tempDir()
    try {
      const out: string[] = []
      const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
      const db = path.join(dir, 'gen.db')
      expect(await runCli(['generate', '--db', db, '--buildings', '30', '--parcels', '5', '--seed', '3'], io)).toBe(0)
      out.length = 0
      expect(await runCli(['check', '--db', db], io)).toBe(0)
      expect(out.join('\n')).toContain('同层同单元重复空间：无')
      const demo = path.join(dir, 'demo.db')
      expect(await runCli(['demo', '--db', demo], io)).toBe(0)
      out.length = 0
      expect(await runCli(['check', '--db', demo], io)).toBe(0)
      expect(out.join('\n')).toContain('同层同单元重复空间：无')

      // Two rows typed before the rule: "12F" and "12" with units "a" and "A" are one floor + unit.
      const sqlite = new BetterSqlite3(db)
      const row = sqlite.prepare('SELECT * FROM spaces WHERE deleted_at IS NULL LIMIT 1').get() as Record<string, unknown>
      const insert = (id: string, floor: string, unit: string) =>
        sqlite.prepare(`INSERT INTO spaces (id, building_id, floor_label, floor_sort, unit, area, status, divisible, created_at, updated_at, is_demo)
          VALUES (?, ?, ?, 12, ?, 100, 'vacant', 0, ?, ?, 0)`).run(id, row.building_id, floor, unit, row.created_at, row.updated_at)
      insert('00000000-0000-4000-8000-000000000001', '12F', 'dup-a')
      insert('00000000-0000-4000-8000-000000000002', '12', 'DUP-A')
      sqlite.close()
      out.length = 0
      expect(await runCli(['check', '--db', db], io)).toBe(0)
      const text = out.join('\n')
      expect(text).toContain('同层同单元重复空间：1 处')
      expect(text).toMatch(/警告：.* 12F? 层 (dup-a|DUP-A) 单元 登记了 2 次/)
      const count = new BetterSqlite3(db, { readonly: true })
      expect((count.prepare("SELECT count(*) AS n FROM spaces WHERE unit LIKE 'dup-a'").get() as { n: number }).n).toBe(2)
      count.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000) // loads a generated store and the demo: seconds on a busy machine
})
