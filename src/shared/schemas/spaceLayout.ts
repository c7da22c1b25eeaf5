import { z } from 'zod'
import { FIT_OUTS, SPACE_STATUSES } from '../domain'
import { parseFloorLabel } from '../floors'
import * as f from './common'

// Inputs of the writes that lay out a building's floors at once (stacking plan, keyboard grid):
// generate floors, set many spaces, split one, merge neighbours, copy a floor's layout.

/** Most storeys one call lays out: taller than any tower, small enough to answer at once. */
export const MAX_LAYOUT_FLOORS = 200
/** Most units a generated floor has. */
export const MAX_UNITS_PER_FLOOR = 50

const status = z.enum(SPACE_STATUSES, { error: '状态：应为 空置/已租/已售/自用/意向 之一' })

/** One storey typed as 12, 12F, 12层, B1 or 地下1层; read as its storey number (B1 = -1). */
export const oneStorey = (label: string) =>
  f.requiredText(label, 20).transform((typed, ctx) => {
    const storeys = parseFloorLabel(typed).storeys
    if (storeys?.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `${label}：“${typed}”不是一个楼层，应如 12、12F、B1` })
      return z.NEVER
    }
    return storeys[0]!
  })

export const spaceGenerateFloors = z.strictObject({
  buildingId: f.id('所属楼宇'),
  fromFloor: oneStorey('起始楼层'),
  toFloor: oneStorey('结束楼层'),
  unitsPerFloor: f.intInRange('每层单元数', 1, MAX_UNITS_PER_FLOOR),
  typicalArea: f.area('单元面积', 1e5),
  status: status.optional(),
})

export const spacePatch = z.strictObject({
  status: status.optional(),
  askingRent: f.nonNegativeNumber('报价租金', 1000).nullable().optional(),
  fitOut: z.enum(FIT_OUTS, { error: '装修：应为 毛坯/简装/精装 之一' }).nullable().optional(),
  availableFrom: f.isoDate('可入驻日期').nullable().optional(),
})

const spaceIds = (label: string, min: number) =>
  z
    .array(f.id(label), { error: `${label}：应为列表` })
    .min(min, { error: `${label}：至少选择 ${min} 个空间` })
    .max(5000, { error: `${label}：一次最多 5000 个空间` })

export const spaceBulkUpdate = z.strictObject({
  ids: spaceIds('空间', 1),
  patch: spacePatch.refine((p) => Object.values(p).some((v) => v !== undefined), { error: '修改内容：至少填写一项' }),
})

export const spaceSplit = z.strictObject({
  id: f.id('空间'),
  areas: z.tuple([f.area('第一部分面积', 1e6), f.area('第二部分面积', 1e6)], { error: '面积：应为两个数字' }),
  units: z.tuple([f.requiredText('第一部分单元', 50), f.requiredText('第二部分单元', 50)], { error: '单元：应为两个单元号' }).optional(),
})

export const spaceMerge = z.strictObject({
  ids: spaceIds('合并的空间', 2).max(50, { error: '合并的空间：一次最多 50 个' }),
  /** The space kept (one of ids); the lowest unit when omitted. Undoing a split keeps the original. */
  keepId: f.id('保留的空间').optional(),
  /** The kept space's unit afterwards; the units joined (501-502) when omitted. */
  unit: f.optionalText('单元', 50),
})

/** Undoes a merge in one write: the merged-away spaces, the kept one's unit and area, the lease links removed. */
export const spaceUnmerge = z.strictObject({
  keptId: f.id('保留的空间'),
  restoredIds: spaceIds('恢复的空间', 1).max(50, { error: '恢复的空间：一次最多 50 个' }),
  kept: z.strictObject({ unit: f.optionalText('单元', 50), area: f.area('面积', 1e6) }),
  links: z
    .array(z.strictObject({ leaseId: f.id('租约'), spaceId: f.id('空间') }), { error: '租约关联：应为列表' })
    .max(500, { error: '租约关联：一次最多 500 个' }),
})

/** Most spaces one deleteMany removes: every space a generated or copied block of floors made. */
export const MAX_DELETE_SPACES = 10000
export const spaceDeleteMany = z.strictObject({
  ids: z
    .array(f.id('空间'), { error: '空间：应为列表' })
    .min(1, { error: '空间：至少选择 1 个空间' })
    .max(MAX_DELETE_SPACES, { error: `空间：一次最多删除 ${MAX_DELETE_SPACES} 个空间` }),
})

export const spaceCopyFloor = z.strictObject({
  buildingId: f.id('所属楼宇'),
  fromFloor: f.requiredText('源楼层', 20),
  toFloors: z
    .array(oneStorey('目标楼层'), { error: '目标楼层：应为列表' })
    .min(1, { error: '目标楼层：至少选择一层' })
    .max(MAX_LAYOUT_FLOORS, { error: `目标楼层：一次最多 ${MAX_LAYOUT_FLOORS} 层` }),
})

export type SpaceGenerateFloors = z.input<typeof spaceGenerateFloors>
export type SpacePatch = z.output<typeof spacePatch>
export type SpaceBulkUpdate = z.input<typeof spaceBulkUpdate>
export type SpaceSplit = z.input<typeof spaceSplit>
export type SpaceMerge = z.input<typeof spaceMerge>
export type SpaceCopyFloor = z.input<typeof spaceCopyFloor>
export type SpaceUnmerge = z.input<typeof spaceUnmerge>
export type SpaceDeleteMany = z.input<typeof spaceDeleteMany>

/** What a layout write made and what it replaced: enough for the renderer to undo it. */
export interface SpacesCreated {
  ids: string[]
}
/** A space's settable fields before a bulk update, one entry per space that changed. */
export interface SpacePrevious {
  id: string
  status: (typeof SPACE_STATUSES)[number]
  askingRent: number | null
  fitOut: (typeof FIT_OUTS)[number] | null
  availableFrom: string | null
}
export interface SpacesUpdated {
  previous: SpacePrevious[]
}
export interface SpaceSplitResult {
  id: string
  createdId: string
  previous: { area: number; unit: string | null }
}
export interface SpaceMergeResult {
  /** The space kept (the lowest unit), now spanning the others. */
  id: string
  /** The spaces merged into it, now deleted (restorable). */
  deletedIds: string[]
  previous: { area: number; unit: string | null }
  /** The lease links of the merged-away spaces the merge removed: an undo puts them back. */
  links: Array<{ leaseId: string; spaceId: string }>
}
