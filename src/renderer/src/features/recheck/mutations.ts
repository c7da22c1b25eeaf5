import { INVENTORY_READS, useApiMutation } from '../../api/hooks'

/** Marks a building, floor, space or parcel verified today; every list, page and the map refresh. */
export const useMarkVerified = () => useApiMutation('verification.mark', [...INVENTORY_READS, 'verification.queue', 'sheets.data'])

/** The stale threshold: the queue and the sheets count with it. */
export const useSetStaleDays = () => useApiMutation('settings.set', ['settings.get', 'verification.queue', 'sheets.data'])
