import { useApiQuery } from '../../api/hooks'

export const useTenants = (q?: string) => useApiQuery('tenants.list', q ? { q } : {})
export const useTenant = (id: string) => useApiQuery('tenants.get', { id })
