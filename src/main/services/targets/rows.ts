import type { Kysely } from 'kysely'
import { COMPUTED_TARGET_KINDS, type TargetKind, type TargetMonth, type TargetRow } from '../../../shared/stats'
import { today as storeToday } from '../../store/leases'
import type { Database } from '../../store/schema'
import {
  enteredMonths,
  findTargets,
  type MonthValues,
  newAboveScaleTenants,
  newlyLeasedArea,
  parcelsTransferred,
  type TargetRecord,
} from '../../store/targets'

// A target as the screen shows it: achieved month by month (counted, or entered), the running
// total, completion and the sentence saying how achieved is counted.

type ComputedKind = 'new_above_scale_tenants' | 'leased_area' | 'parcels_transferred'

export const isComputed = (kind: string): kind is ComputedKind => COMPUTED_TARGET_KINDS.includes(kind as TargetKind)

/** How achieved is counted, per kind. */
export const TARGET_BASIS: Record<TargetKind, string> = {
  new_above_scale_tenants: '本年度截至今天首次入驻楼宇的规上企业数：按企业各租约中最早的起租日期计入当月，此前已有租约的企业不算新引进，起租日期在今天以后的暂不计入',
  leased_area: '本年度截至今天已起租的租约面积之和：按起租日期计入当月，续签的租约不计入，起租日期在今天以后的暂不计入',
  parcels_transferred: '本年度出让状态改为“已出让”的地块数：按变更记录中改为已出让的日期计入当月；录入或导入时即为已出让的地块无出让日期，不计入',
  projects_signed: '按月填报的签约项目数之和',
  custom: '按月填报的完成值之和',
}

const COUNTERS: Record<ComputedKind, (db: Kysely<Database>, year: number, today: string) => Promise<MonthValues>> = {
  new_above_scale_tenants: newAboveScaleTenants,
  leased_area: newlyLeasedArea,
  parcels_transferred: parcelsTransferred,
}

const roundMillionth = (n: number) => Math.round(n * 1e6) / 1e6

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)

function toRow(target: TargetRecord, values: MonthValues, entered: boolean): TargetRow {
  let cumulative = 0
  const months: TargetMonth[] = monthsOf(target.year).map((month) => {
    const value = values.get(month) ?? 0
    // Sums of decimals (1.1 + 2.2) are kept to a millionth, so totals read as entered.
    cumulative = roundMillionth(cumulative + value)
    return { month, value, cumulative, entered: entered && values.has(month) }
  })
  const kind = target.kind as TargetKind
  return {
    id: target.id,
    year: target.year,
    kind,
    name: target.name,
    unit: target.unit,
    targetValue: target.targetValue,
    notes: target.notes,
    computed: isComputed(kind),
    basis: TARGET_BASIS[kind] ?? TARGET_BASIS.custom,
    achieved: cumulative,
    completion: cumulative / target.targetValue,
    months,
  }
}

/** These targets with what was achieved; each computed kind is counted once per year. */
export async function targetRows(db: Kysely<Database>, targets: TargetRecord[]): Promise<TargetRow[]> {
  const entries = await enteredMonths(db, targets.filter((t) => !isComputed(t.kind)).map((t) => t.id))
  const counted = new Map<string, Promise<MonthValues>>()
  const today = await storeToday(db)
  const countedFor = (kind: ComputedKind, year: number) => {
    const key = `${kind}:${year}`
    if (!counted.has(key)) counted.set(key, COUNTERS[kind](db, year, today))
    return counted.get(key)!
  }
  return Promise.all(
    targets.map(async (t) =>
      isComputed(t.kind) ? toRow(t, await countedFor(t.kind, t.year), false) : toRow(t, entries.get(t.id) ?? new Map(), true),
    ),
  )
}

export async function listTargetRows(db: Kysely<Database>, year: number): Promise<TargetRow[]> {
  return targetRows(db, await findTargets(db, { year }))
}

export async function targetRow(db: Kysely<Database>, id: string): Promise<TargetRow> {
  const [row] = await targetRows(db, await findTargets(db, { ids: [id] }))
  return row!
}
