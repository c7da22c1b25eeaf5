import type { MethodInput } from '../../../../shared/api'
import { useApiQuery } from '../../api/hooks'
import { sameRanking } from './placeholders'

// The statistics view's reads (shared/stats.ts). A tab keeps the last answer on screen while a new
// scope or threshold is asked for, instead of blanking to a spinner on every change (a ranking only
// while it ranks by the same figure).

export const useLandStats = (input: MethodInput<'stats.land'>) =>
  useApiQuery('stats.land', input, { placeholderData: (previous) => previous })
export const useParkStats = (input: MethodInput<'stats.parks'>) =>
  useApiQuery('stats.parks', input, { placeholderData: (previous) => previous })
export const useRanking = (input: MethodInput<'stats.ranking'>) =>
  useApiQuery('stats.ranking', input, { placeholderData: sameRanking(input.by) })
export const useWatchList = (input: MethodInput<'stats.watch'>) =>
  useApiQuery('stats.watch', input, { placeholderData: (previous) => previous })
export const useTrend = (input: MethodInput<'stats.trend'>) =>
  useApiQuery('stats.trend', input, { placeholderData: (previous) => previous })
