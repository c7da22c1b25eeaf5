import path from 'node:path'
import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { toWgs84 } from '../../src/shared/coordinates'
import { SQUARE_METRES_PER_MU } from '../../src/shared/domain'
import { runImport } from '../../src/main/services/imports/handlers'
import { GEOMETRY_HEADER, type RawTable } from '../../src/main/services/imports/table'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { runImportJob, writeWorkbook } from '../helpers/importSheets'

// A land bureau's parcel list (亩 in the header, 公顷 in a cell, ranges, percentages, 万元/亩) and
// the planning bureau's boundaries for parcels already listed (GIS features in GCJ-02).

const HEADER = ['地块编号', '地块名称', '行政区', '用地面积（亩）', '用地性质', '容积率', '建筑密度', '绿地率', '限高', '出让状态', '起始价（万元/亩）', '意向产业', '土地现状', '经度', '纬度']
const sheet = () => [
  ['2024年度拟出让地块清单', null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  HEADER,
  ['SH-2024-01', '青年大街北地块', '沈河区', 363, '新型产业用地（M0）', '2.5-3.2', '35%', 0.3, 100, '待出让', 120, '数字经济', '净地', 123.45, 41.8],
  ['SH-2024-02', '浑河南地块', '浑南区', '3.6公顷', '商服', 2, null, null, null, '挂牌', '80', null, '毛地', null, null],
  ['SH-2024-01', '重复地块', '沈河区', 10, '工业', 1, null, null, null, '储备', null, null, null, null, null],
  ['SH-2024-03', '负面积地块', '沈河区', -5, '工业', 1, null, null, null, '储备', null, null, null, null, null],
  ['SH-2024-04', '状态不明地块', '沈河区', 10, '仓储', 1, null, null, null, '已售', null, null, null, null, null],
  ['SH-2024-05', '坐标错误地块', '沈河区', 10, 'M1', 1, null, null, null, '已出让', null, null, null, 12.3, 41.8],
  ['小计', null, null, 386.6, null, null, null, null, null, null, null, null, null, null, null],
]

const square = (lng: number, lat: number, d = 0.002): Polygon => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]],
})

describe('importing parcels', () => {
  const t = freshAppPerTest()

  it('reads units, ranges and vocabulary, and reports each bad row', async () => {
    const file = await writeWorkbook(path.join(t.dir, '地块.xlsx'), { 地块: sheet() })
    const uploadId = await pickFile(t.app, file)
    const preview = await t.app.ok('imports.preview', { uploadId })
    expect(preview).toMatchObject({ kind: 'parcels', total: 6, created: 2, updated: 0 })
    expect(preview.rejected).toEqual([
      { row: 5, column: '地块编号', message: '地块编号：与第 3 行重复' },
      { row: 6, column: '用地面积（亩）', message: '用地面积：不能为负数' },
      { row: 7, column: '出让状态', message: '出让状态：不认识“已售”，可填：储备、出让准备、出让公示、已出让' },
      { row: 8, column: '经度', message: '经度：应在 73 到 136 之间（中国境内，WGS-84）' },
    ])
    const job = await runImportJob(t.app, file, { skipInvalid: true })
    expect(job).toMatchObject({ state: 'done', message: '已导入：新增 2，更新 0，跳过 4 行有问题的数据' })
    const parcels = await t.app.ok('parcels.list', {})
    const a = parcels.find((p) => p.code === 'SH-2024-01')!
    expect(a).toMatchObject({
      name: '青年大街北地块', districtCode: '210103', landUse: 'm0', plotRatioMin: 2.5, plotRatioMax: 3.2, buildingDensity: 0.35,
      greenRatio: 0.3, heightLimit: 100, status: 'preparing', referencePrice: 1_200_000, targetIndustry: '数字经济', readiness: 'cleared',
      lng: 123.45, lat: 41.8, boundary: null,
    })
    expect(a.area).toBeCloseTo(363 * SQUARE_METRES_PER_MU, 2)
    const b = parcels.find((p) => p.code === 'SH-2024-02')!
    expect(b).toMatchObject({ districtCode: '210112', area: 36000, landUse: 'commercial', plotRatioMin: 2, plotRatioMax: 2, status: 'listed', referencePrice: 800_000, readiness: 'uncleared' })
  })

  it('takes boundaries from GIS features: a code already listed gets its boundary, converted to WGS-84', async () => {
    const file = await writeWorkbook(path.join(t.dir, '地块.xlsx'), { 地块: sheet().slice(0, 4) })
    expect((await runImportJob(t.app, file)).state).toBe('done')
    const gcj = square(123.4561, 41.7902)
    const line = { type: 'LineString' as const, coordinates: [[123.1, 41.1], [123.2, 41.2]] }
    const gis: RawTable = {
      format: 'geojson',
      encoding: null,
      sheets: [{
        name: '规划地块',
        rows: [
          ['DKBH', 'DKMC', GEOMETRY_HEADER],
          ['SH-2024-02', null, { geometry: gcj }],
          ['NEW-9', '新地块', { geometry: square(123.5, 41.9) }],
          ['SH-2024-01', null, { geometry: line }],
        ],
      }],
    }
    const refused = runImport(t.app.services.ctx, gis, '规划地块.geojson', { kind: 'parcels', crs: 'gcj02' })
    await expect(refused).rejects.toMatchObject({ preview: { updated: 1, created: 0 } })
    const preview = await refused.catch((e: { preview: unknown }) => e.preview)
    expect((preview as { rejected: unknown }).rejected).toEqual([
      { row: 3, column: null, message: '所属区县：必填（或在导入时选择默认区县）' },
      { row: 4, column: GEOMETRY_HEADER, message: '地块边界：应为多边形（Polygon 或 MultiPolygon），文件中是 LineString' },
    ])
    const { preview: done } = await runImport(t.app.services.ctx, gis, '规划地块.geojson', { kind: 'parcels', crs: 'gcj02', districtCode: '210103' , mapping: {} }, { skipInvalid: true })
    expect(done).toMatchObject({ updated: 1, created: 0 })
    expect(done.rejected.map((p) => p.row)).toEqual([3, 3, 4])
    const b = (await t.app.ok('parcels.list', {})).find((p) => p.code === 'SH-2024-02')!
    const expected = gcj.coordinates[0]!.map(([x, y]) => toWgs84([x!, y!], 'gcj02'))
    b.boundary!.coordinates[0]!.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(expected[i]![0], 6)
      expect(p[1]).toBeCloseTo(expected[i]![1], 6)
    })
    // The listed area stays (the transfer notice's figure); the position comes from the boundary.
    expect(b.area).toBe(36000)
    expect(b.lng).toBeCloseTo((expected[0]![0] * 2 + expected[1]![0] * 2) / 4 + 0, 3)
  })
})
