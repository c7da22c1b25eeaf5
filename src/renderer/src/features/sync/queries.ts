import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useApiQuery } from '../../api/hooks'

// The sync status is asked every half minute (a colleague's package, the server's answer).
export const useSyncStatus = () => useApiQuery('sync.status', {}, { refetchInterval: 30_000, staleTime: 0 })

/**
 * Asks the sync status again after every write the app makes, since each one is a change waiting
 * to go out. Used once, by the top bar, which every screen shows.
 */
export function useStatusFollowsWrites(): void {
  const client = useQueryClient()
  useEffect(
    () =>
      client.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'success') void client.invalidateQueries({ queryKey: ['sync.status'] })
      }),
    [client],
  )
}

export const useSyncConflicts = () => useApiQuery('sync.conflicts', {}, { staleTime: 0 })
