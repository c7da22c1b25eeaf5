import { z } from 'zod'
import { checkCreditCode } from '../creditCode'
import { INDUSTRY_SECTIONS } from '../domain'
import * as f from './common'

const creditCodeMessages = {
  length: '统一社会信用代码：应为 18 位',
  characters: '统一社会信用代码：含有不允许的字符（不使用 I、O、Z、S、V）',
} as const

export const creditCode = z
  .string({ error: '统一社会信用代码：应为文字' })
  .max(100, { error: creditCodeMessages.length, abort: true })
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    if (code === '') return
    // A check character that does not match is a warning the service asks the person to accept
    // (creditCodeCheckWarning), not a refusal: early pilot-area codes fail it yet are real.
    const problem = checkCreditCode(code)
    if (problem && problem !== 'checksum') ctx.addIssue({ code: 'custom', message: creditCodeMessages[problem] })
  })
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v))

export const tenantFields = z.strictObject({
  name: f.requiredText('企业名称', 100),
  creditCode,
  industry: z.enum(INDUSTRY_SECTIONS, { error: '所属行业：应为国民经济行业门类 A–T' }).nullable().optional(),
  aboveScale: z.boolean({ error: '规上企业：应为是或否' }).optional(),
  registeredInDistrict: z.boolean({ error: '注册在本区：应为是或否' }).optional(),
  annualTax: f.nonNegativeNumber('年纳税额', 1e12).nullable().optional(),
  staff: f.intInRange('员工人数', 0, 1_000_000).nullable().optional(),
  contactName: f.optionalText('联系人', 50),
  contactPhone: f.phone('联系电话'),
  notes: f.optionalNotes('备注', 2000),
  accept: f.accept,
})

export const tenantCreate = tenantFields
export const tenantUpdate = f.updateOf('企业', tenantFields)
export const tenantList = z.strictObject({
  q: f.queryText('搜索').optional(),
  buildingId: z.string().uuid().optional(),
  includeDeleted: z.boolean().optional(),
})

/** The tenant picker's search: part of the name, part of the credit code, or the name's pinyin initials. */
export const tenantSearch = z.strictObject({
  q: f.queryText('搜索'),
  limit: z.number().int().min(1).max(100).optional(),
})

/** The tenant list: search and filters, answered as one query with each tenant's buildings. */
export const tenantOverview = z.strictObject({
  q: f.queryText('搜索').optional(),
  industry: z.enum(INDUSTRY_SECTIONS, { error: '所属行业：应为国民经济行业门类 A–T' }).optional(),
  aboveScale: z.boolean().optional(),
  registeredInDistrict: z.boolean().optional(),
  /** Tenants with a current lease ending within this many months from today. */
  endingWithinMonths: z.union([z.literal(3), z.literal(6), z.literal(12)], { error: '租约到期：应为 3、6 或 12 个月' }).optional(),
})

export type TenantCreate = z.input<typeof tenantCreate>
export type TenantUpdate = z.input<typeof tenantUpdate>
