import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { MethodOutput } from '../../../../shared/api'
import type { BackupSource } from '../../../../shared/backup'
import { api, type ApiCallError } from '../../api/client'
import { useApiMutation } from '../../api/hooks'

const BACKUP_READS = ['backup.status', 'backup.list'] as const

export const useCreateBackup = () => useApiMutation('backup.create', BACKUP_READS)
export const useConfigureBackup = () => useApiMutation('backup.configure', BACKUP_READS)

/**
 * Restores a backup or a handed-over file. Every answer the app holds described the data just
 * replaced, so all of them are dropped and the screens shown ask again (the recovery screen's
 * meta.info too, which then lets the app open).
 */
export function useRestoreBackup() {
  const client = useQueryClient()
  return useMutation<MethodOutput<'backup.restore'>, ApiCallError, { source: BackupSource }>({
    mutationFn: (input) => api.call('backup.restore', input),
    // A backup's preview stays true (the file never changes), and the open dialog still shows it.
    onSuccess: async () => {
      await client.resetQueries({ predicate: (q) => q.queryKey[0] !== 'backup.preview' })
    },
  })
}

/** 另存为…: the browser downloads the backup, Electron asks where with a save dialog. */
export const useSaveBackupFile = () =>
  useMutation<{ saved: boolean }, ApiCallError, { assetPath: string; fileName: string }>({
    mutationFn: ({ assetPath, fileName }) => api.saveAsset(assetPath, fileName),
  })

/** Hands a file the person chose to the host, for a preview and then a restore. */
export const useUploadBackupFile = () =>
  useMutation<{ uploadId: string }, ApiCallError, { file: File; onProgress?: (sent: number, total: number) => void }>({
    mutationFn: ({ file, onProgress }) => api.upload(file, onProgress),
  })
