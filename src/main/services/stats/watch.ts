import type { z } from 'zod'
import { DomainError } from '../../../shared/result'
import type { statsWatchInput, WatchReason, WatchRow } from '../../../shared/stats'
import { addDays } from '../../../shared/tenancy'
import { areasOnDays, endOfLocalDay } from '../../../shared/trend'
import { today as storeToday } from '../../store/leases'
import { buildingsNow, taxByBuildingOn, watchSources } from '../../store/statsTrend'
import type { ServiceContext } from '../context'

/**
 * Buildings to watch: occupancy fallen by more than `occupancyDrop` points since `since` (the past
 * rebuilt as for the trend, shared/trend.ts), registered tax fallen by more than `taxDrop` of what
 * it was (tenants' tax, registration and leases as they stood on `since`), or leases ending in the
 * next `endingDays` days, with no renewal or next lease taking the space, over `endingShare` of the
 * leasable area. Today's figures are the rollups' (store/statsFacts.ts). Most reasons first, then
 * by name.
 */
export async function watchList(ctx: ServiceContext, input: z.output<typeof statsWatchInput>, day?: string): Promise<WatchRow[]> {
  const db = ctx.store.db
  const today = day ?? (await storeToday(db))
  if (input.since > today) throw new DomainError('invalid', '对比日期：应不晚于今天', 'since')
  const [now, taxThen, sources] = await Promise.all([
    buildingsNow(db, input.scope, today, addDays(today, input.endingDays)),
    taxByBuildingOn(db, input.scope, input.since),
    watchSources(db, input.scope, input.since),
  ])
  const then = areasOnDays(sources.spaces, sources.changes, [{ day: input.since, before: endOfLocalDay(input.since), asStored: input.since === today }])[0]!
  const rows: WatchRow[] = []
  for (const b of now) {
    const reasons: WatchReason[] = []
    const occupancyNow = b.leasableArea > 0 ? b.leasedArea / b.leasableArea : null
    const occupancyThen = then.get(b.buildingId)?.occupancyRate ?? null
    if (occupancyThen !== null && occupancyNow !== null && occupancyThen - occupancyNow > input.occupancyDrop) {
      reasons.push({ kind: 'occupancy', then: occupancyThen, now: occupancyNow })
    }
    const taxWas = taxThen.get(b.buildingId) ?? 0
    if (taxWas > 0 && taxWas - b.annualTax > input.taxDrop * taxWas) reasons.push({ kind: 'tax', then: taxWas, now: b.annualTax })
    if (b.leasableArea > 0 && b.endingArea / b.leasableArea > input.endingShare) {
      reasons.push({ kind: 'ending', area: b.endingArea, share: b.endingArea / b.leasableArea, days: input.endingDays })
    }
    if (reasons.length > 0) rows.push({ buildingId: b.buildingId, name: b.name, districtName: b.districtName, reasons })
  }
  return rows.sort((a, b) => b.reasons.length - a.reasons.length || a.name.localeCompare(b.name, 'zh-CN') || a.buildingId.localeCompare(b.buildingId))
}
