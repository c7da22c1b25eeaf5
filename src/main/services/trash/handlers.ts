import { listTrash } from '../../store/trash'
import type { FeatureHandlers } from '../context'

// Restoring goes through each kind's own *.restore, whose rules (a lease's tenant must be live, a
// space's floor + unit free) stay where they are.
export const trashHandlers = {
  'trash.list': async (input, { store }) => listTrash(store.db, input),
} satisfies FeatureHandlers<'trash'>
