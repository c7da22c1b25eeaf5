import type { EChartsOption } from 'echarts'
import { TAX_TAGS, type Ranking, type RankingRow, type TaxTag } from '../../../../../../shared/stats'
import { round2 } from '../numbers'

// Ranking answers → the bar chart and the figures each ranking shows. Pure.

/** How many bars the chart draws: the table below lists them all. */
export const CHART_BARS = 10

/** The figure a ranking is by, in the unit the chart plots: rates as %, the rest as they come. */
export function plotted(by: Ranking, value: number): number {
  return by === 'vacancy' ? round2(value * 100) : round2(value)
}

/** The first rows as horizontal bars, the first on top. */
export function rankingOption(by: Ranking, rows: readonly RankingRow[], format: (value: number) => string): EChartsOption {
  const shown = rows.slice(0, CHART_BARS).reverse()
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => format(by === 'vacancy' ? Number(v) / 100 : Number(v)),
    },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: by === 'vacancy' ? { formatter: '{value}%' } : {} },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      barMaxWidth: 22,
      itemStyle: { color: by === 'tax' || by === 'taxPerMu' ? '#c28a00' : '#1f6feb' },
      data: shown.map((r) => plotted(by, r.value)),
    }],
  }
}

/** The tag a row shows: the highest it earned (亿元楼 over 千万元楼). */
export function highestTag(tags: readonly TaxTag[]): TaxTag | null {
  return TAX_TAGS.find((t) => tags.includes(t.tag))?.tag ?? null
}
