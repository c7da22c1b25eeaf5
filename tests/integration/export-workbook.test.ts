import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { VOCAB_ZH } from '../../src/shared/labels'
import { WORKBOOK } from '../../src/main/services/workbook/columns'
import { FORMULA_GUARD } from '../../src/main/services/exports/formulaText'
import { addKnownRows, runExport } from '../helpers/exports'
import { freshAppPerTest } from '../helpers/store'

const GUARD = FORMULA_GUARD

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  return workbook
}

/** The data rows of a sheet as header → value objects. */
function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.CellValue>> {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1) as string[]
  const rows: Array<Record<string, ExcelJS.CellValue>> = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])))
  })
  return rows
}

describe('the workbook export (XLSX)', () => {
  const t = freshAppPerTest()

  it('writes every sheet of the spec with its headers, widths, formats, frozen header and autofilter', async () => {
    await t.app.ok('meta.finishOnboarding', { loadDemo: true })
    await addKnownRows(t.app)
    const { file, filePath, job } = await runExport(t.app, { format: 'xlsx' })
    expect(file.fileName).toMatch(/^招商资源_\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(file.size).toBe(fs.statSync(filePath).size)
    expect(file.assetPath).toBe(`exports/${file.id}`)
    expect(job.done).toBe(job.total)

    const workbook = await readWorkbook(filePath)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(WORKBOOK.map((s) => s.sheet))
    for (const spec of WORKBOOK) {
      const sheet = workbook.getWorksheet(spec.sheet)!
      expect((sheet.getRow(1).values as unknown[]).slice(1), spec.sheet).toEqual(spec.columns.map((c) => c.header))
      expect(sheet.views[0], spec.sheet).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(sheet.autoFilter, spec.sheet).toBeTruthy()
      spec.columns.forEach((column, i) => {
        expect(sheet.getColumn(i + 1).width, `${spec.sheet} ${column.header}`).toBe(column.width ?? 12)
        if (column.numFmt && sheet.rowCount > 1) expect(sheet.getRow(2).getCell(i + 1).numFmt, `${spec.sheet} ${column.header}`).toBe(column.numFmt)
      })
    }
    // Row counts equal the store's live rows.
    const stats = await t.app.ok('stats.summary', {})
    expect(workbook.getWorksheet('楼宇')!.rowCount - 1).toBe(stats.buildings)
    expect(workbook.getWorksheet('楼层空间')!.rowCount - 1).toBe(stats.spaces)
    expect(workbook.getWorksheet('地块')!.rowCount - 1).toBe(stats.parcels)
    expect(workbook.getWorksheet('空中产业园')!.rowCount - 1).toBe(stats.parks)
  }, 30_000)

  it('gives every data cell its column\'s number format, empty or not, and none to the other columns', async () => {
    await t.app.ok('meta.finishOnboarding', { loadDemo: true })
    const known = await addKnownRows(t.app)
    // A space without a rent or date: its empty cells still carry the column's format.
    await t.app.ok('spaces.create', { buildingId: known.building.id, floorLabel: '14', area: 300, status: 'vacant' })
    const workbook = await readWorkbook((await runExport(t.app, { format: 'xlsx' })).filePath)
    let checked = 0
    let empty = 0
    for (const spec of WORKBOOK) {
      const sheet = workbook.getWorksheet(spec.sheet)!
      sheet.eachRow((row, n) => {
        if (n === 1) return
        spec.columns.forEach((column, i) => {
          const cell = row.getCell(i + 1)
          expect(cell.numFmt, `${spec.sheet} ${cell.address} ${column.header}`).toBe(column.numFmt)
          checked += 1
          if (column.numFmt && cell.value === null) empty += 1
        })
      })
    }
    expect(checked).toBeGreaterThan(1000)
    expect(empty).toBeGreaterThan(0)
  }, 30_000)

  it('writes values as the spec says: vocab as labels, scaled figures, real dates, 是/否, computed figures, formulas neutralised', async () => {
    const known = await addKnownRows(t.app)
    const workbook = await readWorkbook((await runExport(t.app, { format: 'xlsx' })).filePath)

    const building = rowsOf(workbook.getWorksheet('楼宇')!).find((r) => r['编号'] === known.building.id)!
    expect(building['楼宇名称']).toBe(`${GUARD}=HYPERLINK("http://evil.example","点我")`)
    expect(building['备注']).toBe(`${GUARD}-2+3`)
    expect(building['地址']).toBe('沈河区青年大街1号')
    expect(building['楼宇等级']).toBe(VOCAB_ZH.grade.a)
    expect(building['楼宇类型']).toBe('商务楼宇')
    expect(building['产权形式']).toBe('整体持有')
    expect(building['经度（WGS-84）']).toBe(123.456789)
    expect(building['纬度（WGS-84）']).toBe(41.789012)
    expect(building['可租面积（m²）']).toBe(2000)
    expect(building['空置面积（m²）']).toBe(800)
    expect(building['空置率']).toBeCloseTo(0.4, 10)
    expect(building['物业费（元/m²·月）']).toBe(12.5)
    // No cell anywhere is a formula.
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type, `${sheet.name} ${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)))
    }

    const space = rowsOf(workbook.getWorksheet('楼层空间')!).find((r) => r['编号'] === known.vacant.id)!
    expect(space).toMatchObject({ 楼宇编号: known.building.id, 楼层: '12', 单元: '1201', '面积（m²）': 800, 状态: '空置', 装修: '精装', 可分割: '是', 备注: `${GUARD}@SUM(A1)` })
    expect(space['报价租金（元/m²·天）']).toBe(3.5)
    expect(space['可入驻日期']).toEqual(new Date(Date.UTC(2026, 2, 1)))
    expect(space['楼宇名称']).toBe(building['楼宇名称'])
    const leasedSpace = rowsOf(workbook.getWorksheet('楼层空间')!).find((r) => r['编号'] === known.leased.id)!
    expect(leasedSpace['可分割']).toBe('否')

    const tenant = rowsOf(workbook.getWorksheet('入驻企业')!).find((r) => r['编号'] === known.tenant.id)!
    expect(tenant).toMatchObject({ 企业名称: '沈阳测试科技有限公司', 所属行业: VOCAB_ZH.industry.I, 规上企业: '是', 注册在本区: '否', '年纳税额（元）': 12_000_000 })

    const lease = rowsOf(workbook.getWorksheet('租约')!).find((r) => r['编号'] === known.lease.id)!
    expect(lease).toMatchObject({ 企业编号: known.tenant.id, 企业名称: '沈阳测试科技有限公司', 楼宇编号: known.building.id, 租赁空间编号: known.leased.id, '租赁面积（m²）': 1200 })
    expect(lease['起租日期']).toEqual(new Date(Date.UTC(2024, 0, 1)))
    expect(lease['到期日期']).toEqual(new Date(Date.UTC(2030, 11, 31)))

    const parcel = rowsOf(workbook.getWorksheet('地块')!).find((r) => r['编号'] === known.parcel.id)!
    expect(parcel).toMatchObject({ 地块编号: 'TEST-01', 用地性质: VOCAB_ZH.landUse.m0, 出让状态: '出让公示', 土地状况: '净地', '参考价格（万元/亩）': 300, 容积率下限: 1.5, 建筑密度: 0.4 })
    expect(parcel['用地面积（m²）']).toBe(66_666.67)
    expect(parcel['用地面积（亩）']).toBeCloseTo(100.0000, 3)
    expect(JSON.parse(parcel['边界（GeoJSON，WGS-84）'] as string)).toEqual({
      type: 'Polygon', coordinates: [[[123.4, 41.7], [123.41, 41.7], [123.41, 41.71], [123.4, 41.71], [123.4, 41.7]]],
    })

    const park = rowsOf(workbook.getWorksheet('空中产业园')!).find((r) => r['编号'] === known.park.id)!
    expect(park).toMatchObject({ 园区名称: '测试产业园', '计划投资（亿元）': 20, 园区状态: '运营中', '总面积（m²）': 50000 })
    expect(rowsOf(workbook.getWorksheet('分园')!)).toEqual([expect.objectContaining({ 园区编号: known.park.id, 园区名称: '测试产业园', 分园名称: '大数据分园', '分园面积（m²）': 8000 })])
    expect(rowsOf(workbook.getWorksheet('园区载体楼宇')!)).toEqual([
      expect.objectContaining({ 园区编号: known.park.id, 楼宇编号: known.building.id, 所在楼层: '10-12', '载体面积（m²）': 9000 }),
    ])
    expect(rowsOf(workbook.getWorksheet('区县')!).map((r) => r['行政区划代码'])).toContain('210103')
  })
})
