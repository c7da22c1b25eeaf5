import { DomainError } from '../../../shared/result'
import { importWriter, insertBatch } from '../../store/imports'
import type { Store } from '../../store/open'
import { updateRow, type Writer } from '../../store/writer'
import type { Plan } from './plan'

// Writing a plan inside a writer's transaction (the caller's write()): prepared inserts with one
// change-log entry per row, updates through updateRow (a log entry per changed field), and a batch
// listing every row touched with the fields' previous values, for undo. An abort stops it between
// rows and the transaction rolls back: nothing is written.

export interface ApplyProgress {
  (done: number, total: number): void
}

/** Rows written between yields to the event loop (so a cancel can arrive). */
const CHUNK = 500

export async function applyPlan(
  store: Store,
  w: Writer,
  plan: Plan,
  batch: { id: string; fileName: string },
  options: { signal?: AbortSignal; onProgress?: ApplyProgress } = {},
): Promise<void> {
  const writer = importWriter(store.sqlite, w, batch.id)
  const { preview, groups } = plan
  await insertBatch(w, {
    id: batch.id, fileName: batch.fileName, kind: preview.kind, sheet: preview.sheet, created: preview.created, updated: preview.updated,
    rejected: new Set(preview.rejected.map((p) => p.row)).size,
  })
  for (const [index, group] of groups.entries()) {
    for (const op of group.ops) {
      if (op.op === 'insert') {
        writer.insert(op.table, op.values, op.logExtra)
        writer.touched(op.table, (op.table === 'districts' ? op.values.code : op.values.id) as string, 'insert')
      } else if (op.op === 'link') {
        writer.linkLeaseSpace(op.leaseId, op.spaceId)
      } else {
        const changed = await updateRow(w, op.table, op.id, op.patch, op.before)
        if (changed.length > 0) writer.touched(op.table, op.id, 'update', Object.fromEntries(changed.map((f) => [f, op.before[f] ?? null])))
      }
    }
    if ((index + 1) % CHUNK === 0 || index + 1 === groups.length) {
      options.onProgress?.(index + 1, groups.length)
      await new Promise((resolve) => setImmediate(resolve))
      if (options.signal?.aborted) throw new DomainError('invalid', '导入：已取消，未写入任何数据')
    }
  }
  if (options.signal?.aborted) throw new DomainError('invalid', '导入：已取消，未写入任何数据')
}
