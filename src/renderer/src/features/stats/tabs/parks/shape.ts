import type { EChartsOption } from 'echarts'
import type { ParkStatsRow } from '../../../../../../shared/stats'
import type { Language } from '../../../../i18n'
import { barByGroup } from '../../../../components/charts/options'

// Sky-park answers → the occupancy chart (components/charts/options.ts). Pure.

/** Occupancy (0..1) per park, bar i being park i; a park with no host area has no bar. */
export function occupancyOption(parks: readonly ParkStatsRow[], labels: { occupancy: string }, lang: Language): EChartsOption {
  return barByGroup(parks.map((p) => p.name), [{ name: labels.occupancy, kind: 'rate', color: '#7b3fa0', data: parks.map((p) => p.occupancyRate) }], lang)
}

/** Distinct host buildings (a building may host the park on two runs of floors). */
export const hostBuildings = (park: ParkStatsRow) => new Set(park.hosts.map((h) => h.buildingId)).size
