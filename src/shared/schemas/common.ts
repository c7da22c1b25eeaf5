import { z } from 'zod'
import { findTextProblem, normaliseText, type TextKind, textProblemMessage } from '../text'

// Field helpers whose messages name the field and the reason in Chinese, so that any host
// (renderer, CLI, import) can show a zod issue to the user as it is.

export const id = (label: string) =>
  z
    .string({ error: `${label}：必选` })
    .min(1, { error: `${label}：必选` })
    .max(36, { error: `${label}：编号格式不正确`, abort: true })
    .uuid({ error: `${label}：编号格式不正确` })

/**
 * A text field's rules (shared/text.ts): hostile characters refused with their position, then
 * invisible characters removed, trimmed and NFC. The length is checked on the text as stored.
 */
const text = (label: string, kind: TextKind, typeError: string, max: number) =>
  z
    .string({ error: typeError })
    // Far too long even before trimming: refused at once, without reading the text (a 10 MB body).
    .max(max * 2 + 100, { error: `${label}：不能超过 ${max} 个字`, abort: true })
    .superRefine((value, ctx) => {
      const problem = findTextProblem(value, kind)
      if (problem) ctx.addIssue({ code: 'custom', message: `${label}：${textProblemMessage(problem)}`, input: value })
    })
    .overwrite((value) => normaliseText(value, kind))

export const requiredText = (label: string, max = 100) =>
  text(label, 'line', `${label}：必填`, max)
    .min(1, { error: `${label}：必填` })
    .max(max, { error: `${label}：不能超过 ${max} 个字` })

const optional = (label: string, max: number, kind: TextKind) =>
  text(label, kind, `${label}：应为文字`, max)
    .max(max, { error: `${label}：不能超过 ${max} 个字` })
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v))

export const optionalText = (label: string, max = 200) => optional(label, max, 'line')

/** A multi-line field (a <textarea>: notes, descriptions): line breaks and tabs are kept. */
export const optionalNotes = (label: string, max = 2000) => optional(label, max, 'lines')

/** A search or filter text: the text rules, and at most `max` characters; '' when nothing is typed. */
export const queryText = (label: string, max = 100) =>
  text(label, 'line', `${label}：应为文字`, max).max(max, { error: `${label}：不能超过 ${max} 个字` })

export const positiveNumber = (label: string, max = 1e12) =>
  z
    .number({ error: `${label}：应为数字` })
    .finite({ error: `${label}：应为有限的数字` })
    .positive({ error: `${label}：应大于 0` })
    .max(max, { error: `${label}：数值过大（不超过 ${max}）` })

/**
 * The smallest area a record may have, m²: a storage room of about 1 m² is the smallest space
 * anyone leases, and no building, parcel or park is smaller. Below it is a unit typed wrong
 * (0.5 for 5 000 m² read as 万) or a machine's noise (5e-324).
 */
export const MIN_AREA = 1

/** An area in m², from MIN_AREA to `max`. */
export const area = (label: string, max: number) =>
  z
    .number({ error: `${label}：应为数字` })
    .finite({ error: `${label}：应为有限的数字` })
    .positive({ error: `${label}：应大于 0`, abort: true })
    .min(MIN_AREA, { error: `${label}：不能小于 ${MIN_AREA} m²` })
    .max(max, { error: `${label}：数值过大（不超过 ${max}）` })

/**
 * An area a record may leave unknown (a building's 占地面积, a park's 总面积 …): empty, or 0, is
 * null. 0 is how spreadsheets and versions before the 1 m² minimum recorded "not known" (占地面积
 * took 0), so an edit form sending a stored 0 back, or an import of such a sheet, is not refused.
 * Anything else is an area(). Not for a lease's area, where null means "the spaces' sum".
 */
export const optionalArea = (label: string, max: number) =>
  z
    .number({ error: `${label}：应为数字` })
    .finite({ error: `${label}：应为有限的数字` })
    .min(0, { error: `${label}：不能为负数`, abort: true })
    .refine((v) => v === 0 || v >= MIN_AREA, { error: `${label}：不能小于 ${MIN_AREA} m²`, abort: true })
    .max(max, { error: `${label}：数值过大（不超过 ${max}）` })
    .transform((v) => (v === 0 ? null : v))
    .nullable()
    .optional()

export const nonNegativeNumber = (label: string, max = 1e12) =>
  z
    .number({ error: `${label}：应为数字` })
    .finite({ error: `${label}：应为有限的数字` })
    .min(0, { error: `${label}：不能为负数` })
    .max(max, { error: `${label}：数值过大（不超过 ${max}）` })

