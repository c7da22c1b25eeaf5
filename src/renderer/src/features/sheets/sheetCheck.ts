import { checkParts, freshnessWords, isStale, localDay } from '../../../../shared/freshness'
import type { SheetData, SheetSite } from '../../../../shared/sheets'

// 核实日期 on the printed sheet: each building's and parcel's last verification, stale ones shaded
// so a reader of the paper knows which figures are old. Parks carry no date of their own.

export interface SheetCheck {
  /** The short form for the summary table: the day, or 未核实. */
  short: string
  /** The site page's line: the day and how long ago. */
  long: string
  stale: boolean
}

export function sheetCheck(site: SheetSite, data: Pick<SheetData, 'generatedAt' | 'staleDays'>): SheetCheck | null {
  const check = site.kind === 'building' ? site.building.check : site.kind === 'parcel' ? site.parcel.check : null
  if (!check) return null
  const today = localDay(data.generatedAt)
  const { on, verified } = checkParts(check)
  const words = freshnessWords(check, today, data.staleDays)
  return {
    short: verified ? on : '未核实',
    long: verified ? `${on}（${words}）` : words,
    stale: isStale(check, today, data.staleDays),
  }
}
