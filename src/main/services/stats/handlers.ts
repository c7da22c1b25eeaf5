import { inventoryStats } from '../../store/stats'
import type { FeatureHandlers } from '../context'

export const statsHandlers = {
  'stats.summary': async (_input, { store }) => inventoryStats(store.db),
} satisfies FeatureHandlers<'stats'>
