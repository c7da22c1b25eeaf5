import { keepPreviousData } from '@tanstack/react-query'
import type { MethodInput } from '../../../../shared/api'
import { useApiQuery } from '../../api/hooks'

export const useTenants = (q?: string) => useApiQuery('tenants.list', q ? { q } : {})
export const useTenant = (id: string) => useApiQuery('tenants.get', { id })
/** The picker's hits for `q` (nothing asked for an empty query); the last hits stay while the next arrive. */
export const useTenantSearch = (q: string, limit = 20) =>
  useApiQuery('tenants.search', { q, limit }, { enabled: q !== '', placeholderData: keepPreviousData })
export const useTenantOverview = (filter: MethodInput<'tenants.overview'>) =>
  useApiQuery('tenants.overview', filter, { placeholderData: keepPreviousData })
