import { z } from 'zod'
import { PHOTO_OWNER_KINDS } from '../photos'
import * as f from './common'

// Inputs of the photo methods.

const owner = {
  ownerKind: z.enum(PHOTO_OWNER_KINDS, { error: '照片所属：应为 楼宇、地块 或 园区' }),
  ownerId: f.id('照片所属'),
}

export const photoList = z.strictObject(owner)
export const photoAdd = z.strictObject({
  ...owner,
  uploadId: f.id('上传文件'),
  caption: f.optionalText('照片说明', 200),
  /** Keep the file as it came beside the downscaled image (a data file grows by its full size). */
  keepOriginal: z.boolean({ error: '保留原图：应为 是 或 否' }).optional(),
})
export const photoUpdate = z.strictObject({
  id: f.id('照片'),
  caption: f.optionalText('照片说明', 200),
  sortOrder: f.intInRange('排序', 0, 10_000).optional(),
})
