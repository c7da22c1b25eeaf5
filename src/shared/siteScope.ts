import { z } from 'zod'
import { mapAreaSchema, mapFilterSchema } from './mapFilter'
import * as f from './schemas/common'

// Which sites an inventory sheet or an export covers: the map's picks, a saved search, the map's
// current filter and drawn area, a whole district or cluster, or everything. One schema for the
// sheet, the exports and the command line, resolved by one service (services/scope).

export const siteRefSchema = z.strictObject({
  kind: z.enum(['building', 'parcel', 'park'], { error: '选择的资源：类型应为 楼宇/地块/园区' }),
  id: f.id('选择的资源'),
})

export const siteScope = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('all') }),
    z.strictObject({
      kind: z.literal('ids'),
      sites: z.array(siteRefSchema).min(1, { error: '选择的资源：至少选择一处' }).max(2000, { error: '选择的资源：最多 2000 处' }),
    }),
    z.strictObject({ kind: z.literal('search'), searchId: f.id('保存的查询') }),
    z.strictObject({ kind: z.literal('filter'), filter: mapFilterSchema, area: mapAreaSchema.nullable().optional() }),
    z.strictObject({ kind: z.literal('district'), districtCode: f.districtCode() }),
    z.strictObject({ kind: z.literal('cluster'), clusterId: f.id('聚集区') }),
  ],
  { error: '范围：应为 已选/保存的查询/当前筛选/区县/聚集区/全部 之一' },
)

export type SiteScope = z.infer<typeof siteScope>
