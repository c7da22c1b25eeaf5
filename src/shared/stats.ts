import { z } from 'zod'
import { BUILDING_GRADES, BUILDING_KINDS, type LandUse, type ParcelStatus, type ParkStatus, squareMetresToMu } from './domain'
import { districtCode, id, isoDate, optionalNotes, optionalText, requiredText } from './schemas/common'

// Statistics (issue 11): what the statistics view, `cli stats` and the targets screen ask for and
// get back. Every figure is computed in SQL over the store (store/stats*.ts); the CLI prints the
// same answers. Areas in m², rates 0..1 (null when there is nothing to divide by), money in 元.

// ─── Scope: the whole store, or the buildings/parcels the map shows ───────────────────────────────

/**
 * The buildings (and parcels) a figure covers. Absent = every live one. The statistics view sends
 * the ids the map's current filter and drawn area match (shared/mapFilter.ts runs in the renderer
 * on the map's sites), so the view follows the map exactly.
 */
export const statsScope = z.strictObject({
  buildingIds: z.array(id('楼宇')).max(200_000, { error: '范围：楼宇过多' }).optional(),
  parcelIds: z.array(id('地块')).max(200_000, { error: '范围：地块过多' }).optional(),
})
export type StatsScope = z.output<typeof statsScope>

// ─── Rollups (楼宇) ──────────────────────────────────────────────────────────────────────────────

/** The groupings a report asks for (and `cli stats --by`). */
export const STATS_GROUPINGS = ['district', 'cluster', 'park', 'kind', 'grade'] as const
export type StatsGrouping = (typeof STATS_GROUPINGS)[number]
/** Drill-down levels below a group: district → cluster → building → floor. */
export const ROLLUP_LEVELS = [...STATS_GROUPINGS, 'building', 'floor'] as const
export type RollupLevel = (typeof ROLLUP_LEVELS)[number]

/**
 * Narrowing to one group of the level above (drill-down). `clusterId: null` = buildings in no
 * cluster, `parkId: null` = buildings hosting no park, `grade: null` = buildings with no grade.
 */
export const rollupWithin = z.strictObject({
  districtCode: districtCode('区县').optional(),
  clusterId: id('聚集区').nullable().optional(),
  parkId: id('园区').nullable().optional(),
  kind: z.enum(BUILDING_KINDS).optional(),
  grade: z.enum(BUILDING_GRADES).nullable().optional(),
  buildingId: id('楼宇').optional(),
})
export type RollupWithin = z.output<typeof rollupWithin>

export const statsRollupInput = z.strictObject({
  by: z.enum(ROLLUP_LEVELS, { error: '分组：应为 district、cluster、park、kind、grade、building 或 floor' }),
  within: rollupWithin.optional(),
  scope: statsScope.optional(),
})
export type StatsRollupInput = z.output<typeof statsRollupInput>

/**
 * The figures of a group of buildings. Definitions (tests/integration/statsRollup.test.ts checks each):
 * - leasable = vacant + leased + reserved space (store/figures.ts); sold and owner-occupied are not;
 * - a lease is current from its start date (or none) to its end date inclusive: a lease ending
 *   today is current;
 * - tenants / aboveScaleTenants / registeredTenants: distinct tenants with a current lease in the
 *   group (a tenant leasing in two buildings of a district is one tenant of the district, and one of
 *   each building): NOT additive across rows;
 * - annualTax: the annual tax of current tenants registered in the district, each tenant's tax shared
 *   among the spaces of its current leases by area (a tenant in two buildings is not counted twice):
 *   additive;
 * - taxPerLeasedM2 = annualTax / leased area; comingFree12m: area of leased spaces whose lease ends
 *   from today to 12 months on and that no other lease takes the day after.
 */
export interface RollupFigures {
  buildings: number
  leasableArea: number
  vacantArea: number
  vacancyRate: number | null
  occupancyRate: number | null
  tenants: number
  aboveScaleTenants: number
  registeredTenants: number
  annualTax: number
  taxPerLeasedM2: number | null
  comingFree12m: number
}

/** The figures that add up: rows sum to the total. */
export const ADDITIVE_ROLLUP_FIGURES = ['buildings', 'leasableArea', 'vacantArea', 'annualTax', 'comingFree12m'] as const

export interface RollupRow extends RollupFigures {
  /** District code, cluster/park/building id, kind or grade identifier, floor label; null = none. */
  key: string | null
  name: string
}

export interface StatsRollup {
  by: RollupLevel
  rows: RollupRow[]
  /** The whole scope (a building in two parks counted once); key null, name '合计'. */
  total: RollupRow
}

// ─── Land (土地) ─────────────────────────────────────────────────────────────────────────────────

export const statsLandInput = z.strictObject({
  scope: statsScope.optional(),
  districtCode: districtCode('区县').optional(),
})

export interface LandRow {
  landUse: LandUse
  status: ParcelStatus
  parcels: number
  /** Parcels with no area recorded are counted in `parcels`, not in the areas. */
  areaM2: number
  areaMu: number
}

