import type { EChartsOption } from 'echarts'
import type { TrendPoint } from '../../../../../../shared/stats'
import type { Language } from '../../../../i18n'
import { lineOverMonths, type SeriesSpec } from '../../../../components/charts/options'

// Trend answers → the line chart (components/charts/options.ts): the two rates, and the areas
// (on their own axis, the rates moving to the right) when asked for. Pure.

export interface TrendLabels {
  vacancyRate: string
  occupancyRate: string
  vacantArea: string
  leasedArea: string
}

export function trendSeries(points: readonly TrendPoint[], labels: TrendLabels, showAreas: boolean): SeriesSpec[] {
  return [
    { name: labels.occupancyRate, kind: 'rate', color: '#2e7d32', data: points.map((p) => p.occupancyRate) },
    { name: labels.vacancyRate, kind: 'rate', color: '#d64545', data: points.map((p) => p.vacancyRate) },
    ...(showAreas
      ? [
          { name: labels.leasedArea, kind: 'area' as const, color: '#7fb77e', data: points.map((p) => p.leasedArea) },
          { name: labels.vacantArea, kind: 'area' as const, color: '#f0a020', data: points.map((p) => p.vacantArea) },
        ]
      : []),
  ]
}

export function trendOption(points: readonly TrendPoint[], labels: TrendLabels, showAreas: boolean, lang: Language): EChartsOption {
  return lineOverMonths(points.map((p) => p.month), trendSeries(points, labels, showAreas), lang)
}
