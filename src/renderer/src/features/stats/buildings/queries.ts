import type { RollupLevel, RollupWithin, StatsScope } from '../../../../../shared/stats'
import { useApiQuery } from '../../../api/hooks'

// The buildings tab's reads. (Other tabs keep theirs beside them.)

export const useRollup = (by: RollupLevel, within: RollupWithin | undefined, scope: StatsScope | undefined, options: { enabled?: boolean } = {}) =>
  useApiQuery('stats.rollup', { by, ...(within ? { within } : {}), ...(scope ? { scope } : {}) }, options)
