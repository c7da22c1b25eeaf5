import { addMonths } from '../../../shared/stacking'
import { today } from '../../store/leases'
import type { ServiceContext } from '../context'

/** The day the figures are for and the last day of the coming-free window (12 months on). */
export async function factsDays(ctx: ServiceContext): Promise<{ today: string; until: string }> {
  const day = await today(ctx.store.db)
  return { today: day, until: addMonths(day, 12) }
}
