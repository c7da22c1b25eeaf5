import { useMemo } from 'react'
import { filterSites, isEmptyFilter, type MapFilter } from '../../../../../shared/mapFilter'
import type { StatsScope } from '../../../../../shared/stats'
import { useMapState } from '../../map/mapState'
import { useMapSites } from '../../map/queries'

// "按地图当前筛选统计": the map's own filter and drawn area (kept in the settings by the map
// screen) run over the map's sites with the map's own rules, and the matching buildings become
// the statistics' scope, so the figures cover exactly what the map shows.

export interface MapScope {
  /** Still reading the map's settings or sites. */
  pending: boolean
  error: Error | null
  /** Undefined when the map shows everything (no filter, no area): the whole store. */
  scope: StatsScope | undefined
  buildings: number
  parcels: number
  /** How many conditions the filter sets, and whether an area is drawn: for the header. */
  conditions: number
  area: boolean
}

/** Filter fields holding a value (a text, a list with items, a range with a bound). */
export function filterConditions(filter: MapFilter): number {
  let count = 0
  for (const value of Object.values(filter)) {
    if (value == null) continue
    if (typeof value === 'string') count += value.trim() ? 1 : 0
    else if (Array.isArray(value)) count += value.length > 0 ? 1 : 0
    else if (typeof value === 'object') count += (value as { min?: unknown; max?: unknown }).min != null || (value as { max?: unknown }).max != null ? 1 : 0
  }
  return count
}

export function useMapScope(enabled: boolean): MapScope {
  const map = useMapState()
  const sites = useMapSites({ enabled })
  const { filter, area, ready } = map
  return useMemo<MapScope>(() => {
    const base = { conditions: filterConditions(filter), area: area !== null, error: sites.error ?? null }
    if (!enabled || !ready || !sites.data) return { ...base, pending: enabled, scope: undefined, buildings: 0, parcels: 0 }
    const matched = filterSites(sites.data, filter, area)
    const everything = isEmptyFilter(filter) && area === null
    return {
      ...base,
      pending: false,
      scope: everything ? undefined : { buildingIds: matched.buildings.map((b) => b.id), parcelIds: matched.parcels.map((p) => p.id) },
      buildings: matched.buildings.length,
      parcels: matched.parcels.length,
    }
  }, [enabled, ready, sites.data, sites.error, filter, area])
}
