import { DomainError } from '../../../shared/result'
import type { ConflictValue, SyncConflict, SyncResolveInput } from '../../../shared/sync'
import { EXISTENCE_FIELD, predForResolution, predForRow, rowState, writtenValue } from '../../../shared/syncMerge'
import type { Store } from '../../store/open'
import type { LoggedTable } from '../../store/schema'
import { mergeTouched } from '../../store/syncApply'
import { localToday } from '../../store/syncRules'
import { CHOICE_DELETE, CHOICE_KEEP, CHOICE_RULE, choiceKind } from '../../store/syncConflicts'
import { rowOps, setPred } from '../../store/syncLog'
import { SYNC_TABLE_ORDER } from '../../store/syncTables'
import { type Author, logField, restoreRow, softDeleteRow, type Writer, write } from '../../store/writer'
import { openConflicts } from './conflicts'

// A person's pick in the conflicts review. The pick is logged as an operation that supersedes every
// head it chose between (so the conflict closes here, and on every device that receives it), even
// when the value picked is the one already shown; then the row is put in place again and its
// conflicts rebuilt, in the same transaction.

const parse = (json: string | null): unknown => (json === null ? null : (JSON.parse(json) as unknown))

export async function resolveConflict(store: Store, author: Author, input: SyncResolveInput): Promise<SyncConflict[]> {
  await write(store.db, author, async (w) => {
    // A row's field may hold a field conflict and a duplicate one side by side: the choice token
    // says which is meant. A head picked against the lease rule finds the rule's conflict (and is refused).
    const filed = await w.trx
      .selectFrom('syncConflicts')
      .selectAll()
      .where('tableName', '=', input.table)
      .where('rowId', '=', input.rowId)
      .where('field', '=', input.field)
      .execute()
    const kind = choiceKind(input.choice)
    const conflict = filed.find((c) => c.kind === kind) ?? (kind === 'field' ? filed.find((c) => c.kind === 'rule') : undefined)
    if (!conflict || !(SYNC_TABLE_ORDER as readonly string[]).includes(conflict.tableName)) {
      throw new DomainError('not_found', '冲突：这条冲突已解决或不存在，请刷新列表', 'field')
    }
    const table = conflict.tableName as LoggedTable
    const values = JSON.parse(conflict.values) as ConflictValue[]
    const picked = values.find((v) => v.choice === input.choice)
    if (conflict.kind === 'rule' && picked?.choice !== CHOICE_RULE) {
      throw new DomainError('conflict', '状态：该房源有正在执行的租约，只能保持“已租”；要改状态，请先结束或删除租约', 'choice')
    }
    if (!picked) throw new DomainError('invalid', '选择：不是这条冲突的可选值，请刷新列表后再选', 'choice')
    const touched = [{ table, rowId: input.rowId }]
    const ops = await rowOps(w.trx, table, input.rowId)
    const state = rowState(ops)

    if (conflict.kind === 'field' || conflict.kind === 'rule') {
      const field = input.field
      const chosen = conflict.kind === 'rule' ? JSON.stringify(picked.value) : writtenValue(ops.find((o) => o.id === picked.choice)!, field)
      const shown = state.fields.get(field)
      await logField(w, table, input.rowId, 'update', field, shown ? parse(writtenValue(shown.winner, field)) : null, parse(chosen))
      await setPred(w.trx, w.stamp, table, input.rowId, field, predForResolution(state, field))
    } else if (conflict.kind === 'delete') {
      await existence(w, table, input.rowId, picked.choice === CHOICE_DELETE ? 'delete' : 'restore', predForRow(state))
    } else {
      // Keep the row picked; the other is deleted (a logged delete that saw all of it).
      const other = values.find((v) => v.choice !== picked.choice)!
      const otherId = String(other.value)
      const otherState = rowState(await rowOps(w.trx, table, otherId))
      await existence(w, table, otherId, 'delete', predForRow(otherState))
      touched.push({ table, rowId: otherId })
    }
    await mergeTouched(store.sqlite, touched, { blob: () => undefined, today: localToday(), now: w.now })
  })
  return openConflicts(store)
}

async function existence(w: Writer, table: LoggedTable, rowId: string, op: 'delete' | 'restore', pred: string[]): Promise<void> {
  if (op === 'delete') await softDeleteRow(w, table, rowId)
  else {
    const row = await w.trx.selectFrom(table as 'buildings').select('deletedAt').where(table === 'districts' ? ('code' as 'id') : 'id', '=', rowId).executeTakeFirst()
    await restoreRow(w, table, rowId, row?.deletedAt ?? '')
  }
  await setPred(w.trx, w.stamp, table, rowId, EXISTENCE_FIELD, pred)
}

export { CHOICE_KEEP }
