import { CREDIT_CODE_CHECK_WARNING, creditCodeCheckWarning } from '../../../shared/creditCode'
import { requireAccepted, type Warning } from '../../../shared/result'

/** The warnings a credit code gives (its check character not matching), as requireAccepted takes them. */
export function creditCodeWarnings(code: string | null | undefined): Warning[] {
  const message = creditCodeCheckWarning(code)
  return message ? [{ code: CREDIT_CODE_CHECK_WARNING, field: 'creditCode', message }] : []
}

/** Refuses (needs_confirmation) a code whose check character does not match unless the person accepted it. */
export function requireAcceptedCreditCode(code: string | null | undefined, accepted: readonly string[] | undefined): void {
  requireAccepted(creditCodeWarnings(code), accepted)
}
