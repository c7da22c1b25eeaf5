import type { z } from 'zod'
import type { statsTrendInput, StatsTrend } from '../../../shared/stats'
import { areasOnDays, endOfLocalDay, monthEnds, TREND_BASIS } from '../../../shared/trend'
import { today as storeToday } from '../../store/leases'
import { trendSources } from '../../store/statsTrend'
import type { ServiceContext } from '../context'

/**
 * Vacancy and occupancy at the end of each of the past months (this month: today), rebuilt from
 * the change log and lease dates by the rule of shared/trend.ts, for the scope or a group.
 */
export async function trend(ctx: ServiceContext, input: z.output<typeof statsTrendInput>, day?: string): Promise<StatsTrend> {
  const today = day ?? (await storeToday(ctx.store.db))
  const months = monthEnds(today, input.months)
  const days = months.map((m) => ({ day: m.day, before: endOfLocalDay(m.day), asStored: m.day === today }))
  const { spaces, changes } = await trendSources(ctx.store.db, input.scope, input.within, months[0]!.day)
  const figures = areasOnDays(spaces, changes, days)
  const empty = { leasableArea: 0, vacantArea: 0, leasedArea: 0, vacancyRate: null, occupancyRate: null }
  return {
    points: months.map((m, i) => ({ month: m.month, day: m.day, ...(figures[i]!.get('') ?? empty) })),
    basis: TREND_BASIS,
  }
}
