import { DomainError } from '../../../shared/result'
import { batchRows, findBatch, markBatchUndone, rowsChangedSince } from '../../store/imports'
import type { LoggedTable } from '../../store/schema'
import { findRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { ServiceContext } from '../context'

// Taking a whole import back in one transaction: rows it created are soft-deleted, fields it
// updated get their previous values. Refused, naming the rows, when anyone has changed one of those
// rows since: an undo must never overwrite a person's later work.

const TABLE_LABELS: Record<string, string> = {
  districts: '区县', buildings: '楼宇', spaces: '空间', tenants: '企业', leases: '租约', parcels: '地块', parks: '园区',
  subParks: '分园', parkHosts: '载体楼宇', clusters: '聚集区',
}

const LIST_AT_MOST = 5

export async function undoImport(ctx: ServiceContext, id: string): Promise<null> {
  return write(ctx.store.db, ctx.author, async (w) => {
    const batch = await findBatch(w.trx, id)
    if (!batch) throw new DomainError('not_found', '导入记录：找不到该记录')
    if (batch.undoneAt) throw new DomainError('conflict', `导入记录：该次导入已于 ${batch.undoneAt.slice(0, 16).replace('T', ' ')} 撤销`)
    const rows = await batchRows(w.trx, id)
    const changed = await rowsChangedSince(w.trx, batch.hlc, [...new Set(rows.map((r) => r.tableName))])
    const edited = rows.filter((r) => changed.has(`${r.tableName}:${r.rowId}`))
    if (edited.length > 0) {
      const names: string[] = []
      for (const r of edited.slice(0, LIST_AT_MOST)) {
        const row = await findRow(w, r.tableName as LoggedTable, r.rowId)
        const label = (row?.name ?? row?.code ?? row?.floorLabel ?? r.rowId) as string
        names.push(`${TABLE_LABELS[r.tableName] ?? r.tableName}“${label}”`)
      }
      const more = edited.length > LIST_AT_MOST ? ` 等 ${edited.length} 条` : ''
      throw new DomainError('conflict', `导入记录：导入后已有人修改了 ${names.join('、')}${more}，撤销会覆盖这些修改，因此未撤销`)
    }
    // Newest first, so a row updated twice ends with the values it had before the import.
    for (const r of rows) {
      const table = r.tableName as LoggedTable
      if (r.op === 'insert') {
        const row = await findRow(w, table, r.rowId)
        if (row && row.deletedAt === null) await softDeleteRow(w, table, r.rowId)
      } else {
        await updateRow(w, table, r.rowId, JSON.parse(r.previous ?? '{}') as Record<string, unknown>)
      }
    }
    await markBatchUndone(w, id)
    return null
  })
}