export const intInRange = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}：应为整数` })
    .int({ error: `${label}：应为整数` })
    .min(min, { error: `${label}：不能小于 ${min}` })
    .max(max, { error: `${label}：不能大于 ${max}` })

export const ratio = (label: string) =>
  z
    .number({ error: `${label}：应为数字` })
    .min(0, { error: `${label}：应在 0 到 1 之间` })
    .max(1, { error: `${label}：应在 0 到 1 之间` })

// Dates a record can sensibly hold: no building, lease or visit a bureau records is older than
// 1900 (completion years already start there), and a year past 2100 is a typo (2205 for 2025).
// Within these, date arithmetic (months added, years compared) never leaves four-digit years.
export const MIN_DATE = '1900-01-01'
export const MAX_DATE = '2100-12-31'

export const isoDate = (label: string) =>
  z
    .string({ error: `${label}：应为日期` })
    .max(10, { error: `${label}：日期应按 年-月-日 填写，如 2025-06-01`, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}：日期应按 年-月-日 填写，如 2025-06-01` })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: `${label}：不是有效日期`,
    })
    .refine((s) => s >= MIN_DATE && s <= MAX_DATE, { error: `${label}：应在 1900-01-01 至 2100-12-31 之间` })

export const phone = (label: string) =>
  z
    .string({ error: `${label}：应为文字` })
    .max(100, { error: `${label}：只能包含数字、空格和 + - ( )`, abort: true })
    .trim()
    .regex(/^$|^[0-9+\-()（） ]{5,30}$/, { error: `${label}：只能包含数字、空格和 + - ( )` })
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v))

/** Province-level prefixes of GB/T 2260 (11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门). */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
])

/**
 * A county-level GB/T 2260 code: a real province prefix and not a province or city code (which
 * end in 00). Whether the code exists is not checked: districts are created and renamed every
 * year, and a bureau must be able to add one newer than the built-in list.
 */
export const isCountyLevelCode = (code: string) => PROVINCE_PREFIXES.has(code.slice(0, 2)) && !code.endsWith('00')

/**
 * A six-digit district code. Nothing chosen (missing or '', as an unchosen <select> sends it) asks
 * for a choice, `empty`: a person who left 区县 blank needs no lesson in GB/T 2260.
 */
export const districtCode = (label = '所属区县', empty = '请选择区县') =>
  z.string({ error: `${label}：${empty}` }).regex(/^\d{6}$/, {
    error: (issue) => (issue.input === '' ? `${label}：${empty}` : `${label}：应为 6 位行政区划代码（GB/T 2260）`),
  })

// Longitude and latitude in WGS-84. The bounds are China's extent with a margin: a point outside
// is almost always swapped axes or a typo.
export const lng = z
  .number({ error: '经度：应为数字' })
  .min(73, { error: '经度：应在 73 到 136 之间（中国境内，WGS-84）' })
  .max(136, { error: '经度：应在 73 到 136 之间（中国境内，WGS-84）' })
export const lat = z
  .number({ error: '纬度：应为数字' })
  .min(3, { error: '纬度：应在 3 到 54 之间（中国境内，WGS-84）' })
  .max(54, { error: '纬度：应在 3 到 54 之间（中国境内，WGS-84）' })

/**
 * An identifier a program made, not a person (a row id, a district code, a warning code, a stamp):
 * letters, digits and . _ : - only, so none carries text into a query or a message.
 */
export const token = (label: string, max = 64) =>
  z
    .string({ error: `${label}：应为编号` })
    .min(1, { error: `${label}：必选` })
    .max(max, { error: `${label}：编号过长`, abort: true })
    .regex(/^[0-9A-Za-z_.:-]+$/, { error: `${label}：编号格式不正确` })

/** The codes of warnings the person accepted (shared/result.ts Warning); add to an input that can warn. */
export const accept = z
  .array(token('确认'), { error: '确认：应为列表' })
  .max(20, { error: '确认：最多 20 项' })
  .optional()

export const byId = (label: string) => z.strictObject({ id: id(label) })

export const listQuery = {
  q: queryText('搜索').optional(),
  districtCode: z.string().max(6).regex(/^\d{6}$/).optional(),
  includeDeleted: z.boolean().optional(),
}

/** Makes every field of a create schema optional and adds the id, for partial updates. */
export function updateOf<T extends z.ZodRawShape>(label: string, shape: z.ZodObject<T>) {
  return shape.partial().extend({ id: id(label) }).strict()
}
