import type { z } from 'zod'
import type { ParkStatus } from '../../../shared/domain'
import { type ParkHostStats, type ParkStatsRow, type ParkSubParkStats, type statsParksInput, taxPerMu } from '../../../shared/stats'
import { sortByName } from '../../store/collate'
import {
  type HostFloorRange, hostFigures, parkFigures, type ParkFigures, statsParkHosts, statsParks, type StatsParkHostBase, statsSubParks,
} from '../../store/statsParks'
import type { ServiceContext } from '../context'
import { parseFloorRanges } from '../sheets/floors'
import { figureDay } from './figureDay'

/** A park's row with the figures the 亩均税收 ranking needs beside it. */
export type ParkStatsFull = ParkStatsRow & { vacantArea: number; comingFree12m: number }

// Beyond every floor anyone types: the whole building.
const WHOLE_BUILDING = 1e9

/** The floor sort-key ranges of each host, read by the rule of the park's sheet (sheets/floors.ts). */
export function hostRanges(hosts: StatsParkHostBase[]): HostFloorRange[] {
  return hosts.flatMap((h) => {
    const base = { hostId: h.id, parkId: h.parkId, buildingId: h.buildingId }
    const ranges = parseFloorRanges(h.floors)
    if (ranges === null) return [{ ...base, lo: -WHOLE_BUILDING, hi: WHOLE_BUILDING }]
    return ranges.map(([lo, hi]) => ({ ...base, lo, hi }))
  })
}

/** 亩均税收: 元 per 亩 of land; null when the land area is not known. */

const byPark = <T extends { parkId: string }>(rows: T[]) => {
  const map = new Map<string, T[]>()
  for (const row of rows) map.set(row.parkId, [...(map.get(row.parkId) ?? []), row])
  return map
}

export async function parkStatsFull(ctx: ServiceContext, input: z.output<typeof statsParksInput>): Promise<ParkStatsFull[]> {
  const db = ctx.store.db
  const parks = await statsParks(db, { scope: input.scope, districtCode: input.districtCode })
  if (parks.length === 0) return []
  const ids = parks.map((p) => p.id)
  const [hosts, subParks, days] = await Promise.all([statsParkHosts(db, ids), statsSubParks(db, ids), figureDay(ctx)])
  const ranges = hostRanges(hosts)
  const [hostRows, parkRows] = await Promise.all([hostFigures(db, { ranges, ...days }), parkFigures(db, { ranges, ...days })])
  const hostById = new Map(hostRows.map((h) => [h.hostId, h]))
  const figuresOf = new Map(parkRows.map((p) => [p.parkId, p]))
  const hostsOf = byPark(hosts)
  const subParksOf = byPark(subParks)
  const none: Omit<ParkFigures, 'parkId'> = {
    hostArea: 0, occupiedArea: 0, vacantArea: 0, comingFree12m: 0, annualTax: 0, tenants: 0, aboveScaleTenants: 0,
  }

  const rows = parks.map((park): ParkStatsFull => {
    const f = figuresOf.get(park.id) ?? { parkId: park.id, ...none }
    const parkHosts = (hostsOf.get(park.id) ?? []).map((h): ParkHostStats => ({
      buildingId: h.buildingId,
      buildingName: h.buildingName,
      floors: h.floors,
      area: hostById.get(h.id)?.area ?? 0,
      leasedArea: hostById.get(h.id)?.leasedArea ?? 0,
    }))
    const parkSubParks = (subParksOf.get(park.id) ?? []).map((s): ParkSubParkStats => ({
      id: s.id, name: s.name, theme: s.theme, area: s.area, status: s.status as ParkStatus,
    }))
    return {
      id: park.id,
      name: park.name,
      theme: park.theme,
      districtCode: park.districtCode,
      districtName: park.districtName,
      status: park.status as ParkStatus,
      plannedInvestment: park.plannedInvestment,
      totalArea: park.totalArea,
      landArea: park.landArea,
      hosts: parkHosts,
      hostArea: f.hostArea,
      occupiedArea: f.occupiedArea,
      occupancyRate: f.hostArea > 0 ? f.occupiedArea / f.hostArea : null,
      tenants: f.tenants,
      aboveScaleTenants: f.aboveScaleTenants,
      annualTax: f.annualTax,
      taxPerMu: taxPerMu(f.annualTax, park.landArea),
      subParks: parkSubParks,
      vacantArea: f.vacantArea,
      comingFree12m: f.comingFree12m,
    }
  })
  return sortByName(rows)
}

/** Per live park: hosts and their floors, area, occupancy, tenants, tax, 亩均税收, sub-parks. */
export async function parkStats(ctx: ServiceContext, input: z.output<typeof statsParksInput>): Promise<ParkStatsRow[]> {
  return (await parkStatsFull(ctx, input)).map(({ vacantArea: _v, comingFree12m: _c, ...row }) => row)
}
