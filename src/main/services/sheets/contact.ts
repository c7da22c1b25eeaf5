import { DomainError } from '../../../shared/result'
import { sheetContactSchema } from '../../../shared/sheets'

/**
 * The 'sheet.contact' setting is JSON of SheetContact; settings.set takes any text, so that key's
 * value is checked here before it is stored: the cover never reads a shape it does not know.
 */
export function checkSheetContactJson(value: string): string {
  let json: unknown
  try {
    json = JSON.parse(value)
  } catch {
    throw new DomainError('invalid', '清单联系人：不是有效的 JSON', 'value')
  }
  const parsed = sheetContactSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') ?? ''
    const message = issue?.message && /：/.test(issue.message) ? issue.message : `清单联系人：应包含 单位、联系人、电话、地址（${field || '格式'}有误）`
    throw new DomainError('invalid', message, field ? `value.${field}` : 'value')
  }
  return JSON.stringify(parsed.data)
}
