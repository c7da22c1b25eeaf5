import fs from 'node:fs'
import path from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import iconv from 'iconv-lite'
import proj4 from 'proj4'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cellToText } from '../../src/main/services/imports/cells'
import { dataRows, detectHeaderRow, headerTexts } from '../../src/main/services/imports/layout'
import { readTable } from '../../src/main/services/imports/read'
import { GEOMETRY_HEADER, type RawSheet } from '../../src/main/services/imports/table'
import { DomainError } from '../../src/shared/result'
import {
  entityBombKml,
  noise,
  writeBytes,
  writeCsv,
  writeGeoJson,
  writeKml,
  writeShapefileZip,
  writeXlsx,
  writeZipBomb,
  type GisFeature,
} from '../helpers/importFiles'
import { tempDir } from '../helpers/store'

let dir: string
beforeAll(() => {
  dir = tempDir('site-atlas-import-read-')
})
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

/** The refusal's message, checking it is a whole-file DomainError. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DomainError)
  const e = error as DomainError
  expect(e.code).toBe('invalid')
  expect(e.field).toBe('file')
  expect(e.message.startsWith('导入文件：')).toBe(true)
  return e.message
}

function sheetNamed(sheets: RawSheet[], name: string): RawSheet {
  const sheet = sheets.find((s) => s.name === name)
  if (!sheet) throw new Error(`no sheet ${name}`)
  return sheet
}

const TITLE = '和平区商务楼宇资源统计表（2024年3月）'
const KNOWN = new Set(['楼宇名称', '地址', '总建筑面积(㎡)', '空置面积', '竣工日期', '可租面积'])

describe('xlsx', () => {
  it('reads a bureau workbook: title merged across, merged cells down a column, blank and totals rows, dates, formulas, two sheets', async () => {
    const file = await writeXlsx(dir, '楼宇.xlsx', [
      {
        name: '楼宇',
        rows: [
          [TITLE],
          [],
          ['序号', '楼宇名称', '地址', '总建筑\n面积（㎡）', '空置面积', '竣工日期'],
          [1, '华润大厦', '青年大街1号', 52000, { formula: 'D4*0.1', result: 5200 }, new Date(Date.UTC(2019, 5, 30))],
          [2, { richText: [{ text: '恒隆' }, { text: '广场', font: { bold: true } }] }, null, '8.8万平方米', '约2000㎡', '2021年3月1日'],
          [3, { text: '市府恒隆', hyperlink: 'https://example.com' }, null, 60000, { error: '#N/A' }, 45352],
          [],
          ['合计', null, null, { formula: 'SUM(D4:D6)', result: 200000 }, null, null],
        ],
        // The title across A1:F1; the address of rows 4–6 written once down C4:C6.
        merges: ['A1:F1', 'C4:C6'],
      },
      { name: '地块', rows: [['地块编号', '用地面积'], ['SY-01', '363亩']] },
      { name: '下拉选项', rows: [['甲级'], ['乙级']], hidden: true },
    ])
    const table = await readTable(file, '楼宇.xlsx')
    expect(table.format).toBe('xlsx')
    expect(table.encoding).toBeNull()
    expect(table.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['楼宇', false],
      ['地块', false],
      ['下拉选项', true],
    ])
    const rows = sheetNamed(table.sheets, '楼宇').rows
    // Row indexes are the sheet's own rows: the blank row 2 is kept (empty).
    expect(rows[0]).toEqual(Array(6).fill(TITLE))
    expect(rows[1]).toEqual([])
    expect(rows[3]).toEqual([1, '华润大厦', '青年大街1号', 52000, 5200, new Date(Date.UTC(2019, 5, 30))])
    expect(rows[4]).toEqual([2, '恒隆广场', '青年大街1号', '8.8万平方米', '约2000㎡', '2021年3月1日'])
    expect(rows[5]).toEqual([3, '市府恒隆', '青年大街1号', 60000, null, 45352])
    expect(rows[7]![3]).toBe(200000) // a formula gives its cached result, never the formula

    const header = detectHeaderRow(rows, (t) => KNOWN.has(t))
    expect(header).toBe(2)
    expect(headerTexts(rows[header]!)).toEqual(['序号', '楼宇名称', '地址', '总建筑面积(㎡)', '空置面积', '竣工日期'])
    expect(dataRows(rows, header).map((r) => [r.rowNumber, cellToText(r.cells[1] ?? null)])).toEqual([
      [4, '华润大厦'],
      [5, '恒隆广场'],
      [6, '市府恒隆'],
    ])
    expect(sheetNamed(table.sheets, '地块').rows).toEqual([
      ['地块编号', '用地面积'],
      ['SY-01', '363亩'],
    ])
  })

  it('refuses a workbook with more rows or columns than the limits', async () => {
    const rows: string[][] = [['楼宇名称', '地址']]
    for (let i = 0; i < 30; i++) rows.push([`楼宇${i}`, `地址${i}`])
    const file = await writeXlsx(dir, 'rows.xlsx', [{ name: 'S', rows }])
    expect(await refusal(readTable(file, 'rows.xlsx', { limits: { maxRows: 20 } }))).toBe('导入文件：行数超过上限 20 行，请拆分后分批导入')
    expect((await readTable(file, 'rows.xlsx', { limits: { maxRows: 31 } })).sheets[0]!.rows).toHaveLength(31)
    const wide = await writeXlsx(dir, 'wide.xlsx', [{ name: '宽表', rows: [Array.from({ length: 12 }, (_, i) => `列${i}`)] }])
    expect(await refusal(readTable(wide, 'wide.xlsx', { limits: { maxColumns: 10 } }))).toBe('导入文件：工作表“宽表”第 1 行列数超过上限 10 列')
  })

  it('refuses a zip bomb from its directory, without inflating it', async () => {
    const file = writeZipBomb(dir, 'bomb.xlsx', { extra: { '[Content_Types].xml': '<Types/>' } })
    const started = performance.now()
    const message = await refusal(readTable(file, 'bomb.xlsx'))
    console.log(`zip bomb (1 GB entry, ${(fs.statSync(file).size / 1024 ** 2).toFixed(1)} MB file) refused in ${(performance.now() - started).toFixed(0)} ms`)
    expect(message).toBe('导入文件：压缩文件解压后共 1024 MB，超过上限 300 MB（疑似压缩炸弹），已拒绝')
  }, 30_000)

  it('refuses an entry compressed beyond any real sheet’s ratio', async () => {
    const bytes = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 ** 2) }, { level: 9 })
    const file = writeBytes(dir, 'ratio.xlsx', bytes)
    expect(await refusal(readTable(file, 'ratio.xlsx'))).toMatch(/^导入文件：压缩文件中的“xl\/worksheets\/sheet1\.xml”压缩比异常（\d+ 倍），疑似压缩炸弹，已拒绝$/)
  })

  it('refuses a zip whose directory lies about an entry’s size, as soon as it outgrows it', async () => {
    const file = writeZipBomb(dir, 'liar.xlsx', { declaredSize: 1000, extra: { '[Content_Types].xml': '<Types/>' } })
    const started = performance.now()
    const message = await refusal(readTable(file, 'liar.xlsx'))
    console.log(`lying zip (declares 1000 B, inflates to 1 GB) refused in ${(performance.now() - started).toFixed(0)} ms`)
    expect(message).toBe('导入文件：Excel 文件中的“xl/worksheets/sheet1.xml”解压后超过其声明的大小，疑似压缩炸弹，已拒绝')
  }, 30_000)

  it('refuses a merged range so large exceljs would run out of memory making its cells', async () => {
    const honest = await writeXlsx(dir, 'merge.xlsx', [{ name: 'S', rows: [['标题'], ['楼宇名称', '地址']], merges: ['A1:B1'] }])
    const files = unzipSync(new Uint8Array(fs.readFileSync(honest)))
    const sheetXml = new TextDecoder().decode(files['xl/worksheets/sheet1.xml'])
    expect(sheetXml).toContain('<mergeCell ref="A1:B1"/>')
    files['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(sheetXml.replace('ref="A1:B1"', 'ref="A1:XFD1048576"'))
    const file = writeBytes(dir, 'merge-bomb.xlsx', zipSync(files))
    const started = performance.now()
    const message = await refusal(readTable(file, 'merge-bomb.xlsx'))
    console.log(`merged-range bomb (A1:XFD1048576) refused in ${(performance.now() - started).toFixed(0)} ms`)
    expect(message).toBe('导入文件：工作表中的合并单元格范围过大（超过 1,000,000 个单元格），疑似恶意文件，已拒绝')
  })

  it('refuses a file over the byte limit before reading it', async () => {
    const file = writeBytes(dir, 'big.csv', 'a,b\n'.repeat(5000))
    expect(await refusal(readTable(file, 'big.csv', { limits: { maxBytes: 10_000 } }))).toBe('导入文件：文件大小 20 KB，超过上限 10 KB')
  })

  it('refuses old .xls files, a non-zip named .xlsx and random bytes, saying what to do', async () => {
    const ole = writeBytes(dir, '旧表.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))
    expect(await refusal(readTable(ole, '旧表.xls'))).toContain('请在 Excel/WPS 中另存为 .xlsx 或 .csv')
    const renamedXls = writeBytes(dir, '改名.xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))
    expect(await refusal(readTable(renamedXls, '改名.xlsx'))).toContain('请在 Excel/WPS 中另存为 .xlsx 或 .csv')
    const fake = writeBytes(dir, 'fake.xlsx', '楼宇名称,地址\n华润大厦,青年大街\n')
    expect(await refusal(readTable(fake, 'fake.xlsx'))).toBe('导入文件：文件扩展名是 .xlsx，但内容不是 zip 压缩格式，文件可能已损坏或扩展名有误')
    const random = writeBytes(dir, 'random.bin', noise(4096))
    expect(await refusal(readTable(random, 'random.bin'))).toBe(
      '导入文件：无法识别的文件格式，支持的格式：Excel（.xlsx）、CSV、GeoJSON、KML/KMZ、Shapefile（.zip）',
    )
    const randomCsv = writeBytes(dir, 'random.csv', noise(4096))
    expect(await refusal(readTable(randomCsv, 'random.csv'))).toBe('导入文件：文件扩展名是 .csv，但内容不是文本')
    const truncated = writeBytes(dir, 'cut.xlsx', fs.readFileSync(await writeXlsx(dir, 'whole.xlsx', [{ name: 'S', rows: [['a']] }])).subarray(0, 300))
    expect(await refusal(readTable(truncated, 'cut.xlsx'))).toContain('不是有效的 zip 压缩包')
    expect(await refusal(readTable(path.join(dir, 'missing.xlsx'), 'missing.xlsx'))).toBe('导入文件：找不到文件或无法读取')
  })

  it('applies the same zip checks to KMZ files and zipped shapefiles', async () => {
    for (const [name, entry] of [
      ['bomb.kmz', 'doc.kml'],
      ['bomb.zip', '地块.shp'],
    ]) {
      const file = writeZipBomb(dir, name!, { entry })
      expect(await refusal(readTable(file, name!)), name).toBe('导入文件：压缩文件解压后共 1024 MB，超过上限 300 MB（疑似压缩炸弹），已拒绝')
    }
    const files: Record<string, Uint8Array> = {}
    for (let i = 0; i <= 10_000; i++) files[`f${i}.shp`] = new Uint8Array(0)
    expect(await refusal(readTable(writeBytes(dir, 'many.zip', zipSync(files, { level: 0 })), 'many.zip'))).toBe(
      '导入文件：压缩文件中的文件超过 10000 个，不像正常文件',
    )
  }, 30_000)

  it('stops when the time is up', async () => {
    const file = await writeXlsx(dir, 'slow.xlsx', [{ name: 'S', rows: [['a']] }])
    expect(await refusal(readTable(file, 'slow.xlsx', { limits: { maxMs: -1 } }))).toBe('导入文件：读取超过 0 秒仍未完成，文件过大或过于复杂')
  })

  it('stops when cancelled', async () => {
    const file = await writeXlsx(dir, 'cancel.xlsx', [{ name: 'S', rows: [['a']] }])
    const controller = new AbortController()
    controller.abort()
    expect(await refusal(readTable(file, 'cancel.xlsx', { signal: controller.signal }))).toBe('导入文件：读取已取消')
  })
})

describe('csv', () => {
  const rows = [
    ['楼宇名称', '地址', '总建筑面积', '租金'],
    ['华润大厦', '沈阳市和平区青年大街286号', '１２，３４５', '3.5元/㎡·天'],
    ['恒隆广场，二期', '和平区"南京北街"1号', '5万平方米', '100元/㎡·月'],
    ['多行\n备注的楼', '', '', ''],
  ]

  it('detects GB18030 (Excel/WPS on Chinese Windows) and reads full-width commas as text', async () => {
    const file = writeCsv(dir, 'gbk.csv', rows, { encoding: 'gb18030' })
    const table = await readTable(file, 'gbk.csv')
    expect(table.format).toBe('csv')
    expect(table.encoding).toBe('gb18030')
    expect(table.sheets).toHaveLength(1)
    expect(table.sheets[0]!.name).toBe('gbk')
    expect(table.sheets[0]!.rows).toEqual([
      ['楼宇名称', '地址', '总建筑面积', '租金'],
      ['华润大厦', '沈阳市和平区青年大街286号', '１２，３４５', '3.5元/㎡·天'],
      ['恒隆广场，二期', '和平区"南京北街"1号', '5万平方米', '100元/㎡·月'],
      ['多行\n备注的楼'],
    ])
  })

  it('reads UTF-8 with a BOM, plain UTF-8, UTF-16 and tab- or semicolon-separated files', async () => {
    for (const [name, encoding, expected] of [
      ['bom.csv', 'utf-8-bom', 'utf-8'],
      ['plain.csv', 'utf-8', 'utf-8'],
      ['unicode.txt', 'utf-16le-bom', 'utf-16le'],
    ] as const) {
      const file = writeCsv(dir, name, rows, { encoding, delimiter: name === 'unicode.txt' ? '\t' : ',' })
      const table = await readTable(file, name)
      expect(table.encoding, name).toBe(expected)
      expect(table.sheets[0]!.rows[0], name).toEqual(['楼宇名称', '地址', '总建筑面积', '租金'])
      expect(table.sheets[0]!.rows[2]![0], name).toBe('恒隆广场，二期')
    }
    const semi = writeCsv(dir, 'semi.csv', rows, { delimiter: ';' })
    expect((await readTable(semi, 'semi.csv')).sheets[0]!.rows[1]).toEqual(rows[1])
  })

  it('refuses too many rows and too many columns', async () => {
    const many = writeCsv(dir, 'many.csv', Array.from({ length: 50 }, (_, i) => [`楼${i}`, i]))
    expect(await refusal(readTable(many, 'many.csv', { limits: { maxRows: 49 } }))).toBe('导入文件：行数超过上限 49 行，请拆分后分批导入')
    const wide = writeCsv(dir, 'wide.csv', [Array.from({ length: 30 }, (_, i) => `列${i}`)])
    expect(await refusal(readTable(wide, 'wide.csv', { limits: { maxColumns: 20 } }))).toBe('导入文件：第 1 行列数超过上限 20 列')
  })
})

const PARCELS: GisFeature[] = [
  {
    properties: { 地块编号: 'HP-2024-01', 用地性质: '新型产业用地（M0）', 用地面积: 24200.5, 出让状态: '待出让' },
    polygon: [
      [123.40, 41.80],
      [123.41, 41.80],
      [123.41, 41.81],
      [123.40, 41.81],
    ],
  },
  {
    properties: { 地块编号: 'HP-2024-02', 用地性质: '商业', 用地面积: 5000, 出让状态: '已出让' },
    polygon: [
      [123.42, 41.80],
      [123.43, 41.80],
      [123.43, 41.805],
    ],
  },
]

describe('GIS files', () => {
  it('reads GeoJSON: properties become columns, then the geometry column', async () => {
    const file = writeGeoJson(dir, 'parcels.geojson', [...PARCELS, { properties: { 地块编号: 'HP-X', 备注: '无边界' } }])
    const table = await readTable(file, 'parcels.geojson')
    expect(table.format).toBe('geojson')
    const [sheet] = table.sheets
    expect(sheet!.rows[0]).toEqual(['地块编号', '用地性质', '用地面积', '出让状态', '备注', GEOMETRY_HEADER])
    expect(sheet!.rows[1]!.slice(0, 5)).toEqual(['HP-2024-01', '新型产业用地（M0）', 24200.5, '待出让', null])
    expect(sheet!.rows[1]![5]).toEqual({ geometry: { type: 'Polygon', coordinates: [[...PARCELS[0]!.polygon!, PARCELS[0]!.polygon![0]]] } })
    expect(sheet!.rows[3]).toEqual(['HP-X', null, null, null, '无边界', null])

    const single = writeGeoJson(dir, 'one.json', { type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Point', coordinates: [123.4, 41.8] } })
    expect((await readTable(single, 'one.json')).sheets[0]!.rows).toEqual([['name', GEOMETRY_HEADER], ['A', { geometry: { type: 'Point', coordinates: [123.4, 41.8] } }]])
    const bare = writeGeoJson(dir, 'bare.geojson', { type: 'Point', coordinates: [123.4, 41.8] })
    expect((await readTable(bare, 'bare.geojson')).sheets[0]!.rows).toHaveLength(2)
  })

  it('refuses GeoJSON that is not an object, malformed, or over the feature and coordinate limits', async () => {
    expect(await refusal(readTable(writeBytes(dir, 'arr.geojson', '[1,2]'), 'arr.geojson'))).toBe(
      '导入文件：GeoJSON 文件应为一个对象（FeatureCollection、Feature 或几何图形）',
    )
    expect(await refusal(readTable(writeBytes(dir, 'bad.geojson', '{"type":'), 'bad.geojson'))).toBe('导入文件：GeoJSON 文件不是有效的 JSON')
    expect(await refusal(readTable(writeGeoJson(dir, 'x.geojson', { type: 'Topology' }), 'x.geojson'))).toContain('FeatureCollection')
    const geo = writeGeoJson(dir, 'limits.geojson', PARCELS)
    expect(await refusal(readTable(geo, 'limits.geojson', { limits: { maxRows: 1 } }))).toContain('行数超过上限 1 行')
    expect(await refusal(readTable(geo, 'limits.geojson', { limits: { maxCoordinates: 8 } }))).toBe(
      '导入文件：坐标点总数超过上限 8 个，请简化图形后再导入',
    )
    const broken = writeGeoJson(dir, 'broken.geojson', { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[['a', 'b']]] } })
    expect(await refusal(readTable(broken, 'broken.geojson'))).toBe('导入文件：几何图形的坐标格式不正确')
    const depth = 10_000
    const nested = `${'{"type":"GeometryCollection","geometries":['.repeat(depth)}{"type":"Point","coordinates":[123.4,41.8]}${']}'.repeat(depth)}`
    const deep = writeBytes(dir, 'deep.geojson', `{"type":"Feature","properties":{},"geometry":${nested}}`)
    expect(await refusal(readTable(deep, 'deep.geojson'))).toBe('导入文件：几何图形集合（GeometryCollection）格式不正确或嵌套过深')
  })

  it('reads KML and KMZ: name, description and ExtendedData become columns, styles do not', async () => {
    const features: GisFeature[] = PARCELS.map((p) => ({ ...p, properties: { name: p.properties['地块编号']!, description: '规划条件见附件', ...p.properties } }))
    for (const [name, kmz] of [
      ['parcels.kml', false],
      ['parcels.kmz', true],
    ] as const) {
      const table = await readTable(writeKml(dir, name, features, { kmz }), name)
      expect(table.format, name).toBe('kml')
      const rows = table.sheets[0]!.rows
      expect(rows[0], name).toEqual(['name', 'description', '地块编号', '用地性质', '用地面积', '出让状态', GEOMETRY_HEADER])
      expect(rows[1]!.slice(0, 6), name).toEqual(['HP-2024-01', '规划条件见附件', 'HP-2024-01', '新型产业用地（M0）', '24200.5', '待出让'])
      const geometry = (rows[2]![6] as { geometry: { type: string; coordinates: number[][][] } }).geometry
      expect(geometry.type).toBe('Polygon')
      expect(geometry.coordinates[0]![2]).toEqual([123.43, 41.805, 0])
    }
  })

  it('reads SchemaData/SimpleData and a KML declared as GBK (as 奥维 exports it)', async () => {
    const text = `<?xml version="1.0" encoding="GBK"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Schema name="地块" id="s"><SimpleField name="DKBH" type="string"/></Schema>
<Placemark><name>浑南M0地块</name><ExtendedData><SchemaData schemaUrl="#s"><SimpleData name="DKBH">HN-07</SimpleData><SimpleData name="用地性质">工业</SimpleData></SchemaData></ExtendedData>
<Point><coordinates>123.45,41.75,0</coordinates></Point></Placemark></Document></kml>`
    const file = writeBytes(dir, 'gbk.kml', iconv.encode(text, 'gbk'))
    const rows = (await readTable(file, 'gbk.kml')).sheets[0]!.rows
    expect(rows).toEqual([
      ['name', 'DKBH', '用地性质', GEOMETRY_HEADER],
      ['浑南M0地块', 'HN-07', '工业', { geometry: { type: 'Point', coordinates: [123.45, 41.75, 0] } }],
    ])
  })

  it('refuses a KML with an entity bomb before parsing it', async () => {
    const file = writeKml(dir, 'lol.kml', entityBombKml())
    const started = performance.now()
    const message = await refusal(readTable(file, 'lol.kml'))
    console.log(`KML entity bomb refused in ${(performance.now() - started).toFixed(1)} ms`)
    expect(message).toBe('导入文件：KML 文件含有 DOCTYPE/ENTITY 声明，出于安全考虑拒绝读取')
    expect(await refusal(readTable(writeBytes(dir, 'html.kml', '<html><body>不是KML</body></html>'), 'html.kml'))).toBe(
      '导入文件：文件不是 KML（缺少 <kml> 根元素）',
    )
  })

  it('reads a zipped shapefile with GBK attribute names and values and no .cpg', async () => {
    const file = writeShapefileZip(dir, 'parcels.zip', PARCELS)
    const table = await readTable(file, 'parcels.zip')
    expect(table.format).toBe('shp')
    const rows = table.sheets[0]!.rows
    expect(table.sheets[0]!.name).toBe('地块')
    expect(rows[0]).toEqual(['地块编号', '用地性质', '用地面积', '出让状态', GEOMETRY_HEADER])
    expect(rows[1]!.slice(0, 4)).toEqual(['HP-2024-01', '新型产业用地（M0）', 24200.5, '待出让'])
    const geometry = (rows[2]![4] as { geometry: { type: string; coordinates: number[][][] } }).geometry
    expect(geometry.type).toBe('Polygon')
    const ring = geometry.coordinates[0]!
    for (const corner of PARCELS[1]!.polygon!) expect(ring.some(([x, y]) => Math.abs(x! - corner[0]) < 1e-9 && Math.abs(y! - corner[1]) < 1e-9)).toBe(true)
  })

  it('reads the .dbf encoding from a .cpg or the header, and UTF-8 without either', async () => {
    const utf8 = await readTable(writeShapefileZip(dir, 'utf8.zip', PARCELS, { encoding: 'utf-8' }), 'utf8.zip')
    expect(utf8.sheets[0]!.rows[1]![1]).toBe('新型产业用地（M0）')
    const cpg = await readTable(writeShapefileZip(dir, 'cpg.zip', PARCELS, { encoding: 'gbk', cpg: '936' }), 'cpg.zip')
    expect(cpg.sheets[0]!.rows[0]![0]).toBe('地块编号')
    const marked = await readTable(writeShapefileZip(dir, 'ldid.zip', PARCELS, { encoding: 'gbk', markGbk: true }), 'ldid.zip')
    expect(marked.sheets[0]!.rows[2]![1]).toBe('商业')
  })

  it('reprojects with the .prj (UTM zone 51N here)', async () => {
    const utm = '+proj=utm +zone=51 +datum=WGS84 +units=m +no_defs'
    const prj =
      'PROJCS["WGS_1984_UTM_Zone_51N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",123.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
    const projected = PARCELS.map((p) => ({ ...p, polygon: p.polygon!.map((pt) => proj4('WGS84', utm, pt) as [number, number]) }))
    const table = await readTable(writeShapefileZip(dir, 'utm.zip', projected, { prj }), 'utm.zip')
    const ring = (table.sheets[0]!.rows[1]![4] as { geometry: { coordinates: number[][][] } }).geometry.coordinates[0]!
    for (const [x, y] of ring) {
      expect(x).toBeGreaterThan(123.39)
      expect(x).toBeLessThan(123.44)
      expect(y).toBeGreaterThan(41.79)
      expect(y).toBeLessThan(41.82)
    }
  })

  it('refuses a zip without a shapefile, or a shapefile without its .dbf', async () => {
    expect(await refusal(readTable(writeShapefileZip(dir, 'noshp.zip', PARCELS, { omit: ['shp'] }), 'noshp.zip'))).toBe(
      '导入文件：压缩包中没有 .shp 文件（Shapefile 需要 .shp、.dbf，最好还有 .prj）',
    )
    expect(await refusal(readTable(writeShapefileZip(dir, 'nodbf.zip', PARCELS, { omit: ['dbf'] }), 'nodbf.zip'))).toBe(
      '导入文件：压缩包中缺少“地块.dbf”（属性表），无法读取',
    )
    expect(await refusal(readTable(writeBytes(dir, 'parcel.shp', new Uint8Array(100)), 'parcel.shp'))).toContain('压缩成 .zip')
  })
})
