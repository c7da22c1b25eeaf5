import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useApiQuery } from '../../api/hooks'

export const useBasemaps = () => useApiQuery('basemaps.list', {})

/**
 * A background job filling a basemap's cache (an area download), polled while it runs. Once it
 * ends — done, failed or cancelled — the basemap list is fetched again: its size and cached-tile
 * count have changed.
 */
export function useJob(id: string | null) {
  const client = useQueryClient()
  const job = useApiQuery('jobs.get', { id: id ?? '' }, {
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : 400),
  })
  const ended = job.data !== undefined && job.data.state !== 'running'
  useEffect(() => {
    if (ended) void client.invalidateQueries({ queryKey: ['basemaps.list'] })
  }, [client, ended, id])
  return job
}
