import type { SpaceStatus } from '../../shared/domain'
import { leaseCovers, spaceStatusOn } from '../../shared/tenancy'
import { writtenValue } from '../../shared/syncMerge'
import type { LoggedTable } from './schema'
import type { Merger } from './syncMaterialize'

// The rules a merge must not break (issue 13, item 2). Each is a function of the operations held,
// so every device reaches the same state whatever order they arrived in; a merge that would break
// one becomes a conflict a person resolves, never a silent change.

/** One live row per key: the row whose first insert is earliest stays, the others are held out. */
export interface DuplicateRule {
  /** The key's fields (all non-null for the rule to apply). */
  fields: readonly string[]
  /** The field the conflict is filed under. */
  conflictField: string
  note: string
}

// The unique indexes of the schema (parcels_code, tenants_credit_code, saved_searches_name,
// target_entries_month) and the one-space-per-floor-and-unit rule the services keep.
export const DUPLICATE_RULES: Readonly<Partial<Record<LoggedTable, DuplicateRule>>> = {
  spaces: { fields: ['buildingId', 'floorLabel', 'unit'], conflictField: 'unit', note: '同一楼层的同一单元号只能有一个房源' },
  tenants: { fields: ['creditCode'], conflictField: 'creditCode', note: '统一社会信用代码不能重复' },
  parcels: { fields: ['code'], conflictField: 'code', note: '地块编号不能重复' },
  savedSearches: { fields: ['name'], conflictField: 'name', note: '保存的筛选名称不能重复' },
  targetEntries: { fields: ['targetId', 'month'], conflictField: 'month', note: '同一指标每月只能有一条完成值' },
}

export const LEASE_RULE_NOTE = '该房源有正在执行的租约，状态保持已租'

/** A space kept leased against the value its operations show. */
export interface LeaseHold {
  verdict: SpaceStatus
  /** The running lease that keeps it. */
  leaseId: string
}

function shownStatus(merger: Merger, spaceId: string): string | null {
  const status = merger.load('spaces', spaceId).state.fields.get('status')
  const json = status ? writtenValue(status.winner, 'status') : null
  return json === null ? null : (JSON.parse(json) as string)
}

/**
 * A space under a running lease stays leased: for each space the merge looked at, the status its
 * operations show is put to the lease's verdict when they differ (the conflict records both).
 */
export async function applyLeaseRule(merger: Merger, spaceIds: Iterable<string>): Promise<Map<string, LeaseHold>> {
  const held = new Map<string, LeaseHold>()
  const leasesOf = merger.statement(
    `SELECT l.id, l.start_date AS startDate, l.end_date AS endDate FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id
     WHERE ls.space_id = ? AND l.deleted_at IS NULL ORDER BY l.id`,
  )
  const rowOf = merger.statement('SELECT status, deleted_at AS deletedAt FROM spaces WHERE id = ?')
  const setStatus = merger.statement('UPDATE spaces SET status = ? WHERE id = ?')
  for (const id of spaceIds) {
    await merger.breathe()
    const row = rowOf.get(id) as { status: string; deletedAt: string | null } | undefined
    if (!row) continue
    merger.touched.set(`spaces\u0000${id}`, { table: 'spaces', rowId: id })
    const shown = (merger.shownStatus.get(id) ?? shownStatus(merger, id) ?? row.status) as SpaceStatus
    let wanted = shown
    if (row.deletedAt === null) {
      const leases = leasesOf.all(id) as Array<{ id: string; startDate: string | null; endDate: string | null }>
      const running = leases.find((l) => leaseCovers(l, merger.options.today))
      if (running) {
        const verdict = spaceStatusOn({ status: shown }, leases, merger.options.today)
        if (verdict !== shown) {
          wanted = verdict
          held.set(id, { verdict, leaseId: running.id })
        }
      }
    }
    if (row.status !== wanted) setStatus.run(wanted, id)
  }
  return held
}

/** Today on this computer (YYYY-MM-DD): the lease rule's day unless a caller fixes it. */
export function localToday(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
