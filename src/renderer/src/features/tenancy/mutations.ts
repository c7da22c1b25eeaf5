import { INVENTORY_READS, useApiMutation } from '../../api/hooks'

export const useRenewLease = () => useApiMutation('leases.renew', INVENTORY_READS)
export const useEndLease = () => useApiMutation('leases.end', INVENTORY_READS)
