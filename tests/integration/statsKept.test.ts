import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StatsRollup } from '../../src/shared/stats'
import { todayLocal } from '../../src/shared/freshness'
import { addMonths } from '../../src/shared/tenancy'
import { createServices } from '../../src/main/services'
import { openStore } from '../../src/main/store/open'
import { openTestApp, type TestApp } from '../helpers/store'

// The per-building facts the rollups and rankings read are kept per store connection until the
// store's version moves (store/statsKept.ts): a write must show in the next answer, whichever
// connection made it, and two stores open in one process must never answer from each other's.

let app: TestApp
const others: TestApp[] = []

async function oneBuilding(on: TestApp, name: string, area: number, tax: number) {
  const today = todayLocal()
  const buildingId = (await on.ok('buildings.create', { name, districtCode: '210103', kind: 'office' })).id
  const leasedId = (await on.ok('spaces.create', { buildingId, floorLabel: '3', unit: '01', area, status: 'vacant' })).id
  const vacantId = (await on.ok('spaces.create', { buildingId, floorLabel: '3', unit: '02', area: 100, status: 'vacant' })).id
  const tenantId = (await on.ok('tenants.create', { name: `${name}租户有限公司`, annualTax: tax, registeredInDistrict: true, aboveScale: false })).id
  await on.ok('leases.create', { tenantId, spaceIds: [leasedId], startDate: addMonths(today, -12) })
  return { buildingId, vacantId, tenantId }
}

const total = async (on: TestApp) => (await on.ok('stats.rollup', { by: 'district' })).total

beforeEach(async () => {
  app = await openTestApp()
})
afterEach(async () => {
  for (const other of others.splice(0)) await other.close()
  await app.close()
})

describe('kept statistics facts', () => {
  it('a write shows in the next rollup and ranking: a space let, a tenant\'s tax changed', async () => {
    const { buildingId, vacantId, tenantId } = await oneBuilding(app, '和平大厦', 900, 1_000_000)
    expect(await total(app)).toMatchObject({ leasableArea: 1000, vacantArea: 100, annualTax: 1_000_000, tenants: 1 })

    await app.ok('spaces.update', { id: vacantId, status: 'sold' })
    expect(await total(app)).toMatchObject({ leasableArea: 900, vacantArea: 0 })

    await app.ok('tenants.update', { id: tenantId, annualTax: 25_000_000 })
    expect(await total(app)).toMatchObject({ annualTax: 25_000_000, tenants: 1 })
    const ranking = await app.ok('stats.ranking', { by: 'tax' })
    expect(ranking.rows.map((r) => [r.id, r.annualTax, r.tags])).toEqual([[buildingId, 25_000_000, ['qianwan']]])
    expect(ranking.tagCounts).toEqual({ yiyuan: 0, qianwan: 1 })

    await app.ok('tenants.update', { id: tenantId, registeredInDistrict: false })
    expect(await total(app)).toMatchObject({ annualTax: 0, registeredTenants: 0 })
    expect((await app.ok('stats.ranking', { by: 'tax' })).rows).toEqual([])
  })

  it('a read-only connection (as the runtime\'s readers) keeps them, and sees another connection\'s write', async () => {
    const { vacantId } = await oneBuilding(app, '沈河大厦', 400, 2_000_000)
    const store = await openStore(app.file, { readonly: true })
    const reader = await createServices(store, 'reader')
    try {
      const readerTotal = async () => {
        const result = await reader.dispatch('stats.rollup', { by: 'district' })
        if (!result.ok) throw new Error(JSON.stringify(result.error))
        return (result.value as StatsRollup).total
      }
      expect(await readerTotal()).toMatchObject({ vacantArea: 100, annualTax: 2_000_000 })
      expect(await readerTotal()).toMatchObject({ vacantArea: 100, annualTax: 2_000_000 })
      await app.ok('spaces.update', { id: vacantId, status: 'leased' })
      const after = await readerTotal()
      expect(after.vacantArea).toBe(0)
      expect(after.occupancyRate).toBe(1)
    } finally {
      await reader.shutdown()
      await store.close()
    }
  })

  it('two stores in one process keep their own facts', async () => {
    const other = await openTestApp()
    others.push(other)
    await oneBuilding(app, '第一大厦', 1000, 3_000_000)
    await oneBuilding(other, '第二大厦', 2000, 5_000_000)
    await oneBuilding(other, '第三大厦', 500, 7_000_000)
    // Interleaved, each store asked twice: an answer from the other's kept facts would show here.
    for (let i = 0; i < 2; i++) {
      expect(await total(app)).toMatchObject({ buildings: 1, leasableArea: 1100, annualTax: 3_000_000 })
      expect(await total(other)).toMatchObject({ buildings: 2, leasableArea: 2700, annualTax: 12_000_000 })
      expect((await app.ok('stats.ranking', { by: 'tax' })).rows.map((r) => r.name)).toEqual(['第一大厦'])
      expect((await other.ok('stats.ranking', { by: 'tax' })).rows.map((r) => r.name)).toEqual(['第三大厦', '第二大厦'])
    }
  })
})
