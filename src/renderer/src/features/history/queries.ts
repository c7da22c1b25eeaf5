import { useInfiniteQuery } from '@tanstack/react-query'
import type { MethodInput } from '../../../../shared/api'
import type { ChangeEntry } from '../../../../shared/history'
import { api, type ApiCallError } from '../../api/client'
import { useApiQuery } from '../../api/hooks'

export type ChangeFilter = Omit<MethodInput<'changes.list'>, 'beforeSeq' | 'limit'>

const PAGE = 200

/**
 * The change log a page at a time, newest first; the next page starts before the last entry's
 * sequence. Keyed under 'changes.list', so every write that refreshes the log refreshes this.
 */
export function useChangePages(filter: ChangeFilter, enabled = true) {
  return useInfiniteQuery<ChangeEntry[], ApiCallError, { pages: ChangeEntry[][] }, unknown[], number | undefined>({
    queryKey: ['changes.list', filter, 'pages'],
    queryFn: ({ pageParam }) => api.call('changes.list', { ...filter, limit: PAGE, ...(pageParam ? { beforeSeq: pageParam } : {}) }),
    initialPageParam: undefined,
    getNextPageParam: (last) => (last.length < PAGE ? undefined : last.at(-1)!.seq),
    enabled,
    // Every write changes the log: opening the screen asks again rather than showing a kept answer.
    refetchOnMount: 'always',
  })
}

export const useChangeActors = () => useApiQuery('changes.actors', {}, { refetchOnMount: 'always' })
