/** Every API answer is a value, never a thrown error across a process boundary. */
export type ErrorCode =
  | 'invalid' // input failed validation; `field` names the offending field
  | 'not_found'
  | 'conflict' // e.g. a duplicate parcel code or credit code
  | 'unknown_method'
  | 'unauthorized'
  | 'not_empty'
  | 'internal'

export interface ApiError {
  code: ErrorCode
  /** Dotted path of the offending input field, e.g. `spaces.2.area`. */
  field?: string
  /** A sentence in the user's language (Simplified Chinese) saying what is wrong and why. */
  message: string
  /** For validation errors: every offending field, so a form can mark them all at once. */
  issues?: Array<{ field: string; message: string }>
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
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.field = field
  }
  toApiError(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, field: this.field, message: this.message }
  }
}
