import type { EChartsOption } from 'echarts'
import type { ParkStatsRow } from '../../../../../../shared/stats'
import { round2 } from '../numbers'

// Sky-park answers → the occupancy chart. Pure, so it can be checked without a browser.

/** Occupancy (%) per park, highest first; parks with no host area have no bar (and say so in the table). */
export function occupancyOption(parks: readonly ParkStatsRow[], labels: { occupancy: string }): EChartsOption {
  const sorted = [...parks].sort((a, b) => (b.occupancyRate ?? -1) - (a.occupancyRate ?? -1))
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null ? '—' : `${String(v)}%`) },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: sorted.map((p) => p.name),
      axisLabel: { interval: 0, rotate: sorted.length > 5 ? 30 : 0, width: 110, overflow: 'truncate' },
    },
    yAxis: { type: 'value', name: labels.occupancy, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{
      type: 'bar',
      name: labels.occupancy,
      barMaxWidth: 36,
      itemStyle: { color: '#7b3fa0' },
      label: { show: true, position: 'top', formatter: '{c}%' },
      data: sorted.map((p) => (p.occupancyRate == null ? null : round2(p.occupancyRate * 100))),
    }],
  }
}

/** Host buildings and floors in one line: "盛京金融广场 12-18层、华府天地（整栋）". */
export function hostsText(park: ParkStatsRow, wholeBuilding: string): string {
  return park.hosts.map((h) => `${h.buildingName} ${h.floors ?? wholeBuilding}`).join('、')
}
