import { INVENTORY_READS, useApiMutation } from '../../api/hooks'

export const useCreateTenant = () => useApiMutation('tenants.create', INVENTORY_READS)
export const useUpdateTenant = () => useApiMutation('tenants.update', INVENTORY_READS)
export const useDeleteTenant = () => useApiMutation('tenants.delete', INVENTORY_READS)
export const useRestoreTenant = () => useApiMutation('tenants.restore', INVENTORY_READS, ['tenants.get'])

export const useCreateLease = () => useApiMutation('leases.create', INVENTORY_READS)
export const useUpdateLease = () => useApiMutation('leases.update', INVENTORY_READS)
export const useDeleteLease = () => useApiMutation('leases.delete', INVENTORY_READS)
export const useRestoreLease = () => useApiMutation('leases.restore', INVENTORY_READS)
