import { addMonths } from '../../../../../../shared/tenancy'
import { formatArea, formatMoney, type Language } from '../../../../../../shared/format'
import type { WatchReason } from '../../../../../../shared/stats'
import { percentText } from '../numbers'

// A watch-list reason as a sentence key of the 'statsRankings' bundle (reasons.*) and its figures,
// already formatted: "出租率由 82% 降至 61%".

export interface ReasonMessage {
  key: 'occupancy' | 'occupancyFromNone' | 'occupancyToNone' | 'tax' | 'ending'
  values: Record<string, string>
}

export function reasonMessage(reason: WatchReason, lang: Language): ReasonMessage {
  switch (reason.kind) {
    case 'occupancy': {
      if (reason.then == null) return { key: 'occupancyFromNone', values: { now: percentText(reason.now ?? 0) } }
      if (reason.now == null) return { key: 'occupancyToNone', values: { then: percentText(reason.then) } }
      return { key: 'occupancy', values: { then: percentText(reason.then), now: percentText(reason.now) } }
    }
    case 'tax': {
      const drop = reason.then > 0 ? (reason.then - reason.now) / reason.then : 0
      return { key: 'tax', values: { then: formatMoney(reason.then, lang), now: formatMoney(reason.now, lang), drop: percentText(drop) } }
    }
    case 'ending':
      return { key: 'ending', values: { days: String(reason.days), area: formatArea(reason.area, lang), share: percentText(reason.share) } }
  }
}

/** A bundle template filled in ({{name}} → value), for the places that have no i18n instance (tests, copies). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole)
}

/** The day `months` months before `today` (YYYY-MM-DD), kept within the shorter month: 05-31 − 3 → 02-28. */
export const monthsBefore = (today: string, months: number): string => addMonths(today, -months)
