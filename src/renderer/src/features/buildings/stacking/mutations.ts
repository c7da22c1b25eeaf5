import { INVENTORY_READS, useApiMutation } from '../../../api/hooks'

// The layout writes of the stacking plan and the grid; each refreshes the building's figures.
export const useGenerateFloors = () => useApiMutation('spaces.generateFloors', INVENTORY_READS)
export const useBulkUpdateSpaces = () => useApiMutation('spaces.bulkUpdate', INVENTORY_READS)
export const useSplitSpace = () => useApiMutation('spaces.split', INVENTORY_READS)
export const useMergeSpaces = () => useApiMutation('spaces.merge', INVENTORY_READS)
export const useCopyFloor = () => useApiMutation('spaces.copyFloor', INVENTORY_READS)
export const useCreateLease = () => useApiMutation('leases.create', INVENTORY_READS)
export const useCreateTenant = () => useApiMutation('tenants.create', INVENTORY_READS)
export const useDeleteTenant = () => useApiMutation('tenants.delete', INVENTORY_READS)
export const useMarkVerified = () => useApiMutation('verification.mark', INVENTORY_READS)
