import { useApiQuery } from '../../api/hooks'

export const useBasemaps = () => useApiQuery('basemaps.list', {})
/** A background job, polled while it runs. */
export const useJob = (id: string | null) =>
  useApiQuery('jobs.get', { id: id ?? '' }, { enabled: id !== null, refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : 400) })
