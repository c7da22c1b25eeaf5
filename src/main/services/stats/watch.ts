import type { z } from 'zod'
import type { statsWatchInput, WatchRow } from '../../../shared/stats'
import type { ServiceContext } from '../context'

export async function watchList(_ctx: ServiceContext, _input: z.output<typeof statsWatchInput>): Promise<WatchRow[]> {
  throw new Error('stats: watchList is being built (issue 11)')
}
