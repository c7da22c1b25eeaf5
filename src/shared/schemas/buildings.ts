import { z } from 'zod'
import { BUILDING_GRADES, BUILDING_KINDS, OWNERSHIPS } from '../domain'
import * as f from './common'

export const buildingFields = z.strictObject({
  name: f.requiredText('楼宇名称', 100),
  address: f.optionalText('地址', 200),
  districtCode: f.districtCode(),
  clusterId: f.id('所属聚集区').nullable().optional(),
  lng: f.lng.nullable().optional(),
  lat: f.lat.nullable().optional(),
  grade: z.enum(BUILDING_GRADES, { error: '楼宇等级：应为 超甲级/甲级/乙级/丙级 之一' }).nullable().optional(),
  kind: z.enum(BUILDING_KINDS, { error: '楼宇类型：不在可选范围内' }).optional(),
  floorsAbove: f.intInRange('地上层数', 0, 200).nullable().optional(),
  floorsBelow: f.intInRange('地下层数', 0, 20).nullable().optional(),
  totalArea: f.optionalArea('总建筑面积', 1e8),
  yearBuilt: f.intInRange('建成年份', 1900, 2100).nullable().optional(),
  owner: f.optionalText('产权方', 100),
  propertyManager: f.optionalText('物业公司', 100),
  ownership: z.enum(OWNERSHIPS, { error: '产权形式：应为 整体持有 或 分散产权' }).nullable().optional(),
  propertyFee: f.nonNegativeNumber('物业费', 1000).nullable().optional(),
  contactName: f.optionalText('联系人', 50),
  contactPhone: f.phone('联系电话'),
  notes: f.optionalNotes('备注', 2000),
  /** 占地面积, m² (亩均税收). */
  landArea: f.optionalArea('占地面积', 1e9),
})

export const buildingCreate = buildingFields.refine((b) => (b.lng == null) === (b.lat == null), {
  error: '位置：经度和纬度需同时填写',
  path: ['lng'],
})
export const buildingUpdate = f.updateOf('楼宇', buildingFields)

export const buildingList = z.strictObject({
  ...f.listQuery,
  clusterId: z.string().uuid().optional(),
  kind: z.enum(BUILDING_KINDS).optional(),
  grade: z.enum(BUILDING_GRADES).optional(),
})

export type BuildingCreate = z.input<typeof buildingCreate>
export type BuildingUpdate = z.input<typeof buildingUpdate>
