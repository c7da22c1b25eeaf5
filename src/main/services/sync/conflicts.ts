import { HISTORY_TABLES, type HistoryTable } from '../../../shared/history'
import type { SyncConflict } from '../../../shared/sync'
import type { Store } from '../../store/open'
import { nameRows, rowKey, type RowKeys } from '../../store/rowNames'
import { listConflicts } from '../../store/syncConflicts'

/** The open conflicts, newest first, each with its row named as people know it. */
export async function openConflicts(store: Store): Promise<SyncConflict[]> {
  const conflicts = await listConflicts(store.db)
  const wanted: RowKeys = new Map()
  for (const c of conflicts) {
    if (!(HISTORY_TABLES as readonly string[]).includes(c.table)) continue
    const table = c.table as HistoryTable
    const ids = wanted.get(table) ?? new Set<string>()
    ids.add(c.rowId)
    wanted.set(table, ids)
  }
  const names = await nameRows(store.db, wanted)
  return conflicts.map((c) => ({ ...c, rowName: names.get(rowKey(c.table, c.rowId)) ?? null }))
}