export interface LandTotals {
  parcels: number
  areaM2: number
  areaMu: number
}

export interface LandDistrictRow extends LandTotals {
  key: string
  name: string
  /** Not yet transferred (储备, 出让准备, 出让公示). */
  availableParcels: number
  availableAreaMu: number
}

export interface LandIndustryRow {
  /** The parcel's target industry as written; null = none given. */
  industry: string | null
  parcels: number
  areaMu: number
  /** Σ reference price (stored in 元/亩, entered as 万元/亩) × area (亩), 元, over parcels with both. */
  referenceValue: number
}

export interface StatsLand {
  rows: LandRow[]
  total: LandTotals
  byDistrict: LandDistrictRow[]
  /** Available land (not transferred) by target industry. */
  availableByIndustry: LandIndustryRow[]
  /** Parcels with no area recorded. */
  parcelsWithoutArea: number
  /** Σ reference price × area of parcels with both, 元 (available land). */
  availableReferenceValue: number
}

// ─── Sky parks (空中产业园) ───────────────────────────────────────────────────────────────────────

export interface ParkSubParkStats {
  id: string
  name: string
  theme: string | null
  area: number | null
  /** Its own progress, or its park's when none is set. */
  status: ParkStatus
}

export interface ParkHostStats {
  buildingId: string
  buildingName: string
  /** As entered (e.g. "12-18层"); null = the whole building. */
  floors: string | null
  /** Leasable area of the host floors' live spaces. */
  area: number
  leasedArea: number
}

export interface ParkStatsRow {
  id: string
  name: string
  theme: string
  districtCode: string
  districtName: string
  status: ParkStatus
  plannedInvestment: number | null
  /** As entered on the park (规划面积). */
  totalArea: number | null
  landArea: number | null
  hosts: ParkHostStats[]
  /** Leasable area of all host floors, and its leased part. */
  hostArea: number
  occupiedArea: number
  occupancyRate: number | null
  /** Distinct tenants with a current lease on the host floors. */
  tenants: number
  aboveScaleTenants: number
  /** Registered tenants' tax on the host floors (shared as in the rollups), 元. */
  annualTax: number
  /** annualTax / land area in 亩; null when the land area is not known. */
  taxPerMu: number | null
  subParks: ParkSubParkStats[]
}

export const statsParksInput = z.strictObject({
  scope: statsScope.optional(),
  districtCode: districtCode('区县').optional(),
})

// ─── Rankings and the watch list ─────────────────────────────────────────────────────────────────

export const RANKINGS = ['tax', 'vacancy', 'vacantArea', 'comingFree', 'taxPerMu'] as const
export type Ranking = (typeof RANKINGS)[number]
/** 千万元楼 ≥ 1千万元, 亿元楼 ≥ 1亿元 of registered tenants' annual tax. */
export const TAX_TAGS = [
  { tag: 'yiyuan', min: 1e8 },
  { tag: 'qianwan', min: 1e7 },
] as const
export type TaxTag = (typeof TAX_TAGS)[number]['tag']

/** The highest tax tag a building's registered annual tax earns (亿元楼 implies 千万元楼, so only it is named). */
export function taxTags(annualTax: number): TaxTag[] {
  const earned = TAX_TAGS.find((t) => annualTax >= t.min)
  return earned ? [earned.tag] : []
}

/** 亩均税收: registered tax per 亩 of land; null when the land area is not known. */
export const taxPerMu = (tax: number, landArea: number | null): number | null =>
  landArea !== null && landArea > 0 ? tax / squareMetresToMu(landArea) : null

/** Rows a ranking shows when the caller gives no limit. */
export const DEFAULT_RANKING_LIMIT = 20

export const statsRankingInput = z.strictObject({
  by: z.enum(RANKINGS, { error: '排行：应为 tax、vacancy、vacantArea、comingFree 或 taxPerMu' }),
  limit: z.number().int().min(1, { error: '条数：至少 1' }).max(1000, { error: '条数：最多 1000' }).optional(),
  scope: statsScope.optional(),
})

export interface RankingRow {
  rank: number
  /** Building id (a park's id for taxPerMu rows of parks). */
  id: string
  kind: 'building' | 'park'
  name: string
  districtName: string
  clusterName: string | null
  /** The figure ranked by. */
  value: number
  annualTax: number
  leasableArea: number
  vacantArea: number
  vacancyRate: number | null
  comingFree12m: number
  landArea: number | null
  taxPerMu: number | null
  /** The highest tax tag earned, if any: 亿元楼 implies 千万元楼. */
  tags: TaxTag[]
}

export interface StatsRanking {
  by: Ranking
  rows: RankingRow[]
  /**
   * Buildings per tag in the scope (not only the rows shown), as reports say "千万元楼 N 栋，其中亿元楼
   * M 栋": qianwan counts every building ≥ 1千万元, 亿元楼 included. Parks carry no tag.
   */
  tagCounts: Record<TaxTag, number>
}

