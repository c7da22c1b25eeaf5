import type { EChartsOption } from 'echarts'
import type { Language } from '../../i18n'
import { formatArea, formatAxisNumber, formatAxisRate, formatCount, formatMoney, formatRate } from '../../lib/format'

// The ECharts options every statistics tab draws with: bars by group (side by side or stacked),
// bars with a rate on a second axis, lines over months, a pie. Only the option objects: the
// library itself loads with the chart (EChart.tsx), so a tab can build options without it.

/** What a series counts, which decides its tooltip and axis text. */
export type ValueKind = 'area' | 'mu' | 'money' | 'wanYuan' | 'count' | 'rate'

export interface SeriesSpec {
  name: string
  data: Array<number | null>
  kind: ValueKind
  color?: string
}

const UNITS: Record<Language, Record<ValueKind, string>> = {
  zh: { area: 'm²', mu: '亩', money: '元', wanYuan: '万元', count: '', rate: '' },
  en: { area: 'm²', mu: 'mu', money: 'CNY', wanYuan: 'CNY 10k', count: '', rate: '' },
}

/** A value as a tooltip shows it: 5.2万 m², 12.5%, 3.2亿元, 120.50 亩. */
export function formatValue(value: number | null | undefined, kind: ValueKind, lang: Language): string {
  if (value == null || !Number.isFinite(value)) return '—'
  switch (kind) {
    case 'area': return formatArea(value, lang)
    case 'money': return formatMoney(value, lang)
    case 'wanYuan': return formatMoney(value * 1e4, lang)
    case 'rate': return formatRate(value)
    case 'count': return formatCount(value)
    case 'mu': return `${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${UNITS[lang].mu}`
  }
}

const axisFor = (kind: ValueKind, lang: Language, extra: Record<string, unknown> = {}) => ({
  type: 'value' as const,
  name: UNITS[lang][kind],
  axisLabel: { formatter: (v: number) => (kind === 'rate' ? formatAxisRate(v) : formatAxisNumber(v, lang)) },
  ...(kind === 'rate' ? { min: 0, max: (range: { max: number }) => Math.max(1, range.max) } : {}),
  ...extra,
})

/** Names under bars: all shown, tilted and cut short when there are many. */
const categoryAxis = (categories: string[]) => ({
  type: 'category' as const,
  data: categories,
  axisLabel: {
    interval: 0,
    rotate: categories.length > 6 ? 35 : 0,
    width: categories.length > 6 ? 90 : 120,
    overflow: 'truncate' as const,
  },
})

/** Past this many groups the chart scrolls (the table beside it still lists them all). */
const ZOOM_AFTER = 20
const zoomFor = (count: number) =>
  count > ZOOM_AFTER
    ? { dataZoom: [{ type: 'slider' as const, start: 0, end: Math.round((ZOOM_AFTER / count) * 100), height: 16, bottom: 4 }] }
    : {}

/** Room under the axis for the zoom slider when there is one. */
const gridFor = (legend: boolean, count = 0) => ({ left: 8, right: 16, top: legend ? 36 : 16, bottom: count > ZOOM_AFTER ? 36 : 8 })

const base = (legend: boolean, count = 0): EChartsOption => ({
  animation: false,
  textStyle: { fontFamily: 'inherit' },
  tooltip: { trigger: 'axis', confine: true },
  ...(legend ? { legend: { top: 0, type: 'scroll' } } : {}),
  grid: gridFor(legend, count),
})

const barSeries = (s: SeriesSpec, lang: Language, extra: Record<string, unknown> = {}) => ({
  type: 'bar' as const,
  name: s.name,
  data: s.data,
  ...(s.color ? { itemStyle: { color: s.color } } : {}),
  tooltip: { valueFormatter: (v: unknown) => formatValue(typeof v === 'number' ? v : null, s.kind, lang) },
  ...extra,
})

/** Bars by group, one bar per series side by side (all series of one kind). */
export function barByGroup(categories: string[], series: SeriesSpec[], lang: Language): EChartsOption {
  return {
    ...base(series.length > 1, categories.length),
    xAxis: categoryAxis(categories),
    yAxis: axisFor(series[0]?.kind ?? 'count', lang),
    series: series.map((s) => barSeries(s, lang)),
    ...zoomFor(categories.length),
  }
}

/** Bars by group with the series stacked (parts of a whole: vacant + leased). */
export function stackedBar(categories: string[], series: SeriesSpec[], lang: Language): EChartsOption {
  return {
    ...base(series.length > 1, categories.length),
    xAxis: categoryAxis(categories),
    yAxis: axisFor(series[0]?.kind ?? 'count', lang),
    series: series.map((s) => barSeries(s, lang, { stack: 'total', barMaxWidth: 48 })),
    ...zoomFor(categories.length),
  }
}

/** Stacked bars with a rate (vacancy, occupancy) as a line on a second axis on the right. */
export function stackedBarWithRate(categories: string[], bars: SeriesSpec[], rate: SeriesSpec, lang: Language): EChartsOption {
  const option = stackedBar(categories, bars, lang)
  return {
    ...option,
    legend: { top: 0, type: 'scroll' },
    grid: gridFor(true, categories.length),
    yAxis: [axisFor(bars[0]?.kind ?? 'area', lang), axisFor('rate', lang, { splitLine: { show: false } })],
    series: [
      ...(option.series as unknown[]),
      {
        type: 'line',
        name: rate.name,
        data: rate.data,
        yAxisIndex: 1,
        symbolSize: 7,
        ...(rate.color ? { itemStyle: { color: rate.color }, lineStyle: { color: rate.color } } : {}),
        tooltip: { valueFormatter: (v: unknown) => formatValue(typeof v === 'number' ? v : null, 'rate', lang) },
      },
    ] as EChartsOption['series'],
  }
}

/** Lines over months (YYYY-MM); rates and amounts may share the chart, rates on the right axis. */
export function lineOverMonths(months: string[], series: SeriesSpec[], lang: Language): EChartsOption {
  const amounts = series.filter((s) => s.kind !== 'rate')
  const hasRate = series.some((s) => s.kind === 'rate')
  const axes = [
    ...(amounts.length > 0 ? [axisFor(amounts[0]!.kind, lang)] : []),
    ...(hasRate ? [axisFor('rate', lang, amounts.length > 0 ? { splitLine: { show: false } } : {})] : []),
  ]
  const rateAxis = amounts.length > 0 ? 1 : 0
  return {
    ...base(series.length > 1),
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: axes,
    series: series.map((s) => ({
      type: 'line' as const,
      name: s.name,
      data: s.data,
      yAxisIndex: s.kind === 'rate' ? rateAxis : 0,
      showSymbol: months.length <= 24,
      ...(s.color ? { itemStyle: { color: s.color }, lineStyle: { color: s.color } } : {}),
      tooltip: { valueFormatter: (v: unknown) => formatValue(typeof v === 'number' ? v : null, s.kind, lang) },
    })),
  }
}

/** Shares of a whole; each slice's tooltip gives its value and percentage. */
export function pie(items: Array<{ name: string; value: number }>, kind: ValueKind, lang: Language): EChartsOption {
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const { name, value, percent } = p as { name: string; value: number; percent: number }
        return `${escapeText(name)}<br/>${formatValue(value, kind, lang)}（${percent.toFixed(1)}%）`
      },
    },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
    series: [{ type: 'pie', radius: ['35%', '70%'], center: ['40%', '50%'], data: items, label: { formatter: '{b}\n{d}%' } }],
  }
}

/** Names come from the store: the tooltip's HTML must not run them. */
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
