import type { MethodName } from '../../../../shared/api'
import { RESTORE_METHOD, type TrashItem } from '../../../../shared/history'
import { api } from '../../api/client'
import { INVENTORY_READS, useRefreshingMutation } from '../../api/hooks'

// A restore puts a row back wherever it was shown: the inventory's lists and pages, visits,
// photos, saved searches, and the trash itself.
const RESTORE_READS = [
  ...INVENTORY_READS, 'trash.list', 'visits.list', 'visits.get', 'photos.list', 'savedSearches.list', 'changes.actors',
] as const satisfies readonly MethodName[]

/** Restores a deleted row through its kind's own restore, whose rules (and refusals) stay there. */
export const useRestoreFromTrash = () =>
  useRefreshingMutation<null, Pick<TrashItem, 'table' | 'id'>>(({ table, id }) => api.call(RESTORE_METHOD[table], { id }), RESTORE_READS)
