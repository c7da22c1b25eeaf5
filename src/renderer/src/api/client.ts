import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api'
import type { ApiError } from '../../../shared/result'
import { detectTransport, type Transport } from './transport'

/** An error envelope turned into something a component can throw and a form can read. */
export class ApiCallError extends Error {
  readonly error: ApiError
  constructor(error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
    this.error = error
  }
  /** Field path → message, for showing validation errors beside each field. */
  fieldErrors(): Record<string, string> {
    const issues = this.error.issues ?? (this.error.field ? [{ field: this.error.field, message: this.error.message }] : [])
    return Object.fromEntries(issues.filter((i) => i.field).map((i) => [i.field, i.message]))
  }
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

export function createClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const result = await transport.call(method, input)
      if (!result.ok) throw new ApiCallError(result.error)
      return result.value as never
    },
  }
}

/** The one client of the app. Components never use it directly: feature hooks do. */
export const api = createClient(detectTransport())
