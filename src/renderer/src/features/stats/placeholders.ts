import type { StatsRanking } from '../../../../shared/stats'

// What a tab keeps on screen while a new answer is asked for. Pure, so it can be checked alone.

/**
 * An earlier ranking only when it ranks by the same figure: another ranking's values shown
 * under the new label (a tax of 1,200万 read as a vacancy rate) would be wrong, not just stale.
 */
export const sameRanking = (by: StatsRanking['by']) => (previous: StatsRanking | undefined): StatsRanking | undefined =>
  previous?.by === by ? previous : undefined
