import type { SheetPark, SheetSite } from '../../../../shared/sheets'
import { VOCAB_ZH } from '../../../../shared/labels'
import { formatArea, formatMu, formatRate, formatRentRange } from '../../lib/format'

// How the printed sheet words its figures: always Chinese (the sheet goes to investors in China),
// from the app's format helpers so that a figure reads the same on screen and on paper.

export const siteName = (s: SheetSite): string => (s.kind === 'building' ? s.building.name : s.kind === 'parcel' ? s.parcel.name : s.park.name)
export const siteId = (s: SheetSite): string => (s.kind === 'building' ? s.building.id : s.kind === 'parcel' ? s.parcel.id : s.park.id)
export const siteDistrictCode = (s: SheetSite): string =>
  s.kind === 'building' ? s.building.districtCode : s.kind === 'parcel' ? s.parcel.districtCode : s.park.districtCode

export function siteKindLabel(s: SheetSite): string {
  if (s.kind === 'building') return VOCAB_ZH.buildingKind[s.building.kind]
  if (s.kind === 'parcel') return '土地'
  return '空中产业园'
}

/** 2026年12月1日 */
export function formatDateZh(iso: string | null | undefined): string {
  if (!iso) return '—'
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  if (!y || !m || !d) return iso
  return `${y}年${m}月${d}日`
}

/** 元/亩 → "150 万元/亩" */
export function formatPricePerMu(yuanPerMu: number | null | undefined): string {
  if (yuanPerMu == null) return '—'
  const wan = yuanPerMu / 10_000
  return `${wan.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元/亩`
}

export function formatPlotRatio(min: number | null, max: number | null): string {
  if (min == null && max == null) return '—'
  if (min != null && max != null) return min === max ? String(min) : `${min}–${max}`
  return min != null ? `≥ ${min}` : `≤ ${max}`
}

export const formatRatio = (r: number | null | undefined): string => (r == null ? '—' : `${Math.round(r * 1000) / 10}%`)
export const formatMetres = (m: number | null | undefined): string => (m == null ? '—' : `${m.toLocaleString('zh-CN')} 米`)
export const area = (m2: number | null | undefined) => formatArea(m2, 'zh')

export function parkFigures(p: SheetPark) {
  const leasable = p.hosts.reduce((sum, h) => sum + h.leasableArea, 0)
  return { leasable, vacancyRate: leasable > 0 ? p.vacantArea / leasable : null }
}

/** One row of the summary table: the same columns for every kind of site. */
export interface SummaryRow {
  name: string
  kind: string
  district: string
  available: string
  vacancy: string
  rentOrUse: string
  mu: string
  status: string
}

export function summaryRow(s: SheetSite): SummaryRow {
  if (s.kind === 'building') {
    const b = s.building
    return {
      name: b.name, kind: siteKindLabel(s), district: s.districtName, available: area(b.vacantArea), vacancy: formatRate(b.vacancyRate),
      rentOrUse: formatRentRange(b.rentMin, b.rentMax, 'zh'), mu: '—', status: b.grade ? VOCAB_ZH.grade[b.grade] : '—',
    }
  }
  if (s.kind === 'parcel') {
    const p = s.parcel
    return {
      name: p.name, kind: siteKindLabel(s), district: s.districtName, available: area(p.area), vacancy: '—',
      rentOrUse: VOCAB_ZH.landUse[p.landUse], mu: p.area == null ? '—' : formatMu(p.area, 'zh'), status: VOCAB_ZH.parcelStatus[p.status],
    }
  }
  const { vacancyRate } = parkFigures(s)
  return {
    name: s.park.name, kind: siteKindLabel(s), district: s.districtName, available: area(s.vacantArea), vacancy: formatRate(vacancyRate),
    rentOrUse: s.park.theme, mu: '—', status: VOCAB_ZH.parkStatus[s.park.status],
  }
}

/** "甲公司、乙公司 等 52 家" with at most `max` names. */
export function tenantList(names: readonly string[], max = 40): string {
  if (names.length === 0) return '暂无'
  if (names.length <= max) return names.join('、')
  return `${names.slice(0, max).join('、')} 等 ${names.length} 家`
}
