import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { settleLapsedLeases } from '../../src/main/services/tenancy/lapse'
import { figuresAsOf } from '../../src/main/services/tenancy/asOf'
import { today } from '../../src/main/store/leases'
import type { SpaceStatus } from '../../src/shared/domain'
import { addDays } from '../../src/shared/tenancy'
import { openTestApp, type TestApp } from '../helpers/store'

// The lease lifecycle against a real store: renewals and early ends, statuses that follow the
// calendar, vacancy as of any day, and the spaces coming free. Dates are set relative to the
// store's today, so the figures below hold whenever the tests run.
describe('tenancy over time', () => {
  let app: TestApp
  let tower: string
  let tenant: string
  let day: string
  beforeEach(async () => {
    app = await openTestApp()
    tower = (await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })).id
    tenant = (await app.ok('tenants.create', { name: '沈阳数智科技有限公司', contactName: '王经理', contactPhone: '024-2222 3333' })).id
    day = await today(app.store.db)
  })
  afterEach(async () => {
    vi.useRealTimers()
    await app.close()
  })

  const space = async (floorLabel: string, area: number, status: SpaceStatus = 'vacant', buildingId = tower) =>
    (await app.ok('spaces.create', { buildingId, floorLabel, area, status })).id
  const statusOf = async (id: string) =>
    (await app.store.db.selectFrom('spaces').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
  const asOf = (date: string, scope: 'building' | 'cluster' | 'district' = 'building', id = tower) =>
    app.ok('tenancy.asOf', { scope, id, date })

  it('renews a lease as a new term continuing it: same tenant and spaces, old row unchanged, no overlap', async () => {
    const s12 = await space('12', 1000)
    const s13 = await space('13', 500)
    const end = addDays(day, 30)
    const { id: old } = await app.ok('leases.create', { tenantId: tenant, spaceIds: [s12, s13], startDate: addDays(day, -335), endDate: end, rent: 3.2, area: 1400 })
    const before = await app.store.db.selectFrom('leases').selectAll().where('id', '=', old).executeTakeFirstOrThrow()

    const { id: renewal } = await app.ok('leases.renew', { id: old, endDate: addDays(day, 30 + 365), rent: 3.5 })
    const leases = await app.ok('leases.list', { buildingId: tower })
    expect(leases.find((l) => l.id === renewal)).toMatchObject({
      tenantId: tenant, startDate: addDays(end, 1), endDate: addDays(day, 395), rent: 3.5, area: 1400, renewsLeaseId: old,
    })
    expect([...leases.find((l) => l.id === renewal)!.spaceIds].sort()).toEqual([s12, s13].sort())
    expect(await app.store.db.selectFrom('leases').selectAll().where('id', '=', old).executeTakeFirstOrThrow()).toEqual(before)

    // A second renewal of the same lease, and a renewal of an open-ended lease, are refused.
    expect(await app.call('leases.renew', { id: old, endDate: addDays(day, 800) })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } })
    const s14 = await space('14', 300)
    const { id: open } = await app.ok('leases.create', { tenantId: tenant, spaceIds: [s14] })
    expect(await app.call('leases.renew', { id: open, endDate: addDays(day, 800) })).toMatchObject({
      ok: false, error: { field: 'endDate', message: '续租：原租约没有到期日期，请先在租约中填写到期日期' },
    })
    // Starting before the old term ends is still no overlap with the lease it continues.
    await app.ok('leases.delete', { id: renewal })
    await app.ok('leases.renew', { id: old, startDate: addDays(day, 20), endDate: addDays(day, 400) })
  })

  it('ends a lease early: the end date logged, the spaces leased through that day and vacant from the next', async () => {
    const s12 = await space('12', 1000)
    const s13 = await space('13', 500)
    await space('15', 500)
    const { id } = await app.ok('leases.create', { tenantId: tenant, spaceIds: [s12, s13], startDate: addDays(day, -100), endDate: addDays(day, 200) })
    expect(await asOf(day)).toMatchObject({ leasableArea: 2000, vacantArea: 500, leasedArea: 1500, vacancyRate: 0.25, occupancyRate: 0.75 })

    // Ending today: still leased today, vacant tomorrow.
    expect((await app.ok('leases.end', { id, endDate: day })).endDate).toBe(day)
    expect(await statusOf(s12)).toBe('leased')
    expect(await asOf(day)).toMatchObject({ basis: 'log', vacantArea: 500, vacancyRate: 0.25 })
    expect(await asOf(addDays(day, 1))).toMatchObject({ basis: 'leases', vacantArea: 2000, leasedArea: 0, vacancyRate: 1, occupancyRate: 0 })

    // Ending yesterday frees the spaces at once.
    await app.ok('leases.end', { id, endDate: addDays(day, -1) })
    expect([await statusOf(s12), await statusOf(s13)]).toEqual(['vacant', 'vacant'])
    const log = await app.store.db.selectFrom('changeLog').selectAll().where('rowId', '=', id).where('field', '=', 'endDate').orderBy('seq').execute()
    expect(log.map((l) => [l.oldValue, l.newValue])).toEqual([
      ['null', JSON.stringify(addDays(day, 200))], [JSON.stringify(addDays(day, 200)), JSON.stringify(day)], [JSON.stringify(day), JSON.stringify(addDays(day, -1))],
    ])

    expect(await app.call('leases.end', { id, endDate: addDays(day, -101) })).toMatchObject({ ok: false, error: { field: 'endDate', message: `退租日期：不能早于起租日期（${addDays(day, -100)}）` } })
    expect(await app.call('leases.end', { id, endDate: addDays(day, 5) })).toMatchObject({ ok: false, error: { field: 'endDate', message: expect.stringContaining('延长租期请用续租') } })
  })

  it('reads figures on days to come from the leases: ends, renewals and the next tenant', async () => {
    const s1 = await space('1', 1000)
    const s2 = await space('2', 600)
    const s3 = await space('3', 400)
    await space('4', 800, 'sold')
    const { id: a } = await app.ok('leases.create', { tenantId: tenant, spaceIds: [s1], startDate: addDays(day, -10), endDate: addDays(day, 30) })
    await app.ok('leases.renew', { id: a, endDate: addDays(day, 400) })
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [s2], startDate: addDays(day, -10), endDate: addDays(day, 60) })
    const rival = (await app.ok('tenants.create', { name: '辽宁金廊商贸有限公司' })).id
    await app.ok('leases.create', { tenantId: rival, spaceIds: [s2], startDate: addDays(day, 91), endDate: addDays(day, 500) })
    await app.ok('leases.create', { tenantId: rival, spaceIds: [s3], startDate: addDays(day, -10) })

    // Leasable 2000 (sold space is not): on day 31 the renewal holds s1, s2 and s3 are leased.
    expect(await asOf(addDays(day, 31))).toMatchObject({ leasableArea: 2000, vacantArea: 0, occupancyRate: 1 })
    // Day 61–90: s2 between its two tenants.
    expect(await asOf(addDays(day, 61))).toMatchObject({ vacantArea: 600, leasedArea: 1400, vacancyRate: 0.3, occupancyRate: 0.7 })
    expect(await asOf(addDays(day, 91))).toMatchObject({ vacantArea: 0 })
    // After the renewal ends only the open lease and the next tenant's remain.
    expect(await asOf(addDays(day, 401))).toMatchObject({ vacantArea: 1000, leasedArea: 1000, vacancyRate: 0.5 })
  })

  it('rebuilds past days from the change log: spaces made, re-measured, re-marked and deleted', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const at = (d: string) => vi.setSystemTime(new Date(`${d}T12:00:00`))
    at('2025-01-05')
    await app.ok('buildings.delete', { id: tower })
    tower = (await app.ok('buildings.create', { name: '华润大厦', districtCode: '210103' })).id
    const other = (await app.ok('buildings.create', { name: '新地中心', districtCode: '210102' })).id
    const { id: cluster } = await app.ok('clusters.create', { name: '金廊集聚区', districtCode: '210103' })
    await app.ok('buildings.update', { id: tower, clusterId: cluster })
    at('2025-01-10')
    const s1 = await space('1', 1000)
    const s2 = await space('2', 500)
    await space('3', 300, 'sold')
    await space('1', 700, 'vacant', other)
    at('2025-02-10')
    await app.ok('spaces.update', { id: s1, status: 'leased' })
    await app.ok('spaces.update', { id: s2, area: 600 })
    at('2025-03-10')
    await space('4', 400)
    await app.ok('spaces.delete', { id: s2 })
    vi.useRealTimers()

    expect(await asOf('2025-01-09')).toMatchObject({ basis: 'log', leasableArea: 0, vacantArea: 0, vacancyRate: null, occupancyRate: null })
    expect(await asOf('2025-01-10')).toMatchObject({ leasableArea: 1500, vacantArea: 1500, leasedArea: 0, vacancyRate: 1, occupancyRate: 0 })
    expect(await asOf('2025-02-10')).toMatchObject({ leasableArea: 1600, vacantArea: 600, leasedArea: 1000, vacancyRate: 0.375, occupancyRate: 0.625 })
    const march = { leasableArea: 1400, vacantArea: 400, leasedArea: 1000 }
    expect(await asOf('2025-03-10')).toMatchObject(march)
    // Today: the same as the building's own figures.
    const { building } = await app.ok('buildings.get', { id: tower })
    expect(await asOf(day)).toMatchObject({ leasableArea: building.leasableArea, vacantArea: building.vacantArea, vacancyRate: building.vacancyRate })
    expect(await asOf('2025-03-10', 'cluster', cluster)).toMatchObject(march)
    expect(await asOf('2025-01-10', 'district', '210103')).toMatchObject({ leasableArea: 1500 })
    expect(await asOf('2025-01-10', 'district', '210102')).toMatchObject({ leasableArea: 700, vacancyRate: 1 })

    // A deleted building's spaces leave its district's figures from the day it went.
    at('2025-04-10')
    await app.ok('buildings.delete', { id: other })
    vi.useRealTimers()
    expect(await figuresAsOf(app.store.db, { scope: 'district', id: '210102', date: '2025-04-09' })).toMatchObject({ leasableArea: 700 })
    expect(await asOf('2025-04-10', 'district', '210102')).toMatchObject({ leasableArea: 0 })
    expect(await app.call('tenancy.asOf', { scope: 'cluster', id: tower, date: day })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } })
  })

  it('settles lapsed leases: leased space vacant after its last lease ends, logged under 系统; statuses set by hand stay', async () => {
    const ending = await space('1', 1000)
    const running = await space('2', 600)
    const byHand = await space('3', 400, 'leased')
    const setAfter = await space('5', 300)
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [ending], startDate: addDays(day, -100), endDate: addDays(day, 5) })
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [running], startDate: addDays(day, -100), endDate: addDays(day, 20) })
    // An old lease entered after it ended, then the space marked leased by a person who knows better.
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [setAfter], startDate: '2020-01-01', endDate: '2020-12-31' })
    await app.ok('spaces.update', { id: setAfter, status: 'leased' })

    expect(await settleLapsedLeases(app.store.db, 'device-x', addDays(day, 5))).toBe(0)
    expect(await settleLapsedLeases(app.store.db, 'device-x', addDays(day, 6))).toBe(1)
    expect([await statusOf(ending), await statusOf(running), await statusOf(byHand), await statusOf(setAfter)]).toEqual(['vacant', 'leased', 'leased', 'leased'])
    const log = await app.store.db.selectFrom('changeLog').selectAll().where('rowId', '=', ending).where('field', '=', 'status').orderBy('seq').execute()
    expect(log.at(-1)).toMatchObject({ actor: '系统', op: 'update', oldValue: '"leased"', newValue: '"vacant"' })
  })

  it('settles on the first write of a new day without anyone saving the space', async () => {
    const s1 = await space('1', 1000)
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [s1], startDate: addDays(day, -100), endDate: addDays(day, 2) })
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(`${addDays(day, 3)}T09:00:00`))
    // A read changes nothing; any write settles the day first.
    await app.ok('buildings.get', { id: tower })
    expect(await statusOf(s1)).toBe('leased')
    await app.ok('tenants.create', { name: '辽宁金廊商贸有限公司' })
    expect(await statusOf(s1)).toBe('vacant')
  })

  it('lists the spaces coming free in 3, 6 and 12 months with the tenant to call, by end date', async () => {
    const s1 = await space('8', 1000)
    const s2 = await space('9', 600)
    const s3 = await space('10', 400)
    const s4 = await space('11', 300)
    const s5 = await space('12', 200)
    const other = (await app.ok('buildings.create', { name: '新地中心', districtCode: '210102' })).id
    const elsewhere = await space('3', 900, 'vacant', other)
    const lease = (spaceIds: string[], endDate: string, tenantId = tenant) =>
      app.ok('leases.create', { tenantId, spaceIds, startDate: addDays(day, -300), endDate })
    await lease([s2, s1], addDays(day, 150))
    await lease([s3], addDays(day, 10))
    const { id: renewed } = await lease([s4], addDays(day, 40))
    await app.ok('leases.renew', { id: renewed, endDate: addDays(day, 500) })
    await lease([s5], addDays(day, 300))
    await lease([elsewhere], addDays(day, 20))

    const free = async (months: 3 | 6 | 12, scope?: { kind: 'building' | 'district'; id: string }) =>
      (await app.ok('leases.comingFree', scope ? { months, scope } : { months })).map((f) => `${f.floorLabel}@${f.endDate}`)
    expect(await free(3)).toEqual([`10@${addDays(day, 10)}`, `3@${addDays(day, 20)}`])
    expect(await free(3, { kind: 'building', id: tower })).toEqual([`10@${addDays(day, 10)}`])
    expect(await free(6, { kind: 'building', id: tower })).toEqual([`10@${addDays(day, 10)}`, `8@${addDays(day, 150)}`, `9@${addDays(day, 150)}`])
    expect(await free(12, { kind: 'district', id: '210103' })).toEqual([`10@${addDays(day, 10)}`, `8@${addDays(day, 150)}`, `9@${addDays(day, 150)}`, `12@${addDays(day, 300)}`])
    const [first] = await app.ok('leases.comingFree', { months: 3 })
    expect(first).toMatchObject({ area: 400, tenantName: '沈阳数智科技有限公司', contactName: '王经理', contactPhone: '024-2222 3333', buildingName: '茂业中心', unit: null })
  })
})

describe('the way to a lease end date', () => {
  it('names the lease in the refusal to mark its space vacant, so the person can open it', async () => {
    const app = await openTestApp()
    try {
      const tower = (await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })).id
      const tenant = (await app.ok('tenants.create', { name: '沈阳数智科技有限公司' })).id
      const floor = (await app.ok('spaces.create', { buildingId: tower, floorLabel: '12', area: 1000, status: 'vacant' })).id
      const { id } = await app.ok('leases.create', { tenantId: tenant, spaceIds: [floor], startDate: '2024-01-01' })
      expect(await app.call('spaces.update', { id: floor, status: 'vacant' })).toMatchObject({
        ok: false,
        error: { code: 'conflict', field: 'status', message: expect.stringContaining('填写到期日期'), related: { kind: 'lease', id } },
      })
    } finally {
      await app.close()
    }
  })
})
