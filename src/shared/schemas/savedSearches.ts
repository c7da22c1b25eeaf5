import { z } from 'zod'
import { mapAreaSchema, mapFilterSchema } from '../mapFilter'
import * as f from './common'

export const savedSearchFields = z.strictObject({
  name: f.requiredText('名称', 60),
  filter: mapFilterSchema,
  area: mapAreaSchema.nullable().optional(),
  notes: f.optionalNotes('备注', 500),
})

export const savedSearchCreate = savedSearchFields
export const savedSearchUpdate = f.updateOf('保存的查询', savedSearchFields)

export type SavedSearchCreate = z.input<typeof savedSearchCreate>
