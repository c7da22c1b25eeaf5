import { z } from 'zod'
import { LAND_READINESS, LAND_USES, PARCEL_STATUSES } from '../domain'
import * as f from './common'

const position = z.tuple([f.lng, f.lat], { error: '地块边界：坐标应为 [经度, 纬度]' })
const ring = z.array(position).min(4, { error: '地块边界：每个环至少 4 个点（首尾相同）' })

/** A GeoJSON Polygon or MultiPolygon in WGS-84 (RFC 7946). */
export const boundary = z.union(
  [
    z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
    z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
  ],
  { error: '地块边界：应为 GeoJSON 多边形（Polygon 或 MultiPolygon）' },
)

export const parcelFields = z.strictObject({
  code: f.requiredText('地块编号', 50),
  name: f.requiredText('地块名称', 100),
  districtCode: f.districtCode(),
  address: f.optionalText('位置描述', 200),
  lng: f.lng.nullable().optional(),
  lat: f.lat.nullable().optional(),
  boundary: boundary.nullable().optional(),
  /** m²; when omitted and a boundary is given, computed from the boundary. */
  area: f.optionalArea('用地面积', 1e9),
  landUse: z.enum(LAND_USES, { error: '用地性质：不在可选范围内' }),
  plotRatioMin: f.nonNegativeNumber('容积率下限', 100).nullable().optional(),
  plotRatioMax: f.nonNegativeNumber('容积率上限', 100).nullable().optional(),
  buildingDensity: f.ratio('建筑密度').nullable().optional(),
  greenRatio: f.ratio('绿地率').nullable().optional(),
  heightLimit: f.positiveNumber('限高', 1000).min(1, { error: '限高：不能小于 1 米' }).nullable().optional(),
  readiness: z.enum(LAND_READINESS, { error: '土地状况：应为 净地 或 毛地' }).nullable().optional(),
  utilities: f.optionalText('配套条件', 100),
  status: z.enum(PARCEL_STATUSES, { error: '出让状态：不在可选范围内' }),
  /** 元/亩 in the store; the UI shows and takes 万元/亩. */
  referencePrice: f.nonNegativeNumber('参考价格', 1e12).nullable().optional(),
  targetIndustry: f.optionalText('意向产业', 200),
  contactName: f.optionalText('联系人', 50),
  contactPhone: f.phone('联系电话'),
  notes: f.optionalNotes('备注', 2000),
})

const plotRatioInOrder = (p: { plotRatioMin?: number | null; plotRatioMax?: number | null }) =>
  p.plotRatioMin == null || p.plotRatioMax == null || p.plotRatioMin <= p.plotRatioMax

export const parcelCreate = parcelFields.refine(plotRatioInOrder, {
  error: '容积率上限：不能小于下限',
  path: ['plotRatioMax'],
})
export const parcelUpdate = f
  .updateOf('地块', parcelFields)
  .refine(plotRatioInOrder, { error: '容积率上限：不能小于下限', path: ['plotRatioMax'] })
export const parcelList = z.strictObject({
  ...f.listQuery,
  landUse: z.enum(LAND_USES).optional(),
  status: z.enum(PARCEL_STATUSES).optional(),
})

export type ParcelCreate = z.input<typeof parcelCreate>
export type ParcelUpdate = z.input<typeof parcelUpdate>
export type Boundary = z.infer<typeof boundary>
