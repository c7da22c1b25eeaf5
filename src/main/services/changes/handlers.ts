import { listChangeActors, listChanges } from '../../store/changes'
import type { FeatureHandlers } from '../context'

export const changeHandlers = {
  'changes.list': async (input, { store }) => listChanges(store.db, input),
  'changes.actors': async (_input, { store }) => listChangeActors(store.db),
} satisfies FeatureHandlers<'changes'>
