import { INVENTORY_READS, useApiMutation } from '../../api/hooks'

export const useCreateCluster = () => useApiMutation('clusters.create', INVENTORY_READS)
export const useUpdateCluster = () => useApiMutation('clusters.update', INVENTORY_READS)
export const useDeleteCluster = () => useApiMutation('clusters.delete', INVENTORY_READS)
export const useRestoreCluster = () => useApiMutation('clusters.restore', INVENTORY_READS, ['clusters.get'])
