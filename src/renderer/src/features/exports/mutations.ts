import { useMutation } from '@tanstack/react-query'
import { useApiMutation } from '../../api/hooks'
import { api, type ApiCallError } from '../../api/client'

export const useStartExport = () => useApiMutation('exports.start', [])
export const useCancelExport = () => useApiMutation('jobs.cancel', ['jobs.get'])

/** Saves a finished export: the browser downloads it, Electron asks where with a save dialog. */
export const useSaveExport = () =>
  useMutation<{ saved: boolean }, ApiCallError, { assetPath: string; fileName: string }>({
    mutationFn: ({ assetPath, fileName }) => api.saveAsset(assetPath, fileName),
  })
