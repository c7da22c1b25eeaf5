import { INVENTORY_READS, useApiMutation } from '../../api/hooks'

export const useCreateSavedSearch = () => useApiMutation('savedSearches.create', ['savedSearches.list'])
export const useUpdateSavedSearch = () => useApiMutation('savedSearches.update', ['savedSearches.list'])
export const useDeleteSavedSearch = () => useApiMutation('savedSearches.delete', ['savedSearches.list'])
export const useRestoreSavedSearch = () => useApiMutation('savedSearches.restore', ['savedSearches.list'])

/** Placing or moving a building, and creating sites from the map, change every inventory read. */
export const usePlaceBuilding = () => useApiMutation('buildings.update', INVENTORY_READS)
export const useCreateBuildingOnMap = () => useApiMutation('buildings.create', INVENTORY_READS)
export const useCreateParcelOnMap = () => useApiMutation('parcels.create', INVENTORY_READS)
export const useUpdateParcelBoundary = () => useApiMutation('parcels.update', INVENTORY_READS)
