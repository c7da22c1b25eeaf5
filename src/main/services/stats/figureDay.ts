import { addMonths } from '../../../shared/tenancy'
import { today } from '../../store/leases'
import type { FactsDay } from '../../store/statsRollup'
import type { ServiceContext } from '../context'

/** The day the figures are for (the store's local today) and the end of the 12-month coming-free window. */
export async function figureDay(ctx: ServiceContext): Promise<FactsDay> {
  const day = await today(ctx.store.db)
  return { today: day, until: addMonths(day, 12) }
}
