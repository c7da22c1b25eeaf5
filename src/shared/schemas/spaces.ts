import { z } from 'zod'
import { FIT_OUTS, SPACE_STATUSES } from '../domain'
import { canonicalFloorLabel } from '../floors'
import * as f from './common'

export const spaceFields = z.strictObject({
  buildingId: f.id('所属楼宇'),
  // 12, 12F and 12层 are one floor: stored as the canonical label (shared/floors.ts).
  floorLabel: f.requiredText('楼层', 20).transform(canonicalFloorLabel),
  unit: f.optionalText('单元', 50),
  area: f.area('面积', 1e6),
  status: z.enum(SPACE_STATUSES, { error: '状态：应为 空置/已租/已售/自用/意向 之一' }),
  askingRent: f.nonNegativeNumber('报价租金', 1000).nullable().optional(),
  fitOut: z.enum(FIT_OUTS, { error: '装修：应为 毛坯/简装/精装 之一' }).nullable().optional(),
  availableFrom: f.isoDate('可入驻日期').nullable().optional(),
  divisible: z.boolean({ error: '可分割：应为是或否' }).optional(),
  notes: f.optionalNotes('备注', 1000),
})

export const spaceCreate = spaceFields
export const spaceUpdate = f.updateOf('空间', spaceFields.omit({ buildingId: true }))
export const spaceList = z.strictObject({ buildingId: f.id('所属楼宇'), includeDeleted: z.boolean().optional() })

export type SpaceCreate = z.input<typeof spaceCreate>
export type SpaceUpdate = z.input<typeof spaceUpdate>
