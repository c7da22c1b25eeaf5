import type { DemoRemovalResult, DemoTable } from '../../../shared/demo'
import { DomainError } from '../../../shared/result'
import { DemoPreviewChanged, isLiveDemoRow, removeDemoRows } from '../../store/demoRows'
import { write } from '../../store/writer'
import type { ServiceContext } from '../context'

/**
 * Removes every live demo row in one transaction, except those `keep` names (rows a person edited
 * and chose to keep), the demo rows the person's own records use, and what those need; kept rows
 * become the person's own. Refused when the store holds no demo data, or when what the preview
 * the person looked at (its stamp) listed has changed since.
 */
export async function removeDemoData(ctx: ServiceContext, keep: Array<{ table: DemoTable; id: string }>, previewStamp?: string): Promise<DemoRemovalResult> {
  return write(ctx.store.db, ctx.author, async (w) => {
    for (const { table, id } of keep) {
      if (!(await isLiveDemoRow(w.trx, table, id))) {
        throw new DomainError('invalid', `保留的记录：${table} ${id} 不是现有的演示数据`, 'keep')
      }
    }
    let result: { removed: number; kept: number }
    try {
      result = await removeDemoRows(w, keep, previewStamp)
    } catch (error) {
      if (error instanceof DemoPreviewChanged) {
        throw new DomainError('conflict', '演示数据：查看之后又有演示记录被修改或被您的记录用到，未移除任何数据，请重新打开“移除演示数据”查看后再确认', 'previewStamp')
      }
      throw error
    }
    if (result.removed + result.kept === 0) throw new DomainError('not_found', '演示数据：数据文件中没有演示数据，无需移除')
    return result
  })
}
