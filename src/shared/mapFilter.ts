import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import distance from '@turf/distance'
import { z } from 'zod'
import { BUILDING_GRADES, BUILDING_KINDS, FIT_OUTS, LAND_USES, PARCEL_STATUSES } from './domain'
import type { MapBuilding, MapParcel, MapPark, MapSites } from './mapSites'
import { lat, lng, queryText } from './schemas/common'

// An investor's brief as a filter over the map's sites, and the rules that decide which sites
// match. Pure, shared: the renderer filters as the user types, and saved searches and exports
// apply the very same rules in the main process.

const range = (label: string, max: number) =>
  z
    .strictObject({
      min: z.number({ error: `${label}下限：应为数字` }).min(0, { error: `${label}下限：不能为负数` }).max(max).nullable().optional(),
      max: z.number({ error: `${label}上限：应为数字` }).min(0, { error: `${label}上限：不能为负数` }).max(max).nullable().optional(),
    })
    .refine((r) => r.min == null || r.max == null || r.min <= r.max, { error: `${label}：下限不能大于上限`, path: ['min'] })

const codes = z.array(queryText('编号', 64)).max(500)

export const mapFilterSchema = z.strictObject({
  /** Name, address or code contains this text. */
  text: queryText('搜索').optional(),
  // Every layer
  districtCodes: z.array(z.string().max(6).regex(/^\d{6}$/)).max(100).optional(),
  // Buildings
  clusterIds: codes.optional(),
  kinds: z.array(z.enum(BUILDING_KINDS)).optional(),
  grades: z.array(z.enum(BUILDING_GRADES)).optional(),
  /** 0..1 */
  vacancyRate: range('空置率', 1).optional(),
  /** m² */
  vacantArea: range('空置面积', 1e8).optional(),
  /** m², the largest contiguous vacant block */
  largestBlock: range('最大连续空置面积', 1e8).optional(),
  /** 元/m²·天 */
  rent: range('租金', 1000).optional(),
  fitOuts: z.array(z.enum(FIT_OUTS)).optional(),
  // Parcels
  landUses: z.array(z.enum(LAND_USES)).optional(),
  parcelStatuses: z.array(z.enum(PARCEL_STATUSES)).optional(),
  /** m² (the screen takes 亩) */
  parcelArea: range('地块面积', 1e10).optional(),
  // Parks
  parkThemes: z.array(queryText('园区主题')).max(100).optional(),
})
export type MapFilter = z.infer<typeof mapFilterSchema>

/** A drawn area: a polygon ring, or a circle around a point ("within 2 km of this station"). */
export const mapAreaSchema = z.union([
  z.strictObject({
    type: z.literal('polygon'),
    ring: z.array(z.tuple([lng, lat])).min(4, { error: '范围：多边形至少需要 3 个点' }).max(10_000),
  }),
  z.strictObject({
    type: z.literal('circle'),
    center: z.tuple([lng, lat]),
    /** metres */
    radius: z.number().positive({ error: '范围：半径应大于 0' }).max(200_000, { error: '范围：半径不能超过 200 公里' }),
  }),
])
export type MapArea = z.infer<typeof mapAreaSchema>

const inRange = (value: number | null, r: { min?: number | null; max?: number | null } | undefined): boolean => {
  if (!r || (r.min == null && r.max == null)) return true
  if (value == null) return false
  return (r.min == null || value >= r.min) && (r.max == null || value <= r.max)
}

const anyOf = <T>(chosen: readonly T[] | undefined, value: T | null): boolean =>
  !chosen || chosen.length === 0 || (value !== null && chosen.includes(value))

const contains = (text: string | undefined, ...fields: Array<string | null>): boolean => {
  if (!text) return true
  const needle = text.toLowerCase()
  return fields.some((f) => f !== null && f.toLowerCase().includes(needle))
}

export function isEmptyFilter(filter: MapFilter): boolean {
  return Object.values(filter).every((v) => {
    if (v == null || v === '') return true
    if (Array.isArray(v)) return v.length === 0
    if (typeof v === 'object') return Object.values(v).every((x) => x == null)
    return false
  })
}

export function inArea(area: MapArea | null | undefined, point: { lng: number | null; lat: number | null }): boolean {
  if (!area) return true
  if (point.lng == null || point.lat == null) return false
  const p: [number, number] = [point.lng, point.lat]
  if (area.type === 'circle') return distance(area.center, p, { units: 'meters' }) <= area.radius
  return booleanPointInPolygon(p, { type: 'Polygon', coordinates: [area.ring] })
}

