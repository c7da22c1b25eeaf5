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

/**
 * Buildings hosting more than one of these parks. Their floors may be shared (which floors a run
 * like "12-18层" covers is free text), so the tiles' host and occupied areas are sums over parks
 * and say so, naming how many buildings could count twice.
 */
export function sharedHostBuildings(parks: readonly ParkStatsRow[]): number {
  const parksOf = new Map<string, Set<string>>()
  for (const park of parks) {
    for (const host of park.hosts) {
      const set = parksOf.get(host.buildingId) ?? new Set<string>()
      set.add(park.id)
      parksOf.set(host.buildingId, set)
    }
  }
  return [...parksOf.values()].filter((set) => set.size > 1).length
}
