import type { EChartsOption } from 'echarts'
import { LAND_USES, PARCEL_STATUSES, type LandUse, type ParcelStatus } from '../../../../../../shared/domain'
import type { LandDistrictRow, LandIndustryRow, LandRow } from '../../../../../../shared/stats'
import { round2 } from '../numbers'

// Land answers → chart series. Pure, so the charts can be checked without a browser.

/** The statuses' colours: reserve to transferred, from "still to offer" (green) to "gone" (grey). */
export const STATUS_COLOURS: Record<ParcelStatus, string> = {
  reserve: '#2e7d32', preparing: '#f9a825', listed: '#1f6feb', transferred: '#90a4ae',
}

export interface LandLabels {
  landUse: (u: LandUse) => string
  status: (s: ParcelStatus) => string
  mu: (value: number) => string
  muUnit: string
}

/**
 * A stacked bar per land use (in the vocabulary's order, only uses that have parcels), one series
 * per status, heights in 亩.
 */
export function landUseStatusOption(rows: readonly LandRow[], labels: LandLabels): EChartsOption {
  const uses = LAND_USES.filter((u) => rows.some((r) => r.landUse === u))
  const statuses = PARCEL_STATUSES.filter((s) => rows.some((r) => r.status === s))
  const mu = (use: LandUse, status: ParcelStatus) =>
    round2(rows.filter((r) => r.landUse === use && r.status === status).reduce((sum, r) => sum + r.areaMu, 0))
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => labels.mu(Number(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: uses.map(labels.landUse), axisLabel: { interval: 0, rotate: uses.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', name: labels.muUnit },
    series: statuses.map((status) => ({
      type: 'bar',
      name: labels.status(status),
      stack: 'area',
      itemStyle: { color: STATUS_COLOURS[status] },
      data: uses.map((use) => mu(use, status)),
    })),
  }
}

/** Transferred land of a district: what is not available. */
export const transferredMu = (row: LandDistrictRow) => Math.max(0, row.areaMu - row.availableAreaMu)

/** Available beside transferred land per district, in 亩. */
export function districtOption(rows: readonly LandDistrictRow[], labels: { available: string; transferred: string; mu: (value: number) => string; muUnit: string }): EChartsOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => labels.mu(Number(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: labels.muUnit },
    series: [
      { type: 'bar', name: labels.available, stack: 'area', itemStyle: { color: STATUS_COLOURS.reserve }, data: rows.map((r) => round2(r.availableAreaMu)) },
      { type: 'bar', name: labels.transferred, stack: 'area', itemStyle: { color: STATUS_COLOURS.transferred }, data: rows.map((r) => round2(transferredMu(r))) },
    ],
  }
}

/** Available land per target industry, largest first, as horizontal bars in 亩. */
export function industryOption(rows: readonly LandIndustryRow[], labels: { none: string; mu: (value: number) => string }): EChartsOption {
  const sorted = [...rows].sort((a, b) => b.areaMu - a.areaMu)
  // Horizontal bars read top-down, and ECharts draws a category axis bottom-up.
  const shown = sorted.reverse()
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => labels.mu(Number(v)) },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: shown.map((r) => r.industry ?? labels.none), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', itemStyle: { color: STATUS_COLOURS.reserve }, data: shown.map((r) => round2(r.areaMu)) }],
  }
}
