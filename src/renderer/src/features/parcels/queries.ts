import type { MethodInput } from '../../../../shared/api'
import { useApiQuery } from '../../api/hooks'

export type ParcelFilters = MethodInput<'parcels.list'>

export const useParcels = (filters: ParcelFilters) => useApiQuery('parcels.list', filters)
export const useParcel = (id: string) => useApiQuery('parcels.get', { id })
