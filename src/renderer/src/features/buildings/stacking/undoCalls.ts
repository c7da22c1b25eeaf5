import type { SpacePrevious } from '../../../../../shared/schemas/spaceLayout'
import { api } from '../../../api/client'

// The inverse calls of the layout writes, as the undo stack runs them. Each uses what the write
// answered (previous values, created ids); none reaches past the service contract.

/** Puts back the statuses (and rents, fit-outs, dates) a bulk update replaced: one call per set of values. */
export async function undoBulkUpdate(previous: SpacePrevious[]): Promise<void> {
  const groups = new Map<string, { patch: Omit<SpacePrevious, 'id'>; ids: string[] }>()
  for (const { id, ...patch } of previous) {
    const key = JSON.stringify(patch)
    const group = groups.get(key) ?? { patch, ids: [] }
    group.ids.push(id)
    groups.set(key, group)
  }
  for (const { patch, ids } of groups.values()) await api.call('spaces.bulkUpdate', { ids, patch })
}

/** Removes spaces a write created (generated or copied floors). */
export async function undoCreated(ids: string[]): Promise<void> {
  for (const id of ids) await api.call('spaces.delete', { id })
}

/** Joins the two halves of a split again and gives the space back its unit. */
export async function undoSplit(result: { id: string; createdId: string; previous: { unit: string | null } }): Promise<void> {
  await api.call('spaces.merge', { ids: [result.id, result.createdId] })
  await api.call('spaces.update', { id: result.id, unit: result.previous.unit })
}

/** Gives the kept space its own unit and area back, then restores the spaces merged into it. */
export async function undoMerge(result: { id: string; deletedIds: string[]; previous: { area: number; unit: string | null } }): Promise<void> {
  await api.call('spaces.update', { id: result.id, unit: result.previous.unit, area: result.previous.area })
  for (const id of result.deletedIds) await api.call('spaces.restore', { id })
}

/** Removes a lease made from the plan (its spaces fall back as the lease rules settle them). */
export async function undoLease(id: string): Promise<void> {
  await api.call('leases.delete', { id })
}

/** Puts back one field of one space changed in the grid. */
export async function undoSpaceField(id: string, previous: { status: SpacePrevious['status'] } | { area: number }): Promise<void> {
  await api.call('spaces.update', { id, ...previous })
}
