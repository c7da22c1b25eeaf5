import { ApiCallError } from '../../api/client'

export interface FormErrors {
  /** Top-level input field → message, for showing beside each field. */
  fields: Record<string, string>
  /** Every message, for the summary above the buttons. */
  messages: string[]
}

const none: FormErrors = { fields: {}, messages: [] }

/**
 * Reads a failed write's validation issues. Nested paths (`spaceIds.2`) are attached to their
 * top-level field, which is the control the user can fix.
 */
export function formErrorsOf(error: unknown): FormErrors {
  if (!error) return none
  if (!(error instanceof ApiCallError)) return { fields: {}, messages: [error instanceof Error ? error.message : String(error)] }
  const fields: Record<string, string> = {}
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    const top = path.split('.')[0]!
    fields[top] ??= message
  }
  const issues = error.error.issues?.map((i) => i.message) ?? [error.message]
  return { fields, messages: [...new Set(issues)] }
}
