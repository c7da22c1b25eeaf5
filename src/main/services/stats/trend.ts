import type { z } from 'zod'
import type { statsTrendInput, StatsTrend } from '../../../shared/stats'
import type { ServiceContext } from '../context'

export async function trend(_ctx: ServiceContext, _input: z.output<typeof statsTrendInput>): Promise<StatsTrend> {
  throw new Error('stats: trend is being built (issue 11)')
}
