import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { filterSites, isEmptyFilter } from '../../../../shared/mapFilter'
import type { StatsScope } from '../../../../shared/stats'
import { useMapState } from '../map/mapState'
import { useMapSites } from '../map/queries'

/** The address parameter that keeps "按地图当前筛选统计" on across tabs and in links. */
export const FOLLOW_MAP_PARAM = 'map'

export interface MapScope {
  /** The person asked for the map's filter. */
  follow: boolean
  setFollow: (follow: boolean) => void
  /** What to send as `scope`: undefined = the whole store (not following, or the map has no filter). */
  scope: StatsScope | undefined
  /** Following, and the map's filter or sites are still on their way: figures would be for everything. */
  pending: boolean
  /** The map has a filter or a drawn area to follow. */
  mapFiltered: boolean
  /** How many buildings and parcels the map's filter keeps (when following a filter). */
  matched: { buildings: number; parcels: number } | null
}

/**
 * The statistics view's "follow the map" switch, shared by every tab: the ids of the buildings and
 * parcels the map's current filter and drawn area keep (shared/mapFilter.ts, run here on the map's
 * own sites, so the figures cover exactly what the map shows).
 */
export function useMapScope(): MapScope {
  const [params, setParams] = useSearchParams()
  const follow = params.get(FOLLOW_MAP_PARAM) === '1'
  const map = useMapState()
  const mapFiltered = !isEmptyFilter(map.filter) || map.area !== null
  const sites = useMapSites({ enabled: follow && mapFiltered })

  const kept = useMemo(
    () => (follow && mapFiltered && sites.data ? filterSites(sites.data, map.filter, map.area) : null),
    [follow, mapFiltered, sites.data, map.filter, map.area],
  )
  const scope = useMemo<StatsScope | undefined>(
    () => (kept ? { buildingIds: kept.buildings.map((b) => b.id), parcelIds: kept.parcels.map((p) => p.id) } : undefined),
    [kept],
  )
  const setFollow = (next: boolean) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev)
      if (next) out.set(FOLLOW_MAP_PARAM, '1')
      else out.delete(FOLLOW_MAP_PARAM)
      return out
    }, { replace: true })

  return {
    follow,
    setFollow,
    scope,
    pending: follow && (!map.ready || (mapFiltered && !kept)),
    mapFiltered,
    matched: kept ? { buildings: kept.buildings.length, parcels: kept.parcels.length } : null,
  }
}
