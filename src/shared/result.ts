/** Every API answer is a value, never a thrown error across a process boundary. */
export type ErrorCode =
  | 'invalid' // input failed validation; `field` names the offending field
  | 'not_found'
  | 'conflict' // e.g. a duplicate parcel code or credit code
  | 'unknown_method'
  | 'unauthorized'
  | 'not_empty'
  | 'internal'
  | 'needs_confirmation' // nothing written: the input is allowed but has warnings the person must accept
  | 'store_unavailable' // the data file failed its start-up check (or is being restored): only backup.* answer

export interface ApiError {
  code: ErrorCode
  /** Dotted path of the offending input field, e.g. `spaces.2.area`. */
  field?: string
  /** A sentence in the user's language (Simplified Chinese) saying what is wrong and why. */
  message: string
  /** For validation errors: every offending field, so a form can mark them all at once. */
  issues?: Array<{ field: string; message: string }>
  /** For needs_confirmation: what to accept; send their codes back in the input's `accept`. */
  warnings?: Warning[]
  /** The record where the refusal is fixed (e.g. the lease whose end date frees a space), for a link to it. */
  related?: { kind: 'lease'; id: string }
}

/**
 * Something allowed but unusual (a credit code whose check character does not match, leases that
 * overlap on a space): the write is refused with code needs_confirmation until the person accepts
 * each warning by sending its code in the input's `accept` list.
 */
export interface Warning {
  /** Stable identifier, e.g. 'creditCode.checkDigit', 'lease.overlap'. */
  code: string
  field?: string
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(error: ApiError): Result<never> {
  return { ok: false, error }
}

/** Thrown inside services and turned into an envelope by the dispatcher. */
export class DomainError extends Error {
  readonly code: ErrorCode
  readonly field?: string
  readonly warnings?: Warning[]
  /** See ApiError.related. */
  related?: ApiError['related']
  constructor(code: ErrorCode, message: string, field?: string, warnings?: Warning[]) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.field = field
    this.warnings = warnings
  }
  toApiError(): ApiError {
    const error: ApiError = this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, field: this.field, message: this.message }
    if (this.warnings) error.warnings = this.warnings
    if (this.related) error.related = this.related
    return error
  }
}

/**
 * Refuses the write (inside its transaction, so nothing is kept) unless every warning's code is in
 * `accepted`. Call it after the checks that find the warnings and before writing.
 */
export function requireAccepted(warnings: Warning[], accepted: readonly string[] | undefined): void {
  const open = warnings.filter((w) => !accepted?.includes(w.code))
  if (open.length === 0) return
  throw new DomainError('needs_confirmation', open.map((w) => w.message).join('；'), open[0]!.field, open)
}
