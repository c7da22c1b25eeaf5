import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query'
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api'
import { api, type ApiCallError } from './client'

// The generic hooks every feature's queries.ts and mutations.ts are built from. Query keys
// are [method, input], so a write can refresh every query of the methods it affects.

export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: Omit<UseQueryOptions<MethodOutput<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<MethodOutput<M>, ApiCallError>({
    queryKey: [method, input],
    queryFn: () => api.call(method, input),
    ...options,
  })
}

/**
 * A write of any shape; on success, every query of the `refreshes` methods is fetched again.
 * Answers of the `forgets` methods that no screen shows right now are dropped instead: an undo
 * navigates back to a detail screen whose cached answer still says "deleted", and showing that
 * until the refetch lands would tell the user the undo failed.
 */
export function useRefreshingMutation<TOutput, TInput>(
  mutationFn: (input: TInput) => Promise<TOutput>,
  refreshes: readonly MethodName[],
  forgets: readonly MethodName[] = [],
) {
  const client = useQueryClient()
  return useMutation<TOutput, ApiCallError, TInput>({
    mutationFn,
    onSuccess: async () => {
      for (const m of forgets) client.removeQueries({ queryKey: [m], type: 'inactive' })
      await Promise.all(refreshes.map((m) => client.invalidateQueries({ queryKey: [m] })))
    },
  })
}

/** A write of one method, refreshing (or forgetting) the answers it changes; see useRefreshingMutation. */
export function useApiMutation<M extends MethodName>(
  method: M,
  refreshes: readonly MethodName[],
  forgets: readonly MethodName[] = [],
) {
  return useRefreshingMutation<MethodOutput<M>, MethodInput<M>>((input) => api.call(method, input), refreshes, forgets)
}

/** Methods whose answers change when inventory rows change: most writes refresh all of them. */
export const INVENTORY_READS = [
  'buildings.list', 'buildings.get', 'spaces.list', 'tenants.list', 'tenants.get', 'tenants.search', 'tenants.overview', 'leases.list',
  'parcels.list', 'parcels.get', 'parks.list', 'parks.get', 'clusters.list', 'clusters.get',
  'stats.summary', 'meta.info', 'search.query', 'changes.list', 'map.sites',
  // The change log's people and the trash follow every write (a delete lands in the trash).
  'changes.actors', 'trash.list',
  'leases.comingFree', 'tenancy.asOf',
  'verification.queue',
  // The statistics view's figures (issue 11).
  'stats.rollup', 'stats.land', 'stats.parks', 'stats.ranking', 'stats.watch', 'stats.trend',
] as const satisfies readonly MethodName[]
