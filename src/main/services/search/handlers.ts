import { search } from '../../store/search'
import type { FeatureHandlers } from '../context'

const DEFAULT_LIMIT = 20

export const searchHandlers = {
  'search.query': async ({ q, limit }, { store }) => search(store.db, q, limit ?? DEFAULT_LIMIT),
} satisfies FeatureHandlers<'search'>
