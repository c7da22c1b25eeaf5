import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { FORMULA_GUARD } from '../../src/main/services/exports/formulaText'
import { csvField } from '../../src/main/services/exports/csv'
import { workbookTable } from '../../src/main/services/workbook/columns'
import { addKnownRows, runExport } from '../helpers/exports'
import { freshAppPerTest } from '../helpers/store'

describe('CSV, GeoJSON, scopes and cancelling', () => {
  const t = freshAppPerTest()

  it('writes one table as CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting, formulas neutralised', async () => {
    const known = await addKnownRows(t.app)
    // Notes are multi-line (an address is one line, shared/text.ts): they carry the quoted line break.
    await t.app.ok('buildings.update', { id: known.building.id, notes: '-2+3 "1"号,A座\n二层' })
    const { file, filePath } = await runExport(t.app, { format: 'csv', table: 'buildings' })
    expect(file.fileName).toMatch(/^楼宇_\d{4}-\d{2}-\d{2}\.csv$/)
    expect(file.mime).toBe('text/csv; charset=utf-8')
    const bytes = fs.readFileSync(filePath)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    const spec = workbookTable('buildings')
    expect(text.startsWith(spec.columns.map((c) => c.header).join(',') + '\r\n')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    // Every line break outside quotes is CRLF: the only bare \n is the one inside the quoted notes.
    expect(text.replace(/\r\n/g, '').match(/\n/g)).toHaveLength(1)
    const line = text.split('\r\n').find((l) => l.startsWith(known.building.id))!
    expect(line).toContain(`"${FORMULA_GUARD}=HYPERLINK(""http://evil.example"",""点我"")"`)
    expect(line).toContain(`,"${FORMULA_GUARD}-2+3 ""1""号,A座\n二层"`)
    expect(line).toContain(',商务楼宇,')
  })

  it('quotes exactly the fields RFC 4180 needs quoted', () => {
    expect(csvField('plain 文本')).toBe('plain 文本')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"')
  })

  it('CSV of the parcels carries 万元/亩 and 亩', async () => {
    const known = await addKnownRows(t.app)
    const { filePath, file } = await runExport(t.app, { format: 'csv', table: 'parcels' })
    expect(file.fileName).toMatch(/^地块_/)
    const [header, ...rows] = fs.readFileSync(filePath, 'utf8').slice(1).trimEnd().split('\r\n')
    const columns = header!.split(',')
    const row = rows.find((r) => r.startsWith(known.parcel.id))!
    const cell = (name: string) => row.split(',')[columns.indexOf(name)]
    expect(cell('参考价格（万元/亩）')).toBe('300')
    expect(Number(cell('用地面积（亩）'))).toBeCloseTo(100, 3)
    expect(cell('用地性质')).toBe('新型产业用地(M0)')
  })

  it('writes GeoJSON in WGS-84 with the store’s coordinates and the key properties', async () => {
    const known = await addKnownRows(t.app)
    const unplaced = await t.app.ok('buildings.create', { name: '未定位楼宇', districtCode: '210103' })
    const { filePath, file } = await runExport(t.app, { format: 'geojson' })
    expect(file.fileName).toMatch(/^招商资源_\d{4}-\d{2}-\d{2}\.geojson$/)
    expect(file.mime).toBe('application/geo+json')
    const collection = JSON.parse(fs.readFileSync(filePath, 'utf8'))
    expect(collection.type).toBe('FeatureCollection')
    expect(collection.crs).toBeUndefined()
    const byId = new Map(collection.features.map((f: { id: string }) => [f.id, f]))
    expect(byId.has(unplaced.id)).toBe(false)
    expect(byId.get(known.building.id)).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [123.456789, 41.789012] },
      properties: { kind: 'building', name: '=HYPERLINK("http://evil.example","点我")', districtCode: '210103', district: '沈河区', vacantAreaM2: 800, leasableAreaM2: 2000, vacancyRate: 0.4 },
    })
    const parcel = byId.get(known.parcel.id) as { geometry: unknown; properties: Record<string, unknown> }
    expect(parcel.geometry).toEqual({ type: 'Polygon', coordinates: [[[123.4, 41.7], [123.41, 41.7], [123.41, 41.71], [123.4, 41.71], [123.4, 41.7]]] })
    expect(parcel.properties).toMatchObject({ kind: 'parcel', code: 'TEST-01', name: '测试地块', landUse: '新型产业用地(M0)', areaM2: 66_666.67, referencePriceWanYuanPerMu: 300 })
    expect(parcel.properties.areaMu).toBeCloseTo(100, 3)
    // The park sits at its host building.
    expect(byId.get(known.park.id)).toMatchObject({ geometry: { type: 'Point', coordinates: [123.456789, 41.789012] }, properties: { kind: 'park', hostBuildingId: known.building.id } })
    // A parcel without a boundary is its point.
    const pointParcel = await t.app.ok('parcels.create', { code: 'PT-1', name: '点地块', districtCode: '210103', landUse: 'industrial', status: 'reserve', lng: 123.5, lat: 41.8 })
    const again = JSON.parse(fs.readFileSync((await runExport(t.app, { format: 'geojson' })).filePath, 'utf8'))
    expect(again.features.find((f: { id: string }) => f.id === pointParcel.id).geometry).toEqual({ type: 'Point', coordinates: [123.5, 41.8] })
  })

  it('a scoped workbook holds the picked building with its spaces, leases and tenants, its parks’ hosts, and the districts they refer to', async () => {
    await t.app.ok('meta.finishOnboarding', { loadDemo: true })
    const known = await addKnownRows(t.app)
    const { filePath } = await runExport(t.app, { format: 'xlsx', scope: { kind: 'ids', sites: [{ kind: 'park', id: known.park.id }, { kind: 'parcel', id: known.parcel.id }] } })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(filePath)
    const ids = (sheet: string) => workbook.getWorksheet(sheet)!.getColumn(1).values.slice(2)
    expect(ids('空中产业园')).toEqual([known.park.id])
    expect(ids('地块')).toEqual([known.parcel.id])
    // The park's host building comes with it, so its hosts refer to a row of the same file.
    expect(ids('楼宇')).toEqual([known.building.id])
    expect(ids('楼层空间').sort()).toEqual([known.vacant.id, known.leased.id].sort())
    expect(ids('租约')).toEqual([known.lease.id])
    expect(ids('入驻企业')).toEqual([known.tenant.id])
    expect(ids('区县')).toEqual(['210103'])
  }, 30_000)

  it('a saved search scopes the export and names the file; an unknown one is refused before any job', async () => {
    await addKnownRows(t.app)
    const search = await t.app.ok('savedSearches.create', { name: '数字经济', filter: { text: '测试地块' }, area: null })
    const { filePath, file } = await runExport(t.app, { format: 'geojson', scope: { kind: 'search', searchId: search.id } })
    expect(file.fileName).toMatch(/^招商资源_数字经济_/)
    const names = JSON.parse(fs.readFileSync(filePath, 'utf8')).features.map((f: { properties: { name: string } }) => f.properties.name)
    expect(names).toEqual(['测试地块'])
    const refused = await t.app.call('exports.start', { format: 'xlsx', scope: { kind: 'search', searchId: '00000000-0000-4000-8000-000000000000' } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found', field: 'searchId' } })
  })

  it('cancelling an export ends the job as cancelled and leaves no file behind', async () => {
    await t.app.ok('meta.finishOnboarding', { loadDemo: true })
    const { jobId } = await t.app.ok('exports.start', { format: 'xlsx' })
    await t.app.ok('jobs.cancel', { id: jobId })
    const job = await t.app.services.ctx.jobs.wait(jobId)
    expect(job?.state).toBe('cancelled')
    expect(job?.resultId).toBeNull()
    expect(fs.readdirSync(path.join(t.app.services.ctx.dataDir, 'exports'))).toEqual([])
  }, 30_000)

  it('sweeps exports older than a day when a new one starts; exports.get refuses unknown ids', async () => {
    const first = await runExport(t.app, { format: 'csv' })
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000)
    const dir = path.dirname(first.filePath)
    for (const name of fs.readdirSync(dir)) fs.utimesSync(path.join(dir, name), old, old)
    const second = await runExport(t.app, { format: 'csv' })
    expect(fs.existsSync(first.filePath)).toBe(false)
    expect(fs.existsSync(second.filePath)).toBe(true)
    expect(await t.app.call('exports.get', { id: first.file.id })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
