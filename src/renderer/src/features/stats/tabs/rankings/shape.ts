import type { EChartsOption } from 'echarts'
import { TAX_TAGS, type Ranking, type RankingRow, type TaxTag } from '../../../../../../shared/stats'
import type { Language } from '../../../../i18n'
import { barByGroup, type ValueKind } from '../../../../components/charts/options'

// Ranking answers → the bar chart and the tags. Pure.

/** What a ranking's figure counts: 元 of tax (and 元 per 亩), a 0..1 rate, or m². */
export const RANKING_KINDS: Record<Ranking, ValueKind> = {
  tax: 'money', vacancy: 'rate', vacantArea: 'area', comingFree: 'area', taxPerMu: 'money',
}

/** One bar per row in rank order (bar i is row i, so a click opens that row's page). */
export function rankingOption(by: Ranking, rows: readonly RankingRow[], name: string, lang: Language): EChartsOption {
  return barByGroup(
    rows.map((r) => r.name),
    [{ name, kind: RANKING_KINDS[by], color: by === 'tax' || by === 'taxPerMu' ? '#c28a00' : '#1f6feb', data: rows.map((r) => r.value) }],
    lang,
  )
}

/** The tag a row shows: the highest it earned (亿元楼 over 千万元楼). */
export function highestTag(tags: readonly TaxTag[]): TaxTag | null {
  return TAX_TAGS.find((t) => tags.includes(t.tag))?.tag ?? null
}
