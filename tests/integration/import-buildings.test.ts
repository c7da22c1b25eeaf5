import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { toWgs84 } from '../../src/shared/coordinates'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { runImportJob, sha256, writeWorkbook } from '../helpers/importSheets'

// A bureau's building sheet as people keep it: a merged title row, a blank row, units in cells,
// full-width digits, GCJ-02 coordinates, a duplicate, bad rows and a totals row.

const HEADER = ['楼宇名称', '地址', '所属区县', '总建筑面积', '可租面积', '空置面积', '租金（元/㎡·月）', '等级', '类型', '高德经度', '高德纬度', '联系电话']
const rows = () => [
  ['沈河区重点楼宇统计表', null, null, null, null, null, null, null, null, null, null, null],
  [],
  HEADER,
  ['华润大厦', '青年大街286号', '沈河区', '5万平方米', '４２０００', '8000㎡', 91.25, '甲级', '写字楼', 123.4376, 41.7968, '024-2288 1234'],
  ['恒隆广场', '青年大街1号', '沈阳市沈河区', 120000, 60000, 15000, 100, '超甲', '综合体', null, null, null],
  ['华润大厦', '青年大街286号', '210103', 50000, 42000, 8000, 91.25, '甲级', '写字楼', null, null, null],
  ['财富中心', '北站路1号', '沈河区', 30000, 20000, 25000, 80, 'A级', '办公', null, null, null],
  ['=HYPERLINK("x")', '某路', '沈河区', 1000, 800, 100, 60, '乙级', '写字楼', null, null, null],
  ['金融大厦', '市府大路', '朝阳区', 1000, 800, 100, 60, '特级', '写字楼', null, null, null],
  ['合计', null, null, 206000, 122800, 48100, null, null, null, null, null, null],
]

