import type { LandDistrictRow, LandIndustryRow, LandRow, StatsLand } from '../../../../../../shared/stats'

// Land answers → the rows of the tables beside the charts, with their totals.

export interface UseStatusRow extends LandRow {
  key: string
}

export function landUseStatusRows(land: StatsLand): { rows: UseStatusRow[]; total: UseStatusRow } {
  return {
    rows: land.rows.map((r) => ({ ...r, key: `${r.landUse}:${r.status}` })),
    // The total's land use and status are only placeholders: its columns print 合计 instead.
    total: { key: 'total', landUse: 'other', status: 'reserve', ...land.total },
  }
}

export function districtTotal(rows: readonly LandDistrictRow[], name: string): LandDistrictRow {
  const sum = (f: (r: LandDistrictRow) => number) => rows.reduce((s, r) => s + f(r), 0)
  return {
    key: 'total', name,
    parcels: sum((r) => r.parcels), areaM2: sum((r) => r.areaM2), areaMu: sum((r) => r.areaMu),
    availableParcels: sum((r) => r.availableParcels), availableAreaMu: sum((r) => r.availableAreaMu),
  }
}

export function industryTotal(rows: readonly LandIndustryRow[]): LandIndustryRow {
  return {
    industry: null,
    parcels: rows.reduce((s, r) => s + r.parcels, 0),
    areaMu: rows.reduce((s, r) => s + r.areaMu, 0),
    referenceValue: rows.reduce((s, r) => s + r.referenceValue, 0),
  }
}
