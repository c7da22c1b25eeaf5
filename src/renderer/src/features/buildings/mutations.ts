import { INVENTORY_READS, useApiMutation } from '../../api/hooks'

export const useCreateBuilding = () => useApiMutation('buildings.create', INVENTORY_READS)
export const useUpdateBuilding = () => useApiMutation('buildings.update', INVENTORY_READS)
export const useDeleteBuilding = () => useApiMutation('buildings.delete', INVENTORY_READS)
export const useRestoreBuilding = () => useApiMutation('buildings.restore', INVENTORY_READS, ['buildings.get'])

export const useCreateSpace = () => useApiMutation('spaces.create', INVENTORY_READS)
export const useUpdateSpace = () => useApiMutation('spaces.update', INVENTORY_READS)
export const useDeleteSpace = () => useApiMutation('spaces.delete', INVENTORY_READS)
export const useRestoreSpace = () => useApiMutation('spaces.restore', INVENTORY_READS)