export function matchBuilding(b: MapBuilding, f: MapFilter, area?: MapArea | null): boolean {
  if (!contains(f.text, b.name, b.address)) return false
  if (!anyOf(f.districtCodes, b.districtCode)) return false
  if (!anyOf(f.clusterIds, b.clusterId)) return false
  if (!anyOf(f.kinds, b.kind)) return false
  if (!anyOf(f.grades, b.grade)) return false
  if (!inRange(b.vacancyRate, f.vacancyRate)) return false
  if (!inRange(b.vacantArea, f.vacantArea)) return false
  if (!inRange(b.largestVacantBlock, f.largestBlock)) return false
  if (f.rent && (f.rent.min != null || f.rent.max != null)) {
    // Some vacant space is offered within the range: the building's asking range overlaps it.
    if (b.rentMin == null || b.rentMax == null) return false
    if (f.rent.min != null && b.rentMax < f.rent.min) return false
    if (f.rent.max != null && b.rentMin > f.rent.max) return false
  }
  if (f.fitOuts && f.fitOuts.length > 0 && !f.fitOuts.some((x) => b.vacantFitOuts.includes(x))) return false
  return inArea(area, b)
}

export function matchParcel(p: MapParcel, f: MapFilter, area?: MapArea | null): boolean {
  if (!contains(f.text, p.name, p.code)) return false
  if (!anyOf(f.districtCodes, p.districtCode)) return false
  if (!anyOf(f.landUses, p.landUse)) return false
  if (!anyOf(f.parcelStatuses, p.status)) return false
  if (!inRange(p.area, f.parcelArea)) return false
  return inArea(area, p)
}

/** A park is where its host buildings are: it is in the area when one of them is. */
export function matchPark(park: MapPark, f: MapFilter, buildingsById: ReadonlyMap<string, MapBuilding>, area?: MapArea | null): boolean {
  if (!contains(f.text, park.name, park.theme)) return false
  if (!anyOf(f.districtCodes, park.districtCode)) return false
  if (!anyOf(f.parkThemes, park.theme)) return false
  if (!area) return true
  return park.hosts.some((h) => {
    const host = buildingsById.get(h.buildingId)
    return host !== undefined && inArea(area, host)
  })
}

export interface FilteredSites {
  buildings: MapBuilding[]
  parcels: MapParcel[]
  parks: MapPark[]
}

export function filterSites(sites: MapSites, filter: MapFilter, area?: MapArea | null): FilteredSites {
  // Only an area needs parks' host buildings looked up.
  const byId = area ? new Map(sites.buildings.map((b) => [b.id, b])) : new Map<string, MapBuilding>()
  return {
    buildings: keepWhole(sites.buildings, sites.buildings.filter((b) => matchBuilding(b, filter, area))),
    parcels: keepWhole(sites.parcels, sites.parcels.filter((p) => matchParcel(p, filter, area))),
    parks: keepWhole(sites.parks, sites.parks.filter((p) => matchPark(p, filter, byId, area))),
  }
}

/**
 * The list itself when the filter kept all of it: a filter on buildings leaves the parcels' list
 * (and what the map drew of it) as it was, and clearing a filter gives back the very list the map
 * first drew, so that what was made of it (the cluster index) can be used again.
 */
function keepWhole<T>(all: T[], kept: T[]): T[] {
  return kept.length === all.length ? all : kept
}

export interface SiteTotals {
  buildings: number
  /** Matching buildings that have no position yet (listed, not drawn). */
  unplacedBuildings: number
  vacantArea: number
  leasableArea: number
  parcels: number
  parcelArea: number
  parks: number
}

export function siteTotals(sites: FilteredSites): SiteTotals {
  let vacantArea = 0
  let leasableArea = 0
  let unplaced = 0
  for (const b of sites.buildings) {
    vacantArea += b.vacantArea
    leasableArea += b.leasableArea
    if (b.lng == null || b.lat == null) unplaced += 1
  }
  return {
    buildings: sites.buildings.length,
    unplacedBuildings: unplaced,
    vacantArea,
    leasableArea,
    parcels: sites.parcels.length,
    parcelArea: sites.parcels.reduce((sum, p) => sum + (p.area ?? 0), 0),
    parks: sites.parks.length,
  }
}
