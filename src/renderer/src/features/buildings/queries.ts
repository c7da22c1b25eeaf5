import type { MethodInput } from '../../../../shared/api'
import { useApiQuery } from '../../api/hooks'

export type BuildingFilters = MethodInput<'buildings.list'>

export const useBuildings = (filters: BuildingFilters) => useApiQuery('buildings.list', filters)
export const useBuilding = (id: string) => useApiQuery('buildings.get', { id })
export const useClusters = (districtCode?: string) =>
  useApiQuery('clusters.list', districtCode ? { districtCode } : {})
/** The change log of one row; fetched only once the history is opened. */
export const useChanges = (rowId: string, enabled: boolean) => useApiQuery('changes.list', { rowId, limit: 200 }, { enabled })
