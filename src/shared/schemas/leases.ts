import { z } from 'zod'
import * as f from './common'

/** Most spaces one lease covers. */
export const MAX_LEASE_SPACES = 500

export const leaseFields = z.strictObject({
  tenantId: f.id('入驻企业'),
  spaceIds: z
    .array(f.id('租赁空间'), { error: '租赁空间：应为列表' })
    .min(1, { error: '租赁空间：至少选择一个空间' })
    .max(MAX_LEASE_SPACES, { error: `租赁空间：一份租约最多 ${MAX_LEASE_SPACES} 个空间` }),
  startDate: f.isoDate('起租日期').nullable().optional(),
  endDate: f.isoDate('到期日期').nullable().optional(),
  /** Leased area in m²; when omitted, the sum of the chosen spaces' areas. */
  area: f.area('租赁面积', 1e6).nullable().optional(),
  rent: f.nonNegativeNumber('租金', 1000).nullable().optional(),
  notes: f.optionalNotes('备注', 1000),
  /** Warnings accepted: 'lease.overlap' (another lease on a space in the period), 'lease.areaExceeds'. */
  accept: f.accept,
})

const datesInOrder = (l: { startDate?: string | null; endDate?: string | null }) =>
  !l.startDate || !l.endDate || l.startDate <= l.endDate

export const leaseCreate = leaseFields.refine(datesInOrder, { error: '到期日期：不能早于起租日期', path: ['endDate'] })
export const leaseUpdate = f
  .updateOf('租约', leaseFields.omit({ tenantId: true }))
  .refine(datesInOrder, { error: '到期日期：不能早于起租日期', path: ['endDate'] })
/** A new term continuing the lease: same tenant and spaces; the start defaults to the day after the old end. */
export const leaseRenew = z
  .strictObject({
    id: f.id('租约'),
    startDate: f.isoDate('续租起租日期').nullable().optional(),
    endDate: f.isoDate('续租到期日期'),
    area: f.area('租赁面积', 1e6).nullable().optional(),
    rent: f.nonNegativeNumber('租金', 1000).nullable().optional(),
    notes: f.optionalNotes('备注', 1000),
    accept: f.accept,
  })
  .refine(datesInOrder, { error: '续租到期日期：不能早于续租起租日期', path: ['endDate'] })

/** Ending a lease early: its last day; the spaces fall vacant from the day after. */
export const leaseEnd = z.strictObject({ id: f.id('租约'), endDate: f.isoDate('退租日期') })

export const TENANCY_SCOPES = ['building', 'cluster', 'district'] as const
const scopeKind = z.enum(TENANCY_SCOPES, { error: '范围：应为楼宇、聚集区或区县' })
const scopeId = f.token('范围')

export const leaseComingFree = z.strictObject({
  months: z.union([z.literal(3), z.literal(6), z.literal(12)], { error: '时间范围：应为 3、6 或 12 个月' }),
  scope: z.strictObject({ kind: scopeKind, id: scopeId }).optional(),
})

export const tenancyAsOf = z.strictObject({ scope: scopeKind, id: scopeId, date: f.isoDate('日期') })

export const leaseList = z.strictObject({
  buildingId: z.string().uuid().optional(),
  tenantId: z.string().uuid().optional(),
  includeDeleted: z.boolean().optional(),
})

export type LeaseCreate = z.input<typeof leaseCreate>
export type LeaseUpdate = z.input<typeof leaseUpdate>
export type LeaseRenew = z.input<typeof leaseRenew>
export type TenancyScope = (typeof TENANCY_SCOPES)[number]
