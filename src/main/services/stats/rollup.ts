import type { z } from 'zod'
import { BUILDING_GRADES, BUILDING_KINDS } from '../../../shared/domain'
import { VOCAB_ZH } from '../../../shared/labels'
import type { RollupLevel, RollupRow, statsRollupInput, StatsRollup } from '../../../shared/stats'
import { compareNames } from '../../store/collate'
import { rollupFigures, type RollupSqlRow } from '../../store/statsRollup'
import type { ServiceContext } from '../context'
import { figureDay } from './figureDay'

/** The name of the row of buildings in no group of a level (key null). */
const NONE_NAME: Record<RollupLevel, string> = {
  district: '未知区县',
  cluster: '未归入聚集区',
  park: '不在产业园',
  kind: '未定类型',
  grade: '未定等级',
  building: '未知楼宇',
  // Current leases whose spaces were all deleted: their tax and tenants stay in the building.
  floor: '未关联现有单元的租约',
}

function nameOf(level: RollupLevel, row: RollupSqlRow): string {
  if (row.key === null) return NONE_NAME[level]
  if (level === 'kind') return VOCAB_ZH.buildingKind[row.key as keyof typeof VOCAB_ZH.buildingKind] ?? row.key
  if (level === 'grade') return VOCAB_ZH.grade[row.key as keyof typeof VOCAB_ZH.grade] ?? row.key
  return row.name ?? row.key
}

function toRow(level: RollupLevel, row: RollupSqlRow, name = nameOf(level, row)): RollupRow {
  const { leasableArea, vacantArea, leasedArea, annualTax } = row
  return {
    key: row.key,
    name,
    buildings: row.buildings,
    leasableArea,
    vacantArea,
    vacancyRate: leasableArea > 0 ? vacantArea / leasableArea : null,
    occupancyRate: leasableArea > 0 ? leasedArea / leasableArea : null,
    tenants: row.tenants,
    aboveScaleTenants: row.aboveScaleTenants,
    registeredTenants: row.registeredTenants,
    annualTax,
    taxPerLeasedM2: leasedArea > 0 ? annualTax / leasedArea : null,
    comingFree12m: row.comingFree12m,
  }
}

/** Rows in the order a report lists them; the row of buildings in no group comes last. */
function order(level: RollupLevel, rows: RollupSqlRow[]): RollupSqlRow[] {
  const vocab = level === 'kind' ? (BUILDING_KINDS as readonly string[]) : level === 'grade' ? (BUILDING_GRADES as readonly string[]) : null
  const compare = (a: RollupSqlRow, b: RollupSqlRow): number => {
    if (level === 'district') return a.key!.localeCompare(b.key!)
    if (level === 'floor') return (b.sort ?? 0) - (a.sort ?? 0) || compareNames(a.key!, b.key!)
    // The store's place by name (compareNames, then id), worked out once per kept facts.
    if (level === 'building' && a.sort !== null && b.sort !== null) return a.sort - b.sort
    if (vocab) return vocab.indexOf(a.key!) - vocab.indexOf(b.key!)
    return compareNames(a.name ?? '', b.name ?? '') || a.key!.localeCompare(b.key!)
  }
  return rows.sort((a, b) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || (a.key === null ? 0 : compare(a, b)))
}

export async function rollup(ctx: ServiceContext, input: z.output<typeof statsRollupInput>): Promise<StatsRollup> {
  const day = await figureDay(ctx)
  const { rows, total } = await rollupFigures(ctx.store.db, { level: input.by, within: input.within, scope: input.scope, ...day })
  return {
    by: input.by,
    rows: order(input.by, rows).map((row) => toRow(input.by, row)),
    total: toRow(input.by, total, '合计'),
  }
}
