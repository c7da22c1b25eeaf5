import type { MethodInput } from '../../../../shared/api'
import { useApiQuery } from '../../api/hooks'

export type ClusterFilters = MethodInput<'clusters.list'>

export const useClusterList = (filters: ClusterFilters) => useApiQuery('clusters.list', filters)
export const useCluster = (id: string) => useApiQuery('clusters.get', { id })
export const useClusterBuildings = (clusterId: string) => useApiQuery('buildings.list', { clusterId })
