import type { EChartsOption } from 'echarts'
import type { TargetRow } from '../../../../../../shared/stats'

// The progress chart of a target: achieved so far, month by month (cumulative line, with the
// month's own figure as bars), against the target as a flat line.

export interface ProgressLabels {
  month: (n: number) => string
  cumulative: string
  monthly: string
  target: string
  /** Number on screen (万, m², …). */
  value: (n: number) => string
}

export function progressOption(target: TargetRow, labels: ProgressLabels): EChartsOption {
  const months = target.months.map((_, i) => labels.month(i + 1))
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? labels.value(v) : String(v ?? '')) },
    legend: { data: [labels.cumulative, labels.monthly, labels.target], bottom: 0 },
    grid: { left: 56, right: 24, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: target.unit, axisLabel: { formatter: (v: number) => labels.value(v) } },
    series: [
      { name: labels.monthly, type: 'bar', data: target.months.map((m) => m.value), itemStyle: { color: '#9ec5fe' }, barMaxWidth: 24 },
      { name: labels.cumulative, type: 'line', data: target.months.map((m) => m.cumulative), itemStyle: { color: '#1f6feb' }, symbolSize: 6 },
      {
        name: labels.target,
        type: 'line',
        data: target.months.map(() => target.targetValue),
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#c62828' },
        itemStyle: { color: '#c62828' },
      },
    ],
  }
}
