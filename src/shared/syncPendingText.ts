import { TABLE_ZH } from './changeText'
import type { HistoryTable } from './history'
import type { PendingRow } from './sync'

// A row waiting to be put in place (sync_pending), in words people read: the merge records the
// reason with table and row ids ('缺少上级记录 buildings:<id>'); these name the tables in Chinese.

const tableZh = (table: string) => TABLE_ZH[table as HistoryTable] ?? table

/** '空间 1a2b3c4d：缺少上级记录（楼宇 5e6f7a8b）'. */
export function pendingRowText(p: PendingRow): string {
  const reason = p.reason.replace(/缺少上级记录 ([A-Za-z]+):(\S+)/g, (_m, table: string, id: string) => `缺少上级记录（${tableZh(table)} ${id.slice(0, 8)}）`)
  return `${tableZh(p.table)} ${p.rowId.slice(0, 8)}：${reason}`
}

/** '3 条记录待补全' with the listed rows' reasons (the count covers rows not listed). */
export function pendingSummary(count: number, listed: readonly PendingRow[]): string {
  const more = count > listed.length ? `；另有 ${count - listed.length} 条` : ''
  return `${count} 条记录待补全（缺少上级记录或照片数据，收到后自动补全）：${listed.map(pendingRowText).join('；')}${more}`
}
