import type { z } from 'zod'
import type { StatsRanking, statsRankingInput } from '../../../shared/stats'
import type { ServiceContext } from '../context'

/** 亩均税收: buildings and sky parks whose land area is known, by registered tax per 亩. */
export async function taxPerMuRanking(_ctx: ServiceContext, _input: z.output<typeof statsRankingInput>): Promise<StatsRanking> {
  throw new Error('stats: taxPerMuRanking is being built (issue 11)')
}
