import { useApiQuery } from '../../api/hooks'

export const useSearch = (q: string) =>
  useApiQuery('search.query', { q, limit: 20 }, { enabled: q.trim().length > 0, placeholderData: (previous) => previous })