describe('importing a building sheet', () => {
  const t = freshAppPerTest()

  it('previews every value and every problem by row and column', async () => {
    const file = await writeWorkbook(path.join(t.dir, '楼宇.xlsx'), { 楼宇: rows() }, { 楼宇: ['A1:L1'] })
    const uploadId = await pickFile(t.app, file)
    const inspection = await t.app.ok('imports.inspect', { uploadId })
    const sheet = inspection.sheets[0]!
    expect(sheet).toMatchObject({ name: '楼宇', headerRow: 3, rows: 6, suggestedKind: 'buildings', suggestedCrs: 'gcj02' })
    expect(sheet.columns.map((c) => c.field)).toEqual([
      'name', 'address', 'districtCode', 'totalArea', 'leasableArea', 'vacantArea', 'askingRent', 'grade', 'kind', 'lng', 'lat', 'contactPhone',
    ])

    const preview = await t.app.ok('imports.preview', { uploadId, crs: 'gcj02' })
    expect(preview).toMatchObject({ kind: 'buildings', sheet: '楼宇', total: 6, created: 2, updated: 0 })
    expect(preview.rejected).toEqual([
      { row: 6, column: '楼宇名称', message: '楼宇名称：与第 4 行重复（同一区县的同名楼宇）' },
      { row: 7, column: '空置面积', message: '空置面积：大于可租面积（25000 > 20000）' },
      { row: 8, column: '楼宇名称', message: '楼宇名称：“=HYPERLINK("x")”像是电子表格公式，请核对原表' },
      { row: 9, column: '等级', message: '等级：不认识“特级”，可填：超甲级、甲级、乙级、丙级' },
      { row: 9, column: '所属区县', message: '所属区县：“朝阳区”有多个同名区县（北京市朝阳区（110105）、长春市朝阳区（220104）），请写明所属城市或填写 6 位行政区划代码' },
    ])
    expect(preview.related).toEqual({ spaces: 4 })
    // The header says per month: said once for the column, not on every row.
    expect(preview.warnings).toEqual([{ row: 0, column: '租金（元/㎡·月）', message: '租金（元/㎡·月）：按表头的每月租金读取，换算为 元/㎡·天（÷ 365/12）' }])
  })

  it('refuses the whole import without skipInvalid: the data file is byte for byte unchanged', async () => {
    const file = await writeWorkbook(path.join(t.dir, '楼宇.xlsx'), { 楼宇: rows() })
    await t.app.ok('stats.summary', {})
    t.app.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const before = sha256(t.app.file)
    const job = await runImportJob(t.app, file, { crs: 'gcj02' })
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(/^导入：有 4 行数据有问题，未写入任何数据（第 6 行 楼宇名称：与第 4 行重复/)
    t.app.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    expect(sha256(t.app.file)).toBe(before)
    expect(await t.app.ok('buildings.list', {})).toEqual([])
    expect(await t.app.ok('imports.list', {})).toEqual([])
  })

  it('imports the valid rows with skipInvalid, converted to the store units, and undoes them', async () => {
    const file = await writeWorkbook(path.join(t.dir, '楼宇.xlsx'), { 楼宇: rows() })
    const job = await runImportJob(t.app, file, { crs: 'gcj02', skipInvalid: true })
    expect(job.state).toBe('done')
    expect(job.message).toBe('已导入：新增 2，更新 0，跳过 4 行有问题的数据')
    const buildings = await t.app.ok('buildings.list', {})
    const huarun = buildings.find((b) => b.name === '华润大厦')!
    const [lng, lat] = toWgs84([123.4376, 41.7968], 'gcj02')
    expect(huarun).toMatchObject({
      address: '青年大街286号', districtCode: '210103', totalArea: 50000, grade: 'a', kind: 'office', contactPhone: '024-2288 1234',
      leasableArea: 42000, vacantArea: 8000, leasedArea: 34000,
    })
    expect(huarun.lng).toBeCloseTo(lng, 6)
    expect(huarun.lat).toBeCloseTo(lat, 6)
    const hl = buildings.find((b) => b.name === '恒隆广场')!
    expect(hl).toMatchObject({ districtCode: '210103', totalArea: 120000, grade: 'super_a', kind: 'complex', leasableArea: 60000, vacantArea: 15000, lng: null })
    const spaces = await t.app.ok('spaces.list', { buildingId: huarun.id })
    expect(spaces.map((s) => ({ floorLabel: s.floorLabel, unit: s.unit, area: s.area, status: s.status, askingRent: s.askingRent, notes: s.notes }))).toEqual(
      expect.arrayContaining([
        { floorLabel: '整栋', unit: 'V', area: 8000, status: 'vacant', askingRent: Math.round((91.25 / (365 / 12)) * 1e6) / 1e6, notes: '由导入的汇总面积生成' },
        { floorLabel: '整栋', unit: 'L', area: 34000, status: 'leased', askingRent: null, notes: '由导入的汇总面积生成' },
      ]),
    )
    const [batch] = await t.app.ok('imports.list', {})
    expect(batch).toMatchObject({ fileName: '楼宇.xlsx', kind: 'buildings', created: 2, updated: 0, rejected: 4, undoneAt: null })
    expect(job.resultId).toBe(batch!.id)

    await t.app.ok('imports.undo', { id: batch!.id })
    expect(await t.app.ok('buildings.list', {})).toEqual([])
    expect((await t.app.ok('stats.summary', {})).spaces).toBe(0)
    expect((await t.app.ok('imports.list', {}))[0]!.undoneAt).not.toBeNull()
  })

  it('re-importing the same file updates instead of duplicating; undo restores the fields; a later edit blocks undo', async () => {
    const good = () => rows().filter((_, i) => i <= 4)
    const first = await writeWorkbook(path.join(t.dir, 'a.xlsx'), { 楼宇: good() })
    expect((await runImportJob(t.app, first, { crs: 'gcj02' })).state).toBe('done')
    const changed = good()
    changed[3]![3] = 52000
    changed[3]![7] = '乙级'
    const second = await writeWorkbook(path.join(t.dir, 'b.xlsx'), { 楼宇: changed })
    const job = await runImportJob(t.app, second, { crs: 'gcj02' })
    expect(job.message).toBe('已导入：新增 0，更新 2')
    expect(job.state).toBe('done')
    const buildings = await t.app.ok('buildings.list', {})
    expect(buildings).toHaveLength(2)
    const huarun = buildings.find((b) => b.name === '华润大厦')!
    expect(huarun).toMatchObject({ totalArea: 52000, grade: 'b', leasableArea: 42000 })
    // The building already has spaces: they are left alone, with a warning.
    const uploadId = await pickFile(t.app, second)
    const preview = await t.app.ok('imports.preview', { uploadId, crs: 'gcj02' })
    expect(preview.warnings).toContainEqual({ row: 4, column: '可租面积', message: '可租面积：该楼宇已有楼层空间，汇总面积未导入（空间保持不变）' })

    const [latest] = await t.app.ok('imports.list', {})
    await t.app.ok('imports.undo', { id: latest!.id })
    expect((await t.app.ok('buildings.list', {})).find((b) => b.name === '华润大厦')).toMatchObject({ totalArea: 50000, grade: 'a' })

    // Redo the update, edit by hand, then undo is refused naming the row.
    const again = await runImportJob(t.app, second, { crs: 'gcj02' })
    expect(again.state).toBe('done')
    await t.app.ok('buildings.update', { id: huarun.id, notes: '人工核实' })
    const refused = await t.app.call('imports.undo', { id: again.resultId! })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: '导入记录：导入后已有人修改了 楼宇“华润大厦”，撤销会覆盖这些修改，因此未撤销' } })
    expect((await t.app.ok('buildings.list', {})).find((b) => b.name === '华润大厦')).toMatchObject({ totalArea: 52000, notes: '人工核实' })
  })
})
