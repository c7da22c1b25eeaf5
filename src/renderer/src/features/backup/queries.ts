import type { BackupSource } from '../../../../shared/backup'
import { useApiQuery } from '../../api/hooks'

// The backup status follows a USB stick plugged in or pulled out, and the schedule: asked again
// every half minute while a backup screen shows it.
export const useBackupStatus = () => useApiQuery('backup.status', {}, { refetchInterval: 30_000, staleTime: 0 })
export const useBackupList = () => useApiQuery('backup.list', {}, { staleTime: 0 })

/** What a backup (or an uploaded file) holds; a backup file never changes, so its answer is kept. */
export const useBackupPreview = (source: BackupSource | null) =>
  useApiQuery('backup.preview', { source: source ?? { folder: 'local', id: '' } }, { enabled: source !== null, staleTime: Infinity })
