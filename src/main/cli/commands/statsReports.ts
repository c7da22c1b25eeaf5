import { formatArea, formatCount, formatMoney, formatMu, formatRate } from '../../../shared/format'
import { VOCAB_ZH } from '../../../shared/labels'
import type { RollupRow, StatsLand, StatsRanking, StatsRollup } from '../../../shared/stats'

// The statistics reports of `cli stats --by / --land / --top`: the JSON a script reads (the shapes
// issue 11 fixes: only these keys, areas m², rates 0..1, tax 元) and the table a person reads.

const ROLLUP_KEYS = [
  'key', 'name', 'buildings', 'leasableArea', 'vacantArea', 'vacancyRate', 'occupancyRate', 'tenants', 'aboveScaleTenants',
  'registeredTenants', 'annualTax', 'taxPerLeasedM2', 'comingFree12m',
] as const satisfies ReadonlyArray<keyof RollupRow>

const pick = <T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>

export function rollupJson(r: StatsRollup): unknown {
  return { rows: r.rows.map((row) => pick(row, ROLLUP_KEYS)), total: pick(r.total, ROLLUP_KEYS) }
}

export function landJson(l: StatsLand): unknown {
  return {
    rows: l.rows.map((row) => pick(row, ['landUse', 'status', 'parcels', 'areaM2', 'areaMu'] as const)),
    total: pick(l.total, ['parcels', 'areaM2', 'areaMu'] as const),
  }
}

export function rankingJson(r: StatsRanking): unknown {
  return r
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

export function rankingTable(r: StatsRanking): string[] {
  return [
    '名次\t楼宇\t区县\t年税收\t空置率\t空置面积\t12个月内到期\t标签',
    ...r.rows.map((row) =>
      [
        row.rank, row.name, row.districtName, formatMoney(row.annualTax), formatRate(row.vacancyRate), formatArea(row.vacantArea),
        formatArea(row.comingFree12m), row.tags.map((t) => TAG_ZH[t]).join('、'),
      ].join('\t')),
    `按${RANKED_ZH[r.by]}排序 · 千万元楼 ${formatCount(r.tagCounts.qianwan)} 栋（其中亿元楼 ${formatCount(r.tagCounts.yiyuan)} 栋）`,
  ]
}
