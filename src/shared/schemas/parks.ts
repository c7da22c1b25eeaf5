import { z } from 'zod'
import { PARK_STATUSES } from '../domain'
import * as f from './common'

export const subParkInput = z.strictObject({
  id: f.id('分园').optional(),
  name: f.requiredText('分园名称', 100),
  theme: f.optionalText('分园主题', 100),
  area: f.optionalArea('分园面积', 1e8),
  /** Progress; null = as its park. */
  status: z.enum(PARK_STATUSES, { error: '分园进度：应为 规划中/装修中/运营中 之一' }).nullable().optional(),
})

export const parkHostInput = z.strictObject({
  id: f.id('载体楼宇').optional(),
  buildingId: f.id('载体楼宇'),
  floors: f.optionalText('所在楼层', 50),
  area: f.optionalArea('载体面积', 1e8),
})

export const parkFields = z.strictObject({
  name: f.requiredText('园区名称', 100),
  theme: f.requiredText('产业主题', 100),
  districtCode: f.districtCode(),
  /** Planned investment in yuan (the UI takes 亿元). */
  plannedInvestment: f.nonNegativeNumber('计划投资', 1e13).nullable().optional(),
  totalArea: f.optionalArea('总面积', 1e8),
  operator: f.optionalText('运营方', 100),
  status: z.enum(PARK_STATUSES, { error: '园区状态：应为 规划中/装修中/运营中 之一' }),
  contactName: f.optionalText('联系人', 50),
  contactPhone: f.phone('联系电话'),
  description: f.optionalNotes('简介', 2000),
  /** 占地面积, m² (亩均税收). */
  landArea: f.optionalArea('占地面积', 1e9),
  subParks: z.array(subParkInput).max(50, { error: '分园：最多 50 个' }).optional(),
  hosts: z.array(parkHostInput).max(50, { error: '载体楼宇：最多 50 个' }).optional(),
})

export const parkCreate = parkFields
export const parkUpdate = f.updateOf('园区', parkFields)
export const parkList = z.strictObject({ ...f.listQuery, status: z.enum(PARK_STATUSES).optional() })

export type ParkCreate = z.input<typeof parkCreate>
export type ParkUpdate = z.input<typeof parkUpdate>
