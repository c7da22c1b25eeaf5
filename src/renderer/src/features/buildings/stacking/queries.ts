import { useApiQuery } from '../../../api/hooks'

/** Tenants whose name matches what is typed, for leasing whole floors; asked only once something is typed. */
export const useTenantMatches = (q: string) => useApiQuery('tenants.list', { q }, { enabled: q.trim().length > 0 })
