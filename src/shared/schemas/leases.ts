import { z } from 'zod'
import * as f from './common'

export const leaseFields = z.strictObject({
  tenantId: f.id('入驻企业'),
  spaceIds: z.array(f.id('租赁空间'), { error: '租赁空间：应为列表' }).min(1, { error: '租赁空间：至少选择一个空间' }).max(500),
  startDate: f.isoDate('起租日期').nullable().optional(),
  endDate: f.isoDate('到期日期').nullable().optional(),
  /** Leased area in m²; when omitted, the sum of the chosen spaces' areas. */
  area: f.positiveNumber('租赁面积', 1e6).nullable().optional(),
  rent: f.nonNegativeNumber('租金', 1000).nullable().optional(),
  notes: f.optionalText('备注', 1000),
})

const datesInOrder = (l: { startDate?: string | null; endDate?: string | null }) =>
  !l.startDate || !l.endDate || l.startDate <= l.endDate

export const leaseCreate = leaseFields.refine(datesInOrder, { error: '到期日期：不能早于起租日期', path: ['endDate'] })
export const leaseUpdate = f
  .updateOf('租约', leaseFields.omit({ tenantId: true }))
  .refine(datesInOrder, { error: '到期日期：不能早于起租日期', path: ['endDate'] })
export const leaseList = z.strictObject({
  buildingId: z.string().uuid().optional(),
  tenantId: z.string().uuid().optional(),
  includeDeleted: z.boolean().optional(),
})

export type LeaseCreate = z.input<typeof leaseCreate>
export type LeaseUpdate = z.input<typeof leaseUpdate>
