import type { UploadProgress } from '../../api/transport'
import { api } from '../../api/client'
import { useApiMutation, useRefreshingMutation } from '../../api/hooks'
import { IMPORT_CHANGES } from './queries'

/** Hands the chosen file to the host; its uploadId is what every imports.* call names. */
export const useUploadImportFile = () =>
  useRefreshingMutation(({ file, onProgress }: { file: File; onProgress?: UploadProgress }) => api.upload(file, onProgress), [])

/** The dry run: what would be created, updated and rejected. Writes nothing. */
export const usePreviewImport = () => useApiMutation('imports.preview', [])
/** Starts the import as a job (see useImportJob, which refreshes what it changed once it ends). */
export const useRunImport = () => useApiMutation('imports.run', [])
export const useCancelImportJob = () => useApiMutation('jobs.cancel', ['jobs.get'])
export const useUndoImport = () => useApiMutation('imports.undo', IMPORT_CHANGES)
