import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatStats } from '../../src/main/cli/commands/stats'
import { SQUARE_METRES_PER_MU } from '../../src/shared/domain'
import { formatArea, formatMu } from '../../src/renderer/src/lib/format'
import type { InventoryStats } from '../../src/shared/types'
import { openTestApp, type TestApp } from '../helpers/store'

// Figures a new user reads: a lease's floors, and `stats` printing numbers as the interface does.

describe('figures', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await openTestApp()
  })
  afterEach(async () => {
    await app.close()
  })

  it('names each floor of a lease once, lowest first', async () => {
    const building = (await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })).id
    const tenant = (await app.ok('tenants.create', { name: '沈阳数智科技有限公司' })).id
    const space = async (floorLabel: string, unit: string) => (await app.ok('spaces.create', { buildingId: building, floorLabel, unit, area: 400, status: 'vacant' })).id
    const ids = [await space('13', '02'), await space('13', '01'), await space('12', '05')]
    await app.ok('leases.create', { tenantId: tenant, spaceIds: ids })
    const [lease] = await app.ok('leases.list', { buildingId: building })
    expect(lease!.floors).toEqual(['12', '13'])
    expect(lease!.spaceIds).toHaveLength(3)
  })

  it('stats prints areas, 亩, rates and counts in the interface’s formats', () => {
    const stats: InventoryStats = {
      buildings: 1234, spaces: 15_000, tenants: 2345, aboveScaleTenants: 120,
      parcels: 12, parcelArea: 2135.98 * SQUARE_METRES_PER_MU, parks: 3, clusters: 2,
      leasableArea: 1_084_000, vacantArea: 8_500, leasedArea: 1_000_000, vacancyRate: 0.0078, occupancyRate: 0.92,
      byDistrict: [{ code: '210103', name: '沈河区', buildings: 1234, leasableArea: 1_084_000, vacantArea: 8_500, vacancyRate: 0.0078 }],
    }
    const lines = formatStats(stats)
    expect(lines[0]).toBe('楼宇 1,234 栋 · 楼层/单元 15,000 个 · 入驻企业 2,345 家（规上 120 家）')
    expect(lines[1]).toBe(`可租面积 ${formatArea(1_084_000)} · 空置 8,500 m² · 空置率 0.8% · 出租率 92.0%`)
    expect(lines[2]).toBe('地块 12 宗，共 2,135.98 亩 · 空中产业园 3 个 · 楼宇聚集区 2 个')
    expect(lines[2]).toContain(formatMu(stats.parcelArea))
    expect(lines.at(-1)).toBe('沈河区\t1,234\t108.4万 m²\t8,500 m²\t0.8%')
  })
})
