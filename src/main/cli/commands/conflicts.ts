import { fieldLabel, formatValue, formatWhen, TABLE_ZH } from '../../../shared/changeText'
import type { HistoryTable } from '../../../shared/history'
import type { ConflictValue, SyncConflict, SyncStatus } from '../../../shared/sync'
import { pendingSummary } from '../../../shared/syncPendingText'
import { CliError, type Output } from '../output'
import { openForCommand, servicesFor } from '../store'

// conflicts --db F [--json]: the open conflicts of a store after merging colleagues' changes, one
// per row and field with every value in it (who wrote it, when, which one is shown now).

export const CONFLICTS_USAGE = `conflicts --db FILE [--json]   列出合并后待处理的冲突；--json 输出 [ { "table", "rowId", "field", "values" } ]`

const ROLE_ZH: Record<NonNullable<ConflictValue['role']>, string> = { deleted: '删除', restored: '恢复', edited: '修改', rule: '规则要求', kept: '保留的记录', held: '另一条记录' }

function valueText(c: SyncConflict, v: ConflictValue): string {
  const what = c.kind === 'delete' && v.role === 'deleted' ? '已删除' : c.kind === 'delete' && v.role === 'restored' ? '已恢复' : c.kind === 'field' ? `「${formatValue(c.table, c.field, v.value)}」` : `「${typeof v.value === 'string' ? v.value : JSON.stringify(v.value)}」`
  const role = v.role && c.kind !== 'field' ? `${ROLE_ZH[v.role]} ` : ''
  return `${role}${what}（${v.actor}，${formatWhen(v.at)}${v.shown ? '，当前显示' : ''}）`
}

export function describeConflict(c: SyncConflict): string {
  const table = TABLE_ZH[c.table as HistoryTable] ?? c.table
  const row = c.rowName ? `${table} ${c.rowName}` : `${table} ${c.rowId.slice(0, 8)}`
  const field = c.kind === 'delete' ? '删除与修改' : fieldLabel(c.table, c.field)
  const note = c.note ? `（${c.note}）` : ''
  return `${row} · ${field}${note}：${c.values.map((v) => valueText(c, v)).join(' / ')}`
}

export async function conflictsCommand(db: string, options: { json: boolean }, output: Output): Promise<void> {
  // Opened as every other command (an older file is brought up to date, after a backup, and then has no conflicts).
  const store = await openForCommand(db, { mustExist: true })
  try {
    const services = await servicesFor(store)
    const result = await services.dispatch('sync.conflicts', {})
    if (!result.ok) throw new CliError(result.error.message)
    const conflicts = result.value as SyncConflict[]
    if (options.json) {
      output.out(JSON.stringify(conflicts.map(({ table, rowId, field, kind, values, rowName, note }) => ({ table, rowId, field, kind, values, rowName: rowName ?? null, note: note ?? null }))))
      return
    }
    // Rows that wait for a parent or a photo are no conflict, but a person must know they are there.
    const answered = await services.dispatch('sync.status', {})
    const status = answered.ok ? (answered.value as SyncStatus) : null
    if (conflicts.length === 0) output.out('没有待处理的冲突')
    else {
      output.out(`待处理的冲突 ${conflicts.length} 处：`)
      for (const c of conflicts) output.out(`  ${describeConflict(c)}`)
    }
    if (status && status.pendingRows > 0) output.out(pendingSummary(status.pendingRows, status.pending))
  } finally {
    await store.close()
  }
}
