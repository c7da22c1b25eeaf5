import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api'
import type { ApiError } from '../../../shared/result'
import { detectTransport, type Transport, type UploadProgress } from './transport'

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
  /** Hands a file the user chose to the host; throws ApiCallError like call. */
  upload(file: File, onProgress?: UploadProgress): Promise<{ uploadId: string }>
  /** The URL of an asset the host serves: a basemap's tile template (`tilePath`), a photo (`path`). */
  assetUrl(assetPath: string): string
  /** Saves a finished export: a download (browser) or a save dialog (Electron); false when the person cancelled. */
  saveAsset(assetPath: string, fileName: string): Promise<{ saved: boolean }>
  /** Prints the current page to PDF (see Transport.print); null path when nothing was saved. */
  printToPdf(fileName: string): Promise<{ filePath: string | null }>
}

export function createClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const result = await transport.call(method, input)
      if (!result.ok) throw new ApiCallError(result.error)
      return result.value as never
    },
    async upload(file, onProgress) {
      const result = await transport.upload(file, onProgress)
      if (!result.ok) throw new ApiCallError(result.error)
      return result.value
    },
    assetUrl: (assetPath) => transport.assetUrl(assetPath),
    async saveAsset(assetPath, fileName) {
      const result = await transport.saveAsset(assetPath, fileName)
      if (!result.ok) throw new ApiCallError(result.error)
      return result.value
    },
    async printToPdf(fileName) {
      const result = await transport.print(fileName)
      if (!result.ok) throw new ApiCallError(result.error)
      return result.value
    },
  }
}

/** The one client of the app. Components never use it directly: feature hooks do. */
export const api = createClient(detectTransport())
