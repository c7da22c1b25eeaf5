import type { z } from 'zod'
import type { statsLandInput, StatsLand } from '../../../shared/stats'
import type { ServiceContext } from '../context'

export async function landStats(_ctx: ServiceContext, _input: z.output<typeof statsLandInput>): Promise<StatsLand> {
  throw new Error('stats: landStats is being built (issue 11)')
}
