import { INVENTORY_READS, useApiMutation } from '../../api/hooks'

export const useCreatePark = () => useApiMutation('parks.create', INVENTORY_READS)
export const useUpdatePark = () => useApiMutation('parks.update', INVENTORY_READS)
export const useDeletePark = () => useApiMutation('parks.delete', INVENTORY_READS)
export const useRestorePark = () => useApiMutation('parks.restore', INVENTORY_READS, ['parks.get'])
