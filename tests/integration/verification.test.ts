import distance from '@turf/distance'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput } from '../../src/shared/api'
import { isStale, localDay } from '../../src/shared/freshness'
import { decodeMapSites } from '../../src/shared/mapSitesWire'
import { openTestApp, type TestApp } from '../helpers/store'

// The re-check queue (复核清单) and the freshness of what lists, the map and sheets show, on a real
// store whose rows the test ages by hand (verified_at and created_at set days back).

describe('verification: freshness and the re-check queue', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await openTestApp()
  })
  afterEach(async () => {
    await app.close()
  })

  const building = async (name: string, lng: number | null, lat: number | null) =>
    (await app.ok('buildings.create', { name, districtCode: '210103', ...(lng === null ? {} : { lng, lat: lat! }) })).id
  const space = async (buildingId: string, floorLabel: string, unit = '01') =>
    (await app.ok('spaces.create', { buildingId, floorLabel, unit, area: 500, status: 'vacant' })).id
  const parcel = async (code: string, lng: number, lat: number) =>
    (await app.ok('parcels.create', { code, name: `${code} 地块`, districtCode: '210112', landUse: 'industrial', status: 'listed', lng, lat })).id

  /** Ages a row: verified `verifiedDaysAgo` days ago (null: never) and entered `enteredDaysAgo` days ago. */
  const age = async (table: 'buildings' | 'spaces' | 'parcels', id: string, verifiedDaysAgo: number | null, enteredDaysAgo = 400) => {
    await sql`UPDATE ${sql.table(table)} SET
      verified_at = CASE WHEN ${verifiedDaysAgo} IS NULL THEN NULL ELSE date('now', 'localtime', '-' || ${verifiedDaysAgo ?? 0} || ' days') END,
      created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ${enteredDaysAgo} || ' days')
      WHERE id = ${id}`.execute(app.store.db)
  }
  const ageBuilding = async (id: string, verifiedDaysAgo: number | null) => {
    await age('buildings', id, verifiedDaysAgo)
    for (const s of await app.store.db.selectFrom('spaces').select('id').where('buildingId', '=', id).execute()) await age('spaces', s.id, verifiedDaysAgo)
  }
  const queueIds = async (input: MethodInput<'verification.queue'> = {}) => (await app.ok('verification.queue', input)).items.map((i) => i.id)

  it('lists stale buildings and parcels nearest first from a point, with distances; oldest first without one', async () => {
    const centre = { lng: 123.43, lat: 41.8 }
    const far = await building('远楼', 123.53, 41.8)
    const near = await building('近楼', 123.435, 41.8)
    const middle = await parcel('HN-1', 123.46, 41.8)
    const unplaced = await building('未标注楼', null, null)
    const fresh = await building('新核实楼', 123.431, 41.8)
    await ageBuilding(far, 100)
    await ageBuilding(near, 95)
    await age('parcels', middle, 300)
    await ageBuilding(unplaced, null)
    await ageBuilding(fresh, 10)

    const q = await app.ok('verification.queue', { from: centre })
    expect(q.staleDays).toBe(90)
    expect(q.items.map((i) => i.id)).toEqual([near, middle, far, unplaced])
    const byId = new Map(q.items.map((i) => [i.id, i]))
    expect(byId.get(near)!.distance).toBeCloseTo(distance([centre.lng, centre.lat], [123.435, 41.8], { units: 'meters' }), 3)
    expect(byId.get(far)!.distance!).toBeGreaterThan(8000)
    expect(byId.get(unplaced)!.distance).toBeNull()
    expect(byId.get(unplaced)!.check).toMatch(/E$/)

    // Without a point: the oldest first (never verified, entered 400 days ago; then 300, 100, 95 days).
    expect(await queueIds()).toEqual([unplaced, middle, far, near])
    expect(await queueIds({ kinds: ['parcel'] })).toEqual([middle])
    expect(await queueIds({ from: centre, limit: 2 })).toEqual([near, middle])
    expect((await app.ok('verification.queue', { from: centre, limit: 2 })).total).toBe(4)
  })

  it('takes the stale threshold from the settings, and refuses a threshold that is not a day count', async () => {
    const b = await building('茂业中心', 123.43, 41.8)
    await space(b, '12')
    await ageBuilding(b, 40)
    expect(await queueIds()).toEqual([])

    await app.ok('settings.set', { key: 'freshness.staleDays', value: '30' })
    expect((await app.ok('settings.get', {}))['freshness.staleDays']).toBe('30')
    const q = await app.ok('verification.queue', {})
    expect(q.staleDays).toBe(30)
    expect(q.items.map((i) => i.id)).toEqual([b])
    expect(q.items[0]!.staleFloors.map((f) => f.floorLabel)).toEqual(['12'])

    const bad = await app.call('settings.set', { key: 'freshness.staleDays', value: '0' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toBe('复核周期：应为 1 至 3650 之间的整数天数')
    expect((await app.ok('settings.get', {}))['freshness.staleDays']).toBe('30')
  })

  it('marking a building or parcel verified takes it off the queue, and says so in the lists and on the map', async () => {
    const b = await building('财富中心', 123.44, 41.79)
    await space(b, '8')
    const p = await parcel('HN-2', 123.45, 41.7)
    await ageBuilding(b, 200)
    await age('parcels', p, 120)
    expect((await queueIds()).sort()).toEqual([b, p].sort())

    const listed = (await app.ok('buildings.list', {})).find((x) => x.id === b)
    const today = localDay(new Date())
    expect(isStale(listed!.check, today, 90)).toBe(true)
    const sites = decodeMapSites(await app.ok('map.sites', {}))
    expect(sites.buildings.find((x) => x.id === b)!.check).toBe(listed!.check)
    expect(isStale(sites.parcels.find((x) => x.id === p)!.check, today, 90)).toBe(true)

    const marked = await app.ok('verification.mark', { kind: 'building', id: b })
    expect(marked).toEqual({ verifiedAt: today, rows: 2 })
    await app.ok('verification.mark', { kind: 'parcel', id: p })
    expect(await queueIds()).toEqual([])

    const detail = await app.ok('buildings.get', { id: b })
    expect(detail.building.verifiedAt).toBe(today)
    expect(detail.building.check).toBe(`${today}V`)
    expect(detail.spaces.every((s) => s.verifiedAt === today)).toBe(true)
    expect((await app.ok('parcels.get', { id: p })).check).toBe(`${today}V`)
    const after = decodeMapSites(await app.ok('map.sites', {}))
    expect(after.buildings.find((x) => x.id === b)!.check).toBe(`${today}V`)
    expect(after.parcels.find((x) => x.id === p)!.check).toBe(`${today}V`)
  })

  it('a building whose only stale part is one floor is listed for that floor; verifying the floor marks its spaces only and clears it', async () => {
    const b = await building('华强金廊城市广场', 123.42, 41.78)
    const a1 = await space(b, '12', '01')
    const a2 = await space(b, '12', '02')
    const other = await space(b, '13', '01')
    await ageBuilding(b, 5)
    await age('spaces', a1, 150)
    await age('spaces', a2, null, 200)

    const [item] = (await app.ok('verification.queue', {})).items
    expect(item).toMatchObject({ id: b, ownStale: false, staleFloors: [{ floorLabel: '12' }] })
    expect(item!.check).toMatch(/E$/) // the space never verified, entered 200 days ago, is the oldest part

    const marked = await app.ok('verification.mark', { kind: 'floor', id: b, floorLabel: '12F' })
    expect(marked.rows).toBe(2)
    expect(await queueIds()).toEqual([])
    const verified = await app.store.db.selectFrom('spaces').select(['id', 'verifiedAt']).where('buildingId', '=', b).execute()
    const on = new Map(verified.map((s) => [s.id, s.verifiedAt]))
    expect(on.get(a1)).toBe(localDay(new Date()))
    expect(on.get(a2)).toBe(localDay(new Date()))
    expect(on.get(other)).not.toBe(localDay(new Date())) // 5 days ago, untouched
    const logged = await app.store.db.selectFrom('changeLog').select('rowId').where('field', '=', 'verifiedAt').execute()
    expect(logged.map((l) => l.rowId).sort()).toEqual([a1, a2].sort())
  })

  it('a floor stored before labels were canonical (12F, 12层) is the floor 12: one queue row, one click verifies it', async () => {
    const b = await building('华府天地', 123.43, 41.79)
    const a = await space(b, '12', '01')
    const legacy = await space(b, '12', '02')
    const other = await space(b, '13', '01')
    // As an older version stored them: the label as typed.
    await sql`UPDATE spaces SET floor_label = '12F' WHERE id = ${legacy}`.execute(app.store.db)
    await ageBuilding(b, 200)
    await age('buildings', b, 5)
    await age('spaces', other, 5)

    const [item] = (await app.ok('verification.queue', {})).items
    expect(item!.staleFloors.map((f) => f.floorLabel)).toEqual(['12'])
    const marked = await app.ok('verification.mark', { kind: 'floor', id: b, floorLabel: '12' })
    expect(marked.rows).toBe(2)
    const rows = await app.store.db.selectFrom('spaces').select(['id', 'verifiedAt']).where('id', 'in', [a, legacy]).execute()
    expect(rows.every((r) => r.verifiedAt === localDay(new Date()))).toBe(true)
    expect(await queueIds()).toEqual([])
  })

  it('sheets carry each site\'s check and the threshold', async () => {
    const b = await building('新地中心', 123.43, 41.8)
    await ageBuilding(b, 100)
    await app.ok('settings.set', { key: 'freshness.staleDays', value: '120' })
    const data = await app.ok('sheets.data', { scope: { kind: 'ids', sites: [{ kind: 'building', id: b }] } })
    expect(data.staleDays).toBe(120)
    const site = data.sites[0]!
    expect(site.kind === 'building' && isStale(site.building.check, localDay(new Date()), data.staleDays)).toBe(false)
  })
})
