import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { runImportJob, writeWorkbook } from '../helpers/importSheets'

// Sky parks: 亿元 in the header, 万平方米 in a cell, a list of sub-parks, host buildings by name.

const HEADER = ['园区名称', '所属区县', '主导产业', '总投资（亿元）', '园区面积', '运营单位', '建设状态', '分园', '载体楼宇']

describe('importing sky parks', () => {
  const t = freshAppPerTest()

  it('makes parks with their sub-parks and hosts, and reports unknown buildings and statuses', async () => {
    const { id: buildingId } = await t.app.ok('buildings.create', { name: '财富中心', districtCode: '210103' })
    const file = await writeWorkbook(path.join(t.dir, '园区.xlsx'), {
      园区: [
        HEADER,
        ['沈河数字经济产业园', '沈河区', '数字经济', 1.2, '2万平方米', '沈河国资', '运营中', '金融分园、数字分园', '财富中心（3-5层）'],
        ['沈河数字经济产业园', '沈河区', '数字经济', 1.2, null, null, '运营中', null, null],
        ['生物医药园', '沈河区', '生物医药', null, null, null, '已开园', null, '不存在大厦'],
        ['文创园', '沈河区', '文创', null, null, null, '停业', null, null],
      ],
    })
    const uploadId = await pickFile(t.app, file)
    const preview = await t.app.ok('imports.preview', { uploadId })
    expect(preview).toMatchObject({ kind: 'parks', total: 4, created: 1, updated: 0, related: { subParks: 2, parkHosts: 1 } })
    expect(preview.rejected).toEqual([
      { row: 3, column: '园区名称', message: '园区名称：与第 2 行重复（同一区县的同名园区）' },
      { row: 4, column: '载体楼宇', message: '载体楼宇：找不到楼宇“不存在大厦”，请先导入或登记该楼宇' },
      { row: 5, column: '建设状态', message: '建设状态：不认识“停业”，可填：规划中、装修中、运营中' },
    ])
    const job = await runImportJob(t.app, file, { skipInvalid: true })
    expect(job.state).toBe('done')
    const [park] = await t.app.ok('parks.list', {})
    const full = await t.app.ok('parks.get', { id: park!.id })
    expect(full).toMatchObject({
      name: '沈河数字经济产业园', districtCode: '210103', theme: '数字经济', plannedInvestment: 120_000_000, totalArea: 20_000,
      operator: '沈河国资', status: 'operating',
    })
    expect(full.subParks.map((s) => s.name)).toEqual(['金融分园', '数字分园'])
    expect(full.hosts.map((h) => [h.buildingId, h.floors])).toEqual([[buildingId, '3-5层']])

    // Again with one more sub-park: the park is updated and only the new sub-park is added.
    const again = await writeWorkbook(path.join(t.dir, '园区2.xlsx'), {
      园区: [HEADER, ['沈河数字经济产业园', '沈河区', '数字经济', 1.5, '2万平方米', '沈河国资', '运营中', '金融分园、数字分园、人工智能分园', '财富中心（3-5层）']],
    })
    expect((await runImportJob(t.app, again)).message).toBe('已导入：新增 0，更新 1')
    const updated = await t.app.ok('parks.get', { id: park!.id })
    expect(updated.plannedInvestment).toBe(150_000_000)
    expect(updated.subParks.map((s) => s.name)).toEqual(['金融分园', '数字分园', '人工智能分园'])
    expect(updated.hosts).toHaveLength(1)
  })
})

describe('importing the land area of sky parks', () => {
  const t = freshAppPerTest()

  it('reads 占地面积 in 亩 as m² (亩均税收)', async () => {
    const file = await writeWorkbook(path.join(t.dir, '园区占地.xlsx'), {
      园区: [['园区名称', '所属区县', '主导产业', '建设状态', '占地面积（亩）'], ['金融科技园', '沈河区', '金融科技', '运营中', 30]],
    })
    const job = await runImportJob(t.app, file, {})
    expect(job.state).toBe('done')
    const [park] = await t.app.ok('parks.list', {})
    expect(park!.landArea).toBeCloseTo(20_000, 6) // 30 亩 × 10000/15
  })
})
