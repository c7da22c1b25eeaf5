import type { DemoRemovalResult, DemoTable } from '../../../shared/demo'
import { DomainError } from '../../../shared/result'
import { isLiveDemoRow, removeDemoRows } from '../../store/demoRows'
import { write } from '../../store/writer'
import type { ServiceContext } from '../context'

/**
 * Removes every live demo row in one transaction, except those `keep` names (rows a person edited
 * and chose to keep), the demo rows the person's own records use, and what those need; kept rows
 * become the person's own. Refused when the store holds no demo data.
 */
export async function removeDemoData(ctx: ServiceContext, keep: Array<{ table: DemoTable; id: string }>): Promise<DemoRemovalResult> {
  return write(ctx.store.db, ctx.author, async (w) => {
    for (const { table, id } of keep) {
      if (!(await isLiveDemoRow(w.trx, table, id))) {
        throw new DomainError('invalid', `保留的记录：${table} ${id} 不是现有的演示数据`, 'keep')
      }
    }
    const result = await removeDemoRows(w, keep)
    if (result.removed + result.kept === 0) throw new DomainError('not_found', '演示数据：数据文件中没有演示数据，无需移除')
    return result
  })
}
