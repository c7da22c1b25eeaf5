import { useApiQuery } from '../../api/hooks'

/** The export's job, polled while it runs. */
export const useExportJob = (id: string | null) =>
  useApiQuery('jobs.get', { id: id ?? '' }, {
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : 300),
  })

/** The finished export's file (name, size, asset path). */
export const useExportFile = (id: string | null) => useApiQuery('exports.get', { id: id ?? '' }, { enabled: id !== null, staleTime: Infinity })

export { useDistricts } from '../meta/queries'
export { useSavedSearches } from '../map/queries'
