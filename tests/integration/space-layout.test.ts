import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
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
    expect(merged).toEqual({ id: space.id, deletedIds: [split.createdId], previous: { area: 400, unit: '1201A' } })
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
