import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'

/** Tenants whose name matches what is typed, for leasing whole floors; asked only once something is typed. */
export const useTenantMatches = (q: string) => useApiQuery('tenants.list', { q }, { enabled: q.trim().length > 0 })

/**
 * Asks the store afresh for the tenants matching a name (the same query the picker shows), so
 * whether a company already exists is decided on the current answer, never a stale or loading one.
 */
export function useFreshTenantMatches() {
  const client = useQueryClient()
  return useCallback(
    (q: string) => client.fetchQuery({ queryKey: ['tenants.list', { q }], queryFn: () => api.call('tenants.list', { q }), staleTime: 0 }),
    [client],
  )
}
