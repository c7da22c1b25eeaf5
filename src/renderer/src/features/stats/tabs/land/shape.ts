import type { EChartsOption } from 'echarts'
import { LAND_USES, PARCEL_STATUSES, type LandUse, type ParcelStatus } from '../../../../../../shared/domain'
import type { LandDistrictRow, LandIndustryRow, LandRow } from '../../../../../../shared/stats'
import type { Language } from '../../../../i18n'
import { barByGroup, stackedBar } from '../../../../components/charts/options'
import { round2 } from '../numbers'

// Land answers → chart series (the shared builders of components/charts/options.ts). Pure.

/** The statuses' colours, from "still to offer" (green) to "gone" (grey). */
export const STATUS_COLOURS: Record<ParcelStatus, string> = {
  reserve: '#2e7d32', preparing: '#f0a020', listed: '#1f6feb', transferred: '#90a4ae',
}

/** The land uses that have parcels, in the vocabulary's order: the chart's bars. */
export const usesOf = (rows: readonly LandRow[]): LandUse[] => LAND_USES.filter((u) => rows.some((r) => r.landUse === u))

/** 亩 of one land use and status (0 when none). */
export function muOf(rows: readonly LandRow[], use: LandUse, status: ParcelStatus): number {
  return round2(rows.filter((r) => r.landUse === use && r.status === status).reduce((sum, r) => sum + r.areaMu, 0))
}

/** A stacked bar per land use, one series per status present, heights in 亩. */
export function landUseStatusOption(
  rows: readonly LandRow[],
  labels: { landUse: (u: LandUse) => string; status: (s: ParcelStatus) => string },
  lang: Language,
): EChartsOption {
  const uses = usesOf(rows)
  const statuses = PARCEL_STATUSES.filter((s) => rows.some((r) => r.status === s))
  return stackedBar(
    uses.map(labels.landUse),
    statuses.map((status) => ({ name: labels.status(status), kind: 'mu', color: STATUS_COLOURS[status], data: uses.map((use) => muOf(rows, use, status)) })),
    lang,
  )
}

/** Transferred land of a district: what is not available. */
export const transferredMu = (row: LandDistrictRow) => Math.max(0, row.areaMu - row.availableAreaMu)

/** Available over transferred land per district, in 亩; bar i is row i. */
export function districtOption(rows: readonly LandDistrictRow[], labels: { available: string; transferred: string }, lang: Language): EChartsOption {
  return stackedBar(
    rows.map((r) => r.name),
    [
      { name: labels.available, kind: 'mu', color: STATUS_COLOURS.reserve, data: rows.map((r) => round2(r.availableAreaMu)) },
      { name: labels.transferred, kind: 'mu', color: STATUS_COLOURS.transferred, data: rows.map((r) => round2(transferredMu(r))) },
    ],
    lang,
  )
}

/** Available land per target industry in 亩; bar i is row i. */
export function industryOption(rows: readonly LandIndustryRow[], labels: { none: string; available: string }, lang: Language): EChartsOption {
  return barByGroup(
    rows.map((r) => r.industry ?? labels.none),
    [{ name: labels.available, kind: 'mu', color: STATUS_COLOURS.reserve, data: rows.map((r) => round2(r.areaMu)) }],
    lang,
  )
}