export const statsWatchInput = z.strictObject({
  /** Compare today with this day (YYYY-MM-DD). */
  since: isoDate('对比日期'),
  /** Occupancy fell by more than this many points (0.1 = 10 个百分点). */
  occupancyDrop: z.number().min(0).max(1).default(0.1),
  /** Tax fell by more than this share of what it was (0.2 = 20%). */
  taxDrop: z.number().min(0).max(1).default(0.2),
  /** Leases ending within this many days … */
  endingDays: z.union([z.literal(90), z.literal(180)]).default(90),
  /** … cover more than this share of the building's leasable area. */
  endingShare: z.number().min(0).max(1).default(0.3),
  scope: statsScope.optional(),
})

export type WatchReason =
  | { kind: 'occupancy'; then: number | null; now: number | null }
  | { kind: 'tax'; then: number; now: number }
  | { kind: 'ending'; area: number; share: number; days: number }

export interface WatchRow {
  buildingId: string
  name: string
  districtName: string
  reasons: WatchReason[]
}

// ─── Trends ──────────────────────────────────────────────────────────────────────────────────────

export const statsTrendInput = z.strictObject({
  months: z.number().int().min(2).max(60).default(24),
  scope: statsScope.optional(),
  within: rollupWithin.optional(),
})

/** A month's end (or today for the current month), as the spaces stood then. */
export interface TrendPoint {
  /** YYYY-MM */
  month: string
  /** The day the figures are for: the month's last day, today for this month. */
  day: string
  leasableArea: number
  vacantArea: number
  leasedArea: number
  vacancyRate: number | null
  occupancyRate: number | null
}

export interface StatsTrend {
  points: TrendPoint[]
  /** How the past was rebuilt, in Chinese, for the chart's note. */
  basis: string
}

// ─── Targets (年度目标) ───────────────────────────────────────────────────────────────────────────

/**
 * What a target counts. The first three are computed from the store (and say how: TargetRow.basis);
 * the others are entered month by month (target_entries).
 */
export const TARGET_KINDS = ['new_above_scale_tenants', 'leased_area', 'parcels_transferred', 'projects_signed', 'custom'] as const
export type TargetKind = (typeof TARGET_KINDS)[number]
export const COMPUTED_TARGET_KINDS: readonly TargetKind[] = ['new_above_scale_tenants', 'leased_area', 'parcels_transferred']
/** The unit a kind is counted in (custom: the person's own). */
export const TARGET_UNITS: Record<Exclude<TargetKind, 'custom'>, string> = {
  new_above_scale_tenants: '家',
  leased_area: 'm²',
  parcels_transferred: '宗',
  projects_signed: '个',
}

const year = z.number({ error: '年度：应为数字' }).int({ error: '年度：应为整数' }).min(2000, { error: '年度：不早于 2000' }).max(2100, { error: '年度：不晚于 2100' })
const targetValue = z.number({ error: '目标值：应为数字' }).positive({ error: '目标值：应大于 0' }).max(1e13, { error: '目标值：过大' })

export const targetCreate = z.strictObject({
  year,
  kind: z.enum(TARGET_KINDS, { error: '指标：请选择' }),
  name: requiredText('名称', 60),
  /** Required for custom targets; the kind's own unit otherwise. */
  unit: optionalText('单位', 10),
  targetValue,
  notes: optionalNotes('备注', 500),
})
export const targetUpdate = z.strictObject({
  id: id('目标'),
  name: requiredText('名称', 60).optional(),
  unit: optionalText('单位', 10),
  targetValue: targetValue.optional(),
  notes: optionalNotes('备注', 500),
})
export const targetList = z.strictObject({ year })
/** Achieved in a month, for entered kinds; value null removes the month's entry. */
export const targetSetEntry = z.strictObject({
  targetId: id('目标'),
  month: z.string().max(7, { error: '月份：应为 年-月' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份：应为 年-月' }),
  value: z.number({ error: '完成值：应为数字' }).min(0, { error: '完成值：不能为负' }).max(1e13, { error: '完成值：过大' }).nullable(),
  notes: optionalText('备注', 200),
})

export interface TargetMonth {
  /** YYYY-MM, January to December of the target's year. */
  month: string
  /** Achieved in that month (computed, or entered; 0 when nothing). */
  value: number
  /** Achieved from January to the end of that month. */
  cumulative: number
  /** An entered month has an entry (null for computed kinds or months with none). */
  entered: boolean
}

export interface TargetRow {
  id: string
  year: number
  kind: TargetKind
  name: string
  unit: string
  targetValue: number
  notes: string | null
  computed: boolean
  /** How achieved is counted, in Chinese (e.g. "本年度首次入驻楼宇的规上企业数（按最早租约起始日）"). */
  basis: string
  achieved: number
  /** achieved / target (1 = 100%; over 1 when exceeded). */
  completion: number
  months: TargetMonth[]
}
