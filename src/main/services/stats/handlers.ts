import { inventoryStats } from '../../store/stats'
import type { FeatureHandlers } from '../context'
import { landStats } from './land'
import { parkStats } from './parks'
import { ranking } from './ranking'
import { rollup } from './rollup'
import { trend } from './trend'
import { watchList } from './watch'

export const statsHandlers = {
  'stats.summary': async (_input, { store }) => inventoryStats(store.db),
  'stats.rollup': async (input, ctx) => rollup(ctx, input),
  'stats.land': async (input, ctx) => landStats(ctx, input),
  'stats.parks': async (input, ctx) => parkStats(ctx, input),
  'stats.ranking': async (input, ctx) => ranking(ctx, input),
  'stats.watch': async (input, ctx) => watchList(ctx, input),
  'stats.trend': async (input, ctx) => trend(ctx, input),
} satisfies FeatureHandlers<'stats'>
