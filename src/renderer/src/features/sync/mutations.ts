import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { MethodOutput } from '../../../../shared/api'
import type { SyncResolveInput } from '../../../../shared/sync'
import { api, type ApiCallError } from '../../api/client'
import { INVENTORY_READS, useApiMutation } from '../../api/hooks'

const SYNC_READS = ['sync.status', 'sync.conflicts'] as const
// A package or a server's answer changes rows anywhere, and the conflicts with them.
const MERGE_READS = [...SYNC_READS, ...INVENTORY_READS] as const

export const useSetServer = () => useApiMutation('sync.server.set', SYNC_READS)
export const useSignIn = () => useApiMutation('sync.server.signIn', SYNC_READS)
export const useSignOut = () => useApiMutation('sync.server.signOut', SYNC_READS)
export const useSyncNow = () => useApiMutation('sync.now', MERGE_READS)
export const useExportPackage = () => useApiMutation('sync.exportPackage', ['sync.status'])
export const useImportPackage = () => useApiMutation('sync.importPackage', MERGE_READS)

/** Keeps one value of a conflict; the answer is the conflicts still open, shown at once. */
export function useResolveConflict() {
  const client = useQueryClient()
  return useMutation<MethodOutput<'sync.resolve'>, ApiCallError, SyncResolveInput>({
    mutationFn: (input) => api.call('sync.resolve', input),
    onSuccess: async (open) => {
      client.setQueryData(['sync.conflicts', {}], open)
      await Promise.all(['sync.status', ...INVENTORY_READS].map((m) => client.invalidateQueries({ queryKey: [m] })))
    },
  })
}

/** Saves a package: the browser downloads it, Electron asks where with a save dialog. */
export const useSavePackage = () =>
  useMutation<{ saved: boolean }, ApiCallError, { assetPath: string; fileName: string }>({
    mutationFn: ({ assetPath, fileName }) => api.saveAsset(assetPath, fileName),
  })

/** Hands a colleague's package to the host (uploaded in the browser, registered in place in the desktop app). */
export const useUploadPackage = () =>
  useMutation<{ uploadId: string }, ApiCallError, { file: File; onProgress?: (sent: number, total: number) => void }>({
    mutationFn: ({ file, onProgress }) => api.upload(file, onProgress),
  })
