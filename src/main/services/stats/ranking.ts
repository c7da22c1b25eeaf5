import type { z } from 'zod'
import type { StatsRanking, statsRankingInput } from '../../../shared/stats'
import type { ServiceContext } from '../context'
import { taxPerMuRanking } from './taxPerMu'

export async function ranking(ctx: ServiceContext, input: z.output<typeof statsRankingInput>): Promise<StatsRanking> {
  if (input.by === 'taxPerMu') return taxPerMuRanking(ctx, input)
  throw new Error('stats: ranking is being built (issue 11)')
}
