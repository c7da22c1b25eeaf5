import { describe, expect, it } from 'vitest'
import turfArea from '@turf/area'
import { toWgs84 } from '../../src/shared/coordinates'
import { SQUARE_METRES_PER_MU } from '../../src/shared/domain'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { type GisFeature, type Ring, writeCsv, writeGeoJson, writeKml, writeShapefileZip, writeXlsx } from '../helpers/importFiles'
import { runImportJob } from '../helpers/importSheets'

// Files as bureaus hand them over, through the real readers: a GB18030 CSV saved by WPS, a workbook
// with a district merged down its rows, and parcel boundaries as GeoJSON, KML and a zipped shapefile.

const ring = (lng: number, lat: number, d = 0.003): Ring => [[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]

describe('importing the files bureaus hand over', () => {
  const t = freshAppPerTest()

  it('a GB18030 CSV with a title, full-width digits, units in cells, hectares and a totals row', async () => {
    const file = writeCsv(t.dir, '出让地块.csv', [
      ['浑南区2024年拟出让地块'],
      ['宗地编号', '宗地名称', '所属区县', '出让面积', '土地用途', '供地状态', '容积率', '出让底价（元/亩）'],
      ['ＨＮ－０１', '创新路地块', '浑南区', '3.6公顷', '工业', '拟出让', '≤2.0', '1,200,000'],
      ['HN-02', '智慧谷地块', '沈阳市浑南区', '５０亩', 'M0', '挂牌', '1.5～3.0', '150万元/亩'],
      ['HN-03', '约数地块', '210112', '约2000㎡', '物流仓储', '储备', null, null],
      ['合计', null, null, null, null, null, null, null],
    ], { encoding: 'gb18030' })
    const uploadId = await pickFile(t.app, file)
    const inspection = await t.app.ok('imports.inspect', { uploadId })
    expect(inspection).toMatchObject({ format: 'csv', encoding: 'gb18030' })
    expect(inspection.sheets[0]).toMatchObject({ headerRow: 2, rows: 3, suggestedKind: 'parcels' })
    const preview = await t.app.ok('imports.preview', { uploadId })
    expect(preview.rejected).toEqual([])
    expect(preview.warnings).toEqual([{ row: 5, column: '出让面积', message: '出让面积：约数，按 2000㎡ 导入' }])
    expect((await runImportJob(t.app, file)).state).toBe('done')
    const parcels = await t.app.ok('parcels.list', {})
    const byCode = Object.fromEntries(parcels.map((p) => [p.code, p]))
    expect(Object.keys(byCode).sort()).toEqual(['HN-01', 'HN-02', 'HN-03'])
    expect(byCode['HN-01']).toMatchObject({ name: '创新路地块', districtCode: '210112', area: 36000, landUse: 'industrial', status: 'preparing', plotRatioMin: null, plotRatioMax: 2, referencePrice: 1_200_000 })
    expect(byCode['HN-02']).toMatchObject({ landUse: 'm0', status: 'listed', plotRatioMin: 1.5, plotRatioMax: 3, referencePrice: 1_500_000 })
    expect(byCode['HN-02']!.area).toBeCloseTo(50 * SQUARE_METRES_PER_MU, 2)
    expect(byCode['HN-03']).toMatchObject({ area: 2000, landUse: 'logistics', status: 'reserve' })
  })

  it('a workbook whose district is merged down the rows of its buildings', async () => {
    const file = await writeXlsx(t.dir, '楼宇.xlsx', [{
      name: '重点楼宇',
      rows: [
        ['重点楼宇台账'],
        ['序号', '所属区县', '楼宇名称', '总建筑面积（万平方米）', '可租面积', '空置面积'],
        [1, '沈河区', '华润大厦', 5, 42000, 8000],
        [2, null, '恒隆广场', 12, 60000, 15000],
        [3, '和平区', '华府天地', 3.2, 20000, 2000],
        ['总计', null, null, 20.2, 122000, 25000],
      ],
      merges: ['A1:F1', 'B3:B4'],
    }])
    const job = await runImportJob(t.app, file)
    expect(job).toMatchObject({ state: 'done', message: '已导入：新增 3，更新 0' })
    const buildings = await t.app.ok('buildings.list', {})
    expect(buildings.map((b) => [b.name, b.districtCode, b.totalArea, b.leasableArea, b.vacantArea]).sort()).toEqual([
      ['华府天地', '210102', 32000, 20000, 2000],
      ['华润大厦', '210103', 50000, 42000, 8000],
      ['恒隆广场', '210103', 120000, 60000, 15000],
    ])
  })

  for (const format of ['geojson', 'kml', 'shp'] as const) {
    it(`parcel boundaries from ${format}: a listed code gets its boundary, a new feature becomes a parcel`, async () => {
      const { id } = await t.app.ok('parcels.create', { code: 'SH-01', name: '青年大街北地块', districtCode: '210103', landUse: 'commercial', status: 'preparing', area: 30000, lng: 123.44, lat: 41.79 })
      const listed = ring(123.441, 41.791)
      const fresh = ring(123.5, 41.85)
      const features: GisFeature[] = [
        { properties: { 地块编号: 'SH-01', name: '青年大街北地块' }, polygon: listed },
        { properties: { 地块编号: 'SH-02', name: '新地块', 用地性质: '商服', 出让状态: '储备' }, polygon: fresh },
      ]
      const file = format === 'geojson'
        ? writeGeoJson(t.dir, '地块.geojson', features)
        : format === 'kml' ? writeKml(t.dir, '地块.kml', features) : writeShapefileZip(t.dir, '地块.zip', features)
      const crs = format === 'geojson' ? 'gcj02' : 'wgs84'
      const job = await runImportJob(t.app, file, { crs, districtCode: '210103' })
      expect(job).toMatchObject({ state: 'done', message: '已导入：新增 1，更新 1' })
      const convert = (r: Ring) => r.map((p) => (crs === 'gcj02' ? toWgs84(p, 'gcj02') : p))
      const old = await t.app.ok('parcels.get', { id })
      expect(old).toMatchObject({ area: 30000, lng: 123.44, lat: 41.79, name: '青年大街北地块' })
      // The same corners (a shapefile's ring comes back wound the other way).
      const stored = old.boundary!.coordinates[0] as Array<[number, number]>
      expect(stored).toHaveLength(5)
      for (const p of convert(listed)) expect(stored.some((q) => Math.abs(q[0] - p[0]) < 1e-6 && Math.abs(q[1] - p[1]) < 1e-6)).toBe(true)
      const created = (await t.app.ok('parcels.list', {})).find((p) => p.code === 'SH-02')!
      expect(created).toMatchObject({ name: '新地块', districtCode: '210103', landUse: 'commercial', status: 'reserve' })
      expect(created.area).toBeCloseTo(turfArea(created.boundary!), 1)
      const corners = convert(fresh).slice(0, 4)
      expect(created.lng).toBeCloseTo(corners.reduce((s, p) => s + p[0], 0) / 4, 6)
      expect(created.lat).toBeCloseTo(corners.reduce((s, p) => s + p[1], 0) / 4, 6)
    })
  }
})
