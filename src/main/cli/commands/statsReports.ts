import { formatArea, formatCount, formatMoney, formatMu, formatRate } from '../../../shared/format'
import { VOCAB_ZH } from '../../../shared/labels'
import type { Ranking, RankingRow, RollupRow, StatsLand, StatsRanking, StatsRollup } from '../../../shared/stats'

// The statistics reports of `cli stats --by / --land / --top`: the JSON a script reads (the shapes
// issue 11 fixes: only these keys, areas m², rates 0..1, tax 元) and the table a person reads.

/**
 * Decimal places the JSON keeps (cli/main.ts USAGE says so): areas to 0.01 m² / 亩, money to
 * 0.01 元, rates to 1e-6. Sums of decimals carry float noise (357917.39999999997) that no person
 * entered; the view formats the same figures to fewer places, so both read alike.
 */
const AREA = 2
const MONEY = 2
const RATE = 6
const PLACES: Record<string, number> = {
  leasableArea: AREA, vacantArea: AREA, leasedArea: AREA, comingFree12m: AREA, areaM2: AREA, areaMu: AREA, landArea: AREA,
  vacancyRate: RATE, occupancyRate: RATE, annualTax: MONEY, taxPerLeasedM2: MONEY, taxPerMu: MONEY,
}
const VALUE_PLACES: Record<Ranking, number> = { tax: MONEY, vacancy: RATE, vacantArea: AREA, comingFree: AREA, taxPerMu: MONEY }

const roundTo = (x: number, places: number) => {
  const k = 10 ** places
  return Math.round(x * k) / k
}

/** A report row with its figures rounded by PLACES (and `value` by `valuePlaces`); other keys as they are. */
export function roundedFigures<T extends object>(row: T, valuePlaces?: number): T {
  const places = (key: string) => (key === 'value' ? valuePlaces : PLACES[key])
  return Object.fromEntries(
    Object.entries(row).map(([key, v]) => {
      const p = places(key)
      return [key, typeof v === 'number' && p !== undefined ? roundTo(v, p) : v]
    }),
  ) as T
}

const ROLLUP_KEYS = [
  'key', 'name', 'buildings', 'leasableArea', 'vacantArea', 'vacancyRate', 'occupancyRate', 'tenants', 'aboveScaleTenants',
  'registeredTenants', 'annualTax', 'taxPerLeasedM2', 'comingFree12m',
] as const satisfies ReadonlyArray<keyof RollupRow>

const pick = <T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>

export function rollupJson(r: StatsRollup): unknown {
  return { rows: r.rows.map((row) => roundedFigures(pick(row, ROLLUP_KEYS))), total: roundedFigures(pick(r.total, ROLLUP_KEYS)) }
}

export function landJson(l: StatsLand): unknown {
  return {
    rows: l.rows.map((row) => roundedFigures(pick(row, ['landUse', 'status', 'parcels', 'areaM2', 'areaMu'] as const))),
    total: roundedFigures(pick(l.total, ['parcels', 'areaM2', 'areaMu'] as const)),
  }
}

export function rankingJson(r: StatsRanking): StatsRanking {
  return { ...r, rows: r.rows.map((row) => roundedFigures(row, VALUE_PLACES[r.by])) }
}

const TAG_ZH = { yiyuan: '亿元楼', qianwan: '千万元楼' } as const
const GROUP_ZH: Record<StatsRollup['by'], string> = { district: '区县', cluster: '聚集区', park: '空中产业园', kind: '楼宇类型', grade: '楼宇等级', building: '楼宇', floor: '楼层' }
const RANKED_ZH: Record<StatsRanking['by'], string> = { tax: '年税收', vacancy: '空置率', vacantArea: '空置面积', comingFree: '12个月内到期', taxPerMu: '亩均税收' }

export function rollupTable(r: StatsRollup): string[] {
  const line = (row: RollupRow) =>
    [
      row.name, formatCount(row.buildings), formatArea(row.leasableArea), formatArea(row.vacantArea), formatRate(row.vacancyRate),
      formatRate(row.occupancyRate), formatCount(row.tenants), formatCount(row.aboveScaleTenants), formatCount(row.registeredTenants),
      formatMoney(row.annualTax), row.taxPerLeasedM2 === null ? '—' : `${row.taxPerLeasedM2.toFixed(0)} 元/m²`, formatArea(row.comingFree12m),
    ].join('\t')
  return [
    `${GROUP_ZH[r.by]}\t楼宇\t可租面积\t空置面积\t空置率\t出租率\t入驻企业\t规上企业\t本区注册\t年税收\t每平方米税收\t12个月内到期`,
    ...r.rows.map(line),
    line(r.total),
  ]
}

export function landTable(l: StatsLand): string[] {
  return [
    '用地性质\t状态\t宗数\t面积\t亩',
    ...l.rows.map((row) =>
      [VOCAB_ZH.landUse[row.landUse], VOCAB_ZH.parcelStatus[row.status], `${formatCount(row.parcels)} 宗`, formatArea(row.areaM2), formatMu(row.areaM2)].join('\t')),
    ['合计', '', `${formatCount(l.total.parcels)} 宗`, formatArea(l.total.areaM2), formatMu(l.total.areaM2)].join('\t'),
    ...(l.parcelsWithoutArea > 0 ? [`（其中 ${formatCount(l.parcelsWithoutArea)} 宗未填面积，只计宗数）`] : []),
  ]
}

/** The ranked figure as a person reads it, in its own unit. */
const RANKED_FORMAT: Record<Ranking, (v: number) => string> = {
  tax: (v) => formatMoney(v),
  vacancy: (v) => formatRate(v),
  vacantArea: (v) => formatArea(v),
  comingFree: (v) => formatArea(v),
  taxPerMu: (v) => `${formatMoney(v)}/亩`,
}
const KIND_ZH: Record<RankingRow['kind'], string> = { building: '楼宇', park: '产业园' }

/** The fixed columns, less the one the ranked figure already shows. */
const FIXED_COLUMNS: Array<{ head: string; ranked?: Ranking; cell: (row: RankingRow) => string }> = [
  { head: '年税收', ranked: 'tax', cell: (row) => formatMoney(row.annualTax) },
  { head: '空置率', ranked: 'vacancy', cell: (row) => formatRate(row.vacancyRate) },
  { head: '空置面积', ranked: 'vacantArea', cell: (row) => formatArea(row.vacantArea) },
  { head: '12个月内到期', ranked: 'comingFree', cell: (row) => formatArea(row.comingFree12m) },
]

export function rankingTable(r: StatsRanking): string[] {
  // Only the 亩均税收 ranking can hold sky parks (shared/stats.ts RankingRow.kind).
  const withKind = r.by === 'taxPerMu'
  const fixed = FIXED_COLUMNS.filter((c) => c.ranked !== r.by)
  return [
    ['名次', withKind ? '名称' : '楼宇', ...(withKind ? ['类别'] : []), '区县', RANKED_ZH[r.by], ...fixed.map((c) => c.head), '标签'].join('\t'),
    ...r.rows.map((row) =>
      [
        row.rank, row.name, ...(withKind ? [KIND_ZH[row.kind]] : []), row.districtName, RANKED_FORMAT[r.by](row.value),
        ...fixed.map((c) => c.cell(row)), row.tags.map((t) => TAG_ZH[t]).join('、'),
      ].join('\t')),
    `按${RANKED_ZH[r.by]}排序 · 千万元楼 ${formatCount(r.tagCounts.qianwan)} 栋（其中亿元楼 ${formatCount(r.tagCounts.yiyuan)} 栋）`,
  ]
}
