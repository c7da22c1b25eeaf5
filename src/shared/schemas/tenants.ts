import { z } from 'zod'
import { checkCreditCode } from '../creditCode'
import { INDUSTRY_SECTIONS } from '../domain'
import * as f from './common'

const creditCodeMessages = {
  length: '统一社会信用代码：应为 18 位',
  characters: '统一社会信用代码：含有不允许的字符（不使用 I、O、Z、S、V）',
  checksum: '统一社会信用代码：校验位不正确，请核对',
} as const

export const creditCode = z
  .string({ error: '统一社会信用代码：应为文字' })
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    if (code === '') return
    const problem = checkCreditCode(code)
    if (problem) ctx.addIssue({ code: 'custom', message: creditCodeMessages[problem] })
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
  notes: f.optionalText('备注', 2000),
})

export const tenantCreate = tenantFields
export const tenantUpdate = f.updateOf('企业', tenantFields)
export const tenantList = z.strictObject({
  q: z.string().trim().max(100).optional(),
  buildingId: z.string().uuid().optional(),
  includeDeleted: z.boolean().optional(),
})

export type TenantCreate = z.input<typeof tenantCreate>
export type TenantUpdate = z.input<typeof tenantUpdate>
