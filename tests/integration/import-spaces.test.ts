import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { toWgs84 } from '../../src/shared/coordinates'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { runImportJob, writeWorkbook } from '../helpers/importSheets'

// One row per space: rows grouped by building, spaces matched by floor + unit, tenants by credit
// code else name, a lease per tenant row; BD-09 coordinates; a district only the built-in index knows.

const HEADER = ['楼宇名称', '所在区', '百度经度', '百度纬度', '楼层', '房号', '面积', '使用状态', '租金', '装修', '可入驻日期', '企业名称', '统一社会信用代码', '行业', '规上', '起租日期', '到期日期']
const CODE = '91210103MA0XYZ1234'

describe('importing a sheet of spaces with their tenants', () => {
  const t = freshAppPerTest()

  const sheet = () => [
    HEADER,
    ['财富中心', '沈河区', 123.4512, 41.8021, '12F', '1201', '320㎡', '空置', '3.2元/㎡·天', '精装', '2025年3月1日', null, null, null, null, null, null],
    ['财富中心', '沈河区', 123.4512, 41.8021, '12F', '1202', 280, '已租', 3, '简装', null, '沈阳数联科技有限公司', null, '信息传输、软件和信息技术服务业', '是', '2024.1.1', '2099-12-31'],
    ['财富中心', '沈河区', 123.4512, 41.8021, 'B1', null, 500, '自用', null, '毛坯', null, null, null, null, null, null, null],
    ['财富中心', '沈河区', 123.4512, 41.8021, '12F', '1201', 100, '空置', null, null, null, null, null, null, null, null, null],
    ['长春国贸', '长春市朝阳区', 125.3245, 43.8868, '5', 'A', 1000, '待租', null, null, null, null, null, null, null, null, null],
    ['长春国贸', '长春市朝阳区', 125.3245, 43.8868, '6', 'A', 800, '空置', null, null, '2024-13-01', null, null, null, null, null, null],
  ]

  it('makes the buildings, spaces, tenant and lease, and reports duplicate units and bad dates', async () => {
    const file = await writeWorkbook(path.join(t.dir, '空间.xlsx'), { 空间: sheet() })
    const uploadId = await pickFile(t.app, file)
    const inspection = await t.app.ok('imports.inspect', { uploadId })
    expect(inspection.sheets[0]!.suggestedCrs).toBe('bd09')
    const preview = await t.app.ok('imports.preview', { uploadId, crs: 'bd09' })
    expect(preview).toMatchObject({ total: 6, created: 2, updated: 0 })
    expect(preview.rejected).toEqual([
      { row: 5, column: '房号', message: '单元：同一楼宇的楼层 12F 单元 1201 重复出现' },
      { row: 7, column: '可入驻日期', message: '可入驻日期：月份不存在：“2024-13-01”' },
    ])
    expect(preview.related).toEqual({ districts: 1, spaces: 4, tenants: 1, leases: 1 })

    const job = await runImportJob(t.app, file, { crs: 'bd09', skipInvalid: true })
    expect(job).toMatchObject({ state: 'done', message: '已导入：新增 2，更新 0，跳过 2 行有问题的数据' })
    const districts = await t.app.ok('districts.list', {})
    expect(districts).toContainEqual({ code: '220104', name: '朝阳区', city: '长春市', province: '吉林省' })

    const buildings = await t.app.ok('buildings.list', {})
    const caifu = buildings.find((b) => b.name === '财富中心')!
    const [lng, lat] = toWgs84([123.4512, 41.8021], 'bd09')
    expect(caifu.lng).toBeCloseTo(lng, 6)
    expect(caifu.lat).toBeCloseTo(lat, 6)
    expect(caifu).toMatchObject({ districtCode: '210103', kind: 'office', spaceCount: 3, leasableArea: 600, vacantArea: 320, leasedArea: 280, tenantCount: 1 })
    const spaces = await t.app.ok('spaces.list', { buildingId: caifu.id })
    expect(spaces.map((s) => [s.floorLabel, s.unit, s.area, s.status, s.askingRent, s.fitOut, s.availableFrom])).toEqual([
      ['12', '1201', 320, 'vacant', 3.2, 'fitted', '2025-03-01'],
      ['12', '1202', 280, 'leased', 3, 'basic', null],
      ['B1', null, 500, 'owner_occupied', null, 'bare', null],
    ])
    const [tenant] = await t.app.ok('tenants.list', {})
    expect(tenant).toMatchObject({ name: '沈阳数联科技有限公司', industry: 'I', aboveScale: true, creditCode: null })
    const [lease] = await t.app.ok('leases.list', { buildingId: caifu.id })
    expect(lease).toMatchObject({ tenantId: tenant!.id, startDate: '2024-01-01', endDate: '2099-12-31', area: 280 })
    expect(buildings.find((b) => b.name === '长春国贸')).toMatchObject({ districtCode: '220104', spaceCount: 1, vacantArea: 1000 })
  })

  it('a second import of the same rows updates the spaces and finds the tenant and lease again', async () => {
    const rows = sheet().filter((_, i) => i <= 3)
    const file = await writeWorkbook(path.join(t.dir, 'a.xlsx'), { 空间: rows })
    expect((await runImportJob(t.app, file, { crs: 'bd09' })).state).toBe('done')
    rows[2]![12] = CODE.slice(0, 17) + 'X'
    rows[1]![6] = 330
    const again = await writeWorkbook(path.join(t.dir, 'b.xlsx'), { 空间: rows })
    const uploadId = await pickFile(t.app, again)
    const preview = await t.app.ok('imports.preview', { uploadId, crs: 'bd09' })
    expect(preview.rejected).toEqual([{ row: 3, column: '统一社会信用代码', message: expect.stringMatching(/^统一社会信用代码：/) }])
    rows[2]![12] = null
    const fixed = await writeWorkbook(path.join(t.dir, 'c.xlsx'), { 空间: rows })
    const job = await runImportJob(t.app, fixed, { crs: 'bd09' })
    expect(job).toMatchObject({ state: 'done', message: '已导入：新增 0，更新 1' })
    expect(await t.app.ok('tenants.list', {})).toHaveLength(1)
    expect(await t.app.ok('leases.list', {})).toHaveLength(1)
    const [b] = await t.app.ok('buildings.list', {})
    expect(b).toMatchObject({ spaceCount: 3, vacantArea: 330 })
  })
  it('a tenant whose first row is rejected is made by its next valid row', async () => {
    const file = await writeWorkbook(path.join(t.dir, '租户.xlsx'), {
      空间: [
        HEADER,
        ['财富中心', '沈河区', null, null, '8F', '801', 200, null, null, null, null, '沈阳云图有限公司', null, null, null, '2025-06-01', '2024-06-01'],
        ['财富中心', '沈河区', null, null, '8F', '802', 150, null, null, null, null, '沈阳云图有限公司', null, null, null, '2024-06-01', '2099-06-01'],
      ],
    })
    const job = await runImportJob(t.app, file, { skipInvalid: true })
    expect(job).toMatchObject({ state: 'done', message: '已导入：新增 1，更新 0，跳过 1 行有问题的数据' })
    const [tenant] = await t.app.ok('tenants.list', {})
    expect(tenant).toMatchObject({ name: '沈阳云图有限公司' })
    const leases = await t.app.ok('leases.list', {})
    expect(leases.map((l) => [l.tenantId, l.startDate, l.endDate, l.area])).toEqual([[tenant!.id, '2024-06-01', '2099-06-01', 150]])
    const uploadId = await pickFile(t.app, file)
    expect((await t.app.ok('imports.preview', { uploadId })).rejected).toEqual([{ row: 2, column: '到期日期', message: '到期日期：不能早于起租日期' }])
  })
})
