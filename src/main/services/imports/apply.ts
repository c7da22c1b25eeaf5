import { DomainError } from '../../../shared/result'
import { floorUnitKey } from '../../../shared/floors'
import { importWriter, insertBatch } from '../../store/imports'
import { liveSpacesOfBuildings } from '../../store/spaces'
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
  await requireOneSpacePerFloorUnit(w, groups)
}

/**
 * One space per floor + unit, checked once over what the import wrote (inside its transaction):
 * rows of the file against each other and against the spaces already stored. The planners refuse
 * what they can see row by row; this catches the rest (the app's workbook names spaces by id), and
 * a clash refuses the whole import, naming the row.
 */
async function requireOneSpacePerFloorUnit(w: Writer, groups: Plan['groups']): Promise<void> {
  const rowOf = new Map<string, number>()
  const buildings = new Set<string>()
  for (const group of groups) {
    for (const op of group.ops) {
      if (op.op === 'link' || op.table !== 'spaces') continue
      if (op.op === 'insert') {
        rowOf.set(op.values.id as string, group.row)
        buildings.add(op.values.buildingId as string)
      } else if (op.op === 'update' && (op.patch.floorLabel !== undefined || op.patch.unit !== undefined)) {
        rowOf.set(op.id, group.row)
        buildings.add(op.before.buildingId as string)
      }
    }
  }
  if (rowOf.size === 0) return
  const seen = new Map<string, string>()
  for (const s of await liveSpacesOfBuildings(w.trx, [...buildings])) {
    const key = `${s.buildingId}|${floorUnitKey(s.floorLabel, s.unit)}`
    const other = seen.get(key)
    if (other !== undefined && (rowOf.has(s.id) || rowOf.has(other))) {
      const row = rowOf.get(s.id) ?? rowOf.get(other)!
      const where = s.unit ? `${s.floorLabel} 层 ${s.unit} 单元` : `${s.floorLabel} 层（未分单元）`
      throw new DomainError('conflict', `第 ${row} 行：楼宇“${s.buildingName}”已有 ${where} 的空间，同一楼层同一单元只能登记一次；未导入任何数据`, 'spaces')
    }
    seen.set(key, s.id)
  }
}
