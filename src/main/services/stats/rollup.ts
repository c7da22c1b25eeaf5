import type { z } from 'zod'
import type { statsRollupInput, StatsRollup } from '../../../shared/stats'
import type { ServiceContext } from '../context'

export async function rollup(_ctx: ServiceContext, _input: z.output<typeof statsRollupInput>): Promise<StatsRollup> {
  throw new Error('stats: rollup is being built (issue 11)')
}
