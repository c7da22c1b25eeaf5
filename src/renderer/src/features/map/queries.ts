import { useApiQuery } from '../../api/hooks'

export const useMapSites = () => useApiQuery('map.sites', {}, { staleTime: 60_000 })
export const useSavedSearches = () => useApiQuery('savedSearches.list', {})
/** The embedded boundary map's index of cities and its overview: read once, never changing. */
export const useBoundaryCities = () => useApiQuery('boundaries.cities', {}, { staleTime: Infinity })
export const useBoundaryOverview = () => useApiQuery('boundaries.overview', {}, { staleTime: Infinity })
