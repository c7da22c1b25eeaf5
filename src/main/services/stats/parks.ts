import type { z } from 'zod'
import type { statsParksInput, ParkStatsRow } from '../../../shared/stats'
import type { ServiceContext } from '../context'

export async function parkStats(_ctx: ServiceContext, _input: z.output<typeof statsParksInput>): Promise<ParkStatsRow[]> {
  throw new Error('stats: parkStats is being built (issue 11)')
}
