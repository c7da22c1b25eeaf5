import { DomainError } from '../../../shared/result'
import { TARGET_UNITS, type TargetKind } from '../../../shared/stats'
import { TARGET_KIND_ZH } from '../../../shared/targets'
import type { TargetEntryTable, TargetTable } from '../../store/schema'
import { findEntry, nextTargetOrder } from '../../store/targets'
import { insertRow, restoreRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireDeleted, requireLive } from '../guards'
import { isComputed, listTargetRows, targetRow } from './rows'

// Annual targets (年度目标). A computed kind's achieved comes from the store and its unit is the
// kind's own; an entered kind (签约项目, custom) is entered month by month, one live entry per
// target and month (an entry is a logged row of its own, so its history is the target's).

/** The unit stored for a target: the kind's own, or the person's for a custom target (required). */
function unitFor(kind: TargetKind, unit: string | null | undefined): string {
  if (kind === 'custom') {
    if (!unit) throw new DomainError('invalid', '单位：自定义指标请填写单位（如 亿元、个、人）', 'unit')
    return unit
  }
  const own = TARGET_UNITS[kind]
  if (unit && unit !== own) throw new DomainError('invalid', `单位：${TARGET_KIND_ZH[kind]}的单位固定为 ${own}`, 'unit')
  return own
}

export const targetHandlers = {
  'targets.list': async ({ year }, { store }) => listTargetRows(store.db, year),

  'targets.create': async ({ year, kind, name, unit, targetValue, notes }, { store, author }) =>
    write(store.db, author, async (w) => {
      const id = await insertRow(w, 'targets', {
        year,
        kind,
        name,
        unit: unitFor(kind, unit),
        targetValue,
        notes: notes || null,
        sortOrder: await nextTargetOrder(w.trx, year),
        isDemo: 0,
      })
      return { id }
    }),

  'targets.update': async ({ id, name, unit, targetValue, notes }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLive<TargetTable>(w.trx, 'targets', id, '目标')
      const patch = {
        name,
        unit: unit === undefined ? undefined : unitFor(before.kind as TargetKind, unit),
        targetValue,
        notes: notes === undefined ? undefined : notes || null,
      }
      await updateRow(w, 'targets', id, patch, before as unknown as Record<string, unknown>)
    })
    return targetRow(store.db, id)
  },

  'targets.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'targets', id, '目标')
      await softDeleteRow(w, 'targets', id)
      return null
    }),

  // Its monthly entries were left alone by the delete: the target comes back with them.
  'targets.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'targets', id, '目标')
      await restoreRow(w, 'targets', id, deletedAt)
      return null
    }),

  'targets.setEntry': async ({ targetId, month, value, notes }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const target = await requireLive<TargetTable>(w.trx, 'targets', targetId, '目标', 'targetId')
      const kind = target.kind as TargetKind
      if (isComputed(kind)) {
        throw new DomainError('invalid', `完成值：“${target.name}”（${TARGET_KIND_ZH[kind]}）由系统根据现有数据自动统计，不能手工填报`, 'value')
      }
      if (!month.startsWith(`${target.year}-`)) {
        throw new DomainError('invalid', `月份：应在目标所属的 ${target.year} 年内`, 'month')
      }
      const entry = await findEntry(w.trx, targetId, month)
      if (value === null) {
        if (entry) await softDeleteRow(w, 'targetEntries', entry.id)
        return
      }
      if (entry) {
        const patch = { value, notes: notes === undefined ? undefined : notes || null }
        await updateRow(w, 'targetEntries', entry.id, patch, entry as unknown as Record<string, unknown>)
        return
      }
      const row: Omit<TargetEntryTable, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'> = {
        targetId,
        month,
        value,
        notes: notes || null,
        isDemo: 0,
      }
      await insertRow(w, 'targetEntries', row)
    })
    return targetRow(store.db, targetId)
  },
} satisfies FeatureHandlers<'targets'>
