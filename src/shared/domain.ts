// The domain's closed vocabularies. Identifiers are English; the Chinese labels live in the
// renderer's i18n tables (and in src/shared/labels.ts for the CLI and printed sheets).

import { parseFloorLabel } from './floors'

export const BUILDING_GRADES = ['super_a', 'a', 'b', 'c'] as const // 超甲级/甲级/乙级/丙级
export type BuildingGrade = (typeof BUILDING_GRADES)[number]

export const BUILDING_KINDS = ['office', 'complex', 'industrial', 'stalled'] as const // 商务楼宇/综合体/工业园区厂房/停缓建项目
export type BuildingKind = (typeof BUILDING_KINDS)[number]

export const OWNERSHIPS = ['whole', 'strata'] as const // 整体持有 / 分散产权
export type Ownership = (typeof OWNERSHIPS)[number]

export const SPACE_STATUSES = ['vacant', 'leased', 'sold', 'owner_occupied', 'reserved'] as const // 空置/已租/已售/自用/意向
export type SpaceStatus = (typeof SPACE_STATUSES)[number]

/** Statuses whose area is on the rental market: the denominator of vacancy and occupancy rates. */
export const LEASABLE_STATUSES: readonly SpaceStatus[] = ['vacant', 'leased', 'reserved']

export const FIT_OUTS = ['bare', 'basic', 'fitted'] as const // 毛坯/简装/精装
export type FitOut = (typeof FIT_OUTS)[number]

/** GB/T 4754-2017 industry sections (门类) A–T. */
export const INDUSTRY_SECTIONS = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T',
] as const
export type IndustrySection = (typeof INDUSTRY_SECTIONS)[number]

export const LAND_USES = ['residential', 'commercial', 'mixed', 'industrial', 'm0', 'logistics', 'public', 'other'] as const
export type LandUse = (typeof LAND_USES)[number]

export const PARCEL_STATUSES = ['reserve', 'preparing', 'listed', 'transferred'] as const // 储备/出让准备/出让公示/已出让
export type ParcelStatus = (typeof PARCEL_STATUSES)[number]

export const LAND_READINESS = ['cleared', 'uncleared'] as const // 净地/毛地
export type LandReadiness = (typeof LAND_READINESS)[number]

export const PARK_STATUSES = ['planned', 'fitting_out', 'operating'] as const // 规划中/装修中/运营中
export type ParkStatus = (typeof PARK_STATUSES)[number]

/** 1 亩 = 10000/15 m² exactly. */
export const SQUARE_METRES_PER_MU = 10000 / 15

export function squareMetresToMu(m2: number): number {
  return m2 / SQUARE_METRES_PER_MU
}

export function muToSquareMetres(mu: number): number {
  return mu * SQUARE_METRES_PER_MU
}

/**
 * Sort key of a floor label so that B2 < B1 < 1 < 2 < 12 < 23–25. Labels people type vary
 * ("12F", "12层", "23-25", "B1", "-1", "地下1层"): shared/floors.ts reads them.
 */
export function floorSortKey(label: string): number {
  return parseFloorLabel(label).sort
}
