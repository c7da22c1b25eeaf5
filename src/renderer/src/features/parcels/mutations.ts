import { INVENTORY_READS, useApiMutation } from '../../api/hooks'

export const useCreateParcel = () => useApiMutation('parcels.create', INVENTORY_READS)
export const useUpdateParcel = () => useApiMutation('parcels.update', INVENTORY_READS)
export const useDeleteParcel = () => useApiMutation('parcels.delete', INVENTORY_READS)
export const useRestoreParcel = () => useApiMutation('parcels.restore', INVENTORY_READS, ['parcels.get'])
