import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { figuresAsOf } from '../../src/main/services/tenancy/asOf'
import { settleLapsedLeases } from '../../src/main/services/tenancy/lapse'
import { today } from '../../src/main/store/leases'
import type { SpaceStatus } from '../../src/shared/domain'
import { addDays } from '../../src/shared/tenancy'
import { openTestApp, type TestApp } from '../helpers/store'

// One rule for a lease that starts later: it covers its spaces from its start day, so the stored
// status, the daily settle and the "as of" figures for days to come all agree. Dates are relative
// to the store's today; the daily settle is given its day explicitly.
describe('a lease that starts later', () => {
  let app: TestApp
  let tower: string
  let tenant: string
  let day: string
  beforeEach(async () => {
    app = await openTestApp()
    tower = (await app.ok('buildings.create', { name: '华润大厦', districtCode: '210103' })).id
    tenant = (await app.ok('tenants.create', { name: '沈阳远景新能源有限公司' })).id
    day = await today(app.store.db)
  })
  afterEach(async () => {
    await app.close()
  })

  const space = async (floorLabel: string, area: number, status: SpaceStatus = 'vacant') =>
    (await app.ok('spaces.create', { buildingId: tower, floorLabel, area, status })).id
  const statusOf = async (id: string) =>
    (await app.store.db.selectFrom('spaces').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
  const asOf = (date: string) => app.ok('tenancy.asOf', { scope: 'building', id: tower, date })
  /** The figures from the stored statuses as they stand, read as if `on` were today. */
  const stored = (on: string) => figuresAsOf(app.store.db, { scope: 'building', id: tower, date: on }, on)
  const figures = (f: { leasableArea: number; vacantArea: number; leasedArea: number; vacancyRate: number | null }) =>
    ({ leasableArea: f.leasableArea, vacantArea: f.vacantArea, leasedArea: f.leasedArea, vacancyRate: f.vacancyRate })

  it('leaves the space vacant until its start day, when the daily settle makes it leased; the as-of figures agree on every day', async () => {
    const free = await space('10', 100)
    const signed = await space('11', 100)
    const start = addDays(day, 30)
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [signed], startDate: start, endDate: addDays(day, 400) })
    expect([await statusOf(free), await statusOf(signed)]).toEqual(['vacant', 'vacant'])

    // Today from the stored statuses, tomorrow and day 31 from the leases: one rule, one story.
    const onToday = await asOf(day)
    const tomorrow = await asOf(addDays(day, 1))
    const day31 = await asOf(addDays(day, 31))
    expect(onToday).toMatchObject({ basis: 'log', leasableArea: 200, vacantArea: 200 })
    expect(tomorrow).toMatchObject({ basis: 'leases', vacantArea: 200 })
    expect(day31).toMatchObject({ basis: 'leases', vacantArea: 100, leasedArea: 100, vacancyRate: 0.5 })
    const { building } = await app.ok('buildings.get', { id: tower })
    expect(building.vacantArea).toBe(200)

    // The stored statuses on those days, after each day's settle, give the same figures.
    expect(await settleLapsedLeases(app.store.db, 'device-x', addDays(day, 1))).toBe(0)
    expect(figures(await stored(addDays(day, 1)))).toEqual(figures(tomorrow))
    expect(await settleLapsedLeases(app.store.db, 'device-x', addDays(day, 29))).toBe(0)
    expect(await statusOf(signed)).toBe('vacant')
    expect(await settleLapsedLeases(app.store.db, 'device-x', start)).toBe(1)
    expect(await statusOf(signed)).toBe('leased')
    expect(await settleLapsedLeases(app.store.db, 'device-x', addDays(day, 31))).toBe(0)
    expect(figures(await stored(addDays(day, 31)))).toEqual(figures(day31))

    const log = await app.store.db.selectFrom('changeLog').selectAll().where('rowId', '=', signed).where('field', '=', 'status').orderBy('seq').execute()
    expect(log.at(-1)).toMatchObject({ actor: '系统', op: 'update', oldValue: '"vacant"', newValue: '"leased"' })
    // And from the day after its end, vacant again.
    expect(await settleLapsedLeases(app.store.db, 'device-x', addDays(day, 401))).toBe(1)
    expect(await statusOf(signed)).toBe('vacant')
  })

  it('turns a reserved space leased on the start day; a lease write follows whether its term covers today', async () => {
    const s1 = await space('1', 500)
    const s2 = await space('2', 300)
    const { id } = await app.ok('leases.create', { tenantId: tenant, spaceIds: [s1], startDate: addDays(day, 10) })
    // The signed tenant's space is held as an intention (意向) until the start, by one or many at once;
    // selling it would contradict the lease.
    await app.ok('spaces.bulkUpdate', { ids: [s1], patch: { status: 'reserved' } })
    expect(await app.call('spaces.bulkUpdate', { ids: [s1], patch: { status: 'sold' } })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'status' } })
    await app.ok('spaces.update', { id: s1, status: 'vacant' })
    await app.ok('spaces.update', { id: s1, status: 'reserved' })
    expect(await settleLapsedLeases(app.store.db, 'device-x', addDays(day, 10))).toBe(1)
    expect(await statusOf(s1)).toBe('leased')

    // Brought forward to start today, the lease marks its space at once; put back later, it frees it.
    const { id: other } = await app.ok('leases.create', { tenantId: tenant, spaceIds: [s2], startDate: addDays(day, 5) })
    expect(await statusOf(s2)).toBe('vacant')
    await app.ok('leases.update', { id: other, startDate: day })
    expect(await statusOf(s2)).toBe('leased')
    await app.ok('leases.update', { id: other, startDate: addDays(day, 1) })
    expect(await statusOf(s2)).toBe('vacant')
    // Deleting a lease that has not started leaves the status as it was.
    await app.ok('spaces.update', { id: s2, status: 'reserved' })
    await app.ok('leases.delete', { id: other })
    expect(await statusOf(s2)).toBe('reserved')
    // The first lease still counts as signed: its space cannot be deleted.
    expect(await app.call('spaces.delete', { id: s1 })).toMatchObject({ ok: false })
    expect((await app.ok('leases.list', { buildingId: tower })).find((l) => l.id === id)?.spaceIds).toEqual([s1])
  })

  it('frees a space stored leased only by a lease not yet started (the earlier rule), and leaves a leased status set by hand alone', async () => {
    const early = await space('1', 400)
    const byHand = await space('2', 300, 'leased')
    const setAfter = await space('3', 200)
    const sold = await space('4', 100, 'sold')
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [early], startDate: addDays(day, 20) })
    // A store written under the earlier rule marked the space leased the day the lease was entered.
    await app.store.db.updateTable('spaces').set({ status: 'leased' }).where('id', '=', early).execute()
    // An old lease entered after it ended, then the space marked leased by a person who knows better.
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [setAfter], startDate: '2020-01-01', endDate: '2020-12-31' })
    await app.ok('spaces.update', { id: setAfter, status: 'leased' })
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [sold], startDate: addDays(day, 20) })

    expect(await asOf(addDays(day, 1))).toMatchObject({ leasableArea: 900, leasedArea: 500 })
    expect(await settleLapsedLeases(app.store.db, 'device-x', day)).toBe(1)
    expect([await statusOf(early), await statusOf(byHand), await statusOf(setAfter), await statusOf(sold)]).toEqual(['vacant', 'leased', 'leased', 'sold'])
    expect(await settleLapsedLeases(app.store.db, 'device-x', addDays(day, 20))).toBe(1)
    expect([await statusOf(early), await statusOf(byHand), await statusOf(setAfter), await statusOf(sold)]).toEqual(['leased', 'leased', 'leased', 'sold'])
  })
})
