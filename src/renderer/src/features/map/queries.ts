import { useQuery } from '@tanstack/react-query'
import type { MapSites } from '../../../../shared/mapSites'
import { decodeMapSites, type MapSitesWire } from '../../../../shared/mapSitesWire'
import { api, type ApiCallError } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { useBasemaps } from '../basemaps/queries'

// One decoded MapSites per answer, however many screens read it (the map, the visit form's picks).
const decoded = new WeakMap<MapSitesWire, MapSites>()
const decodeOnce = (wire: MapSitesWire): MapSites => {
  let sites = decoded.get(wire)
  if (!sites) {
    sites = decodeMapSites(wire)
    decoded.set(wire, sites)
  }
  return sites
}

/** The map's sites (map.sites travels in columns, mapSitesWire.ts), as objects. */
export const useMapSites = (options: { enabled?: boolean } = {}) =>
  useQuery<MapSitesWire, ApiCallError, MapSites>({
    queryKey: ['map.sites', {}],
    queryFn: () => api.call('map.sites', {}),
    select: decodeOnce,
    staleTime: 60_000,
    ...options,
  })
export const useSavedSearches = () => useApiQuery('savedSearches.list', {})
/** The embedded boundary map's index of cities and its overview: read once, never changing. */
export const useBoundaryCities = () => useApiQuery('boundaries.cities', {}, { staleTime: Infinity })
export const useBoundaryOverview = () => useApiQuery('boundaries.overview', {}, { staleTime: Infinity })

/**
 * The map's other first reads, asked for beside map.sites instead of once the sites have arrived
 * and the workspace mounts (the sites took the network and the decode before them): the basemaps
 * (which decide the map's coordinates), the boundary map, the saved searches.
 */
export function useMapFirstReads(): void {
  useBasemaps()
  useBoundaryCities()
  useBoundaryOverview()
  useSavedSearches()
}
