import type { EChartsOption } from 'echarts'
import type { TrendPoint } from '../../../../../../shared/stats'
import { round2 } from '../numbers'

// Trend answers → the line chart: the two rates on the left axis (%), the areas, when asked for,
// on the right (m²). Pure.

export interface TrendLabels {
  vacancyRate: string
  occupancyRate: string
  vacantArea: string
  leasedArea: string
  area: (m2: number) => string
}

const percent = (rate: number | null) => (rate == null ? null : round2(rate * 100))

export function trendOption(points: readonly TrendPoint[], labels: TrendLabels, showAreas: boolean): EChartsOption {
  const areaNames = new Set([labels.vacantArea, labels.leasedArea])
  return {
    tooltip: {
      trigger: 'axis',
      // Rates are plotted in %, areas in m²: each series says its own unit.
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params]
        const head = list[0] && 'axisValueLabel' in list[0] ? String(list[0].axisValueLabel) : ''
        const lines = list.map((p) => {
          const v = typeof p.value === 'number' ? p.value : null
          const text = v == null ? '—' : areaNames.has(p.seriesName ?? '') ? labels.area(v) : `${v}%`
          return `${String(p.marker ?? '')}${p.seriesName ?? ''}：${text}`
        })
        return [head, ...lines].join('<br/>')
      },
    },
    legend: { top: 0 },
    grid: { left: 8, right: showAreas ? 16 : 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => p.month) },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ...(showAreas ? [{ type: 'value' as const, axisLabel: { formatter: (v: number) => labels.area(v) }, splitLine: { show: false } }] : []),
    ],
    series: [
      { type: 'line', name: labels.occupancyRate, smooth: false, symbolSize: 5, itemStyle: { color: '#2e7d32' }, data: points.map((p) => percent(p.occupancyRate)) },
      { type: 'line', name: labels.vacancyRate, smooth: false, symbolSize: 5, itemStyle: { color: '#ef6c00' }, data: points.map((p) => percent(p.vacancyRate)) },
      ...(showAreas
        ? [
            { type: 'bar' as const, name: labels.leasedArea, yAxisIndex: 1, stack: 'area', itemStyle: { color: 'rgba(46,125,50,0.25)' }, data: points.map((p) => Math.round(p.leasedArea)) },
            { type: 'bar' as const, name: labels.vacantArea, yAxisIndex: 1, stack: 'area', itemStyle: { color: 'rgba(239,108,0,0.25)' }, data: points.map((p) => Math.round(p.vacantArea)) },
          ]
        : []),
    ],
  }
}
