import { listChanges } from '../../store/changes'
import type { FeatureHandlers } from '../context'

export const changeHandlers = {
  'changes.list': async (input, { store }) => listChanges(store.db, input),
} satisfies FeatureHandlers<'changes'>
