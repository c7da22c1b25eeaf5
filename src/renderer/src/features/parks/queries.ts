import type { MethodInput } from '../../../../shared/api'
import { useApiQuery } from '../../api/hooks'

export type ParkFilters = MethodInput<'parks.list'>

export const useParks = (filters: ParkFilters) => useApiQuery('parks.list', filters)
export const usePark = (id: string) => useApiQuery('parks.get', { id })
/** Every live building, to pick a park's hosts from. */
export const useHostBuildingOptions = () => useApiQuery('buildings.list', {})
