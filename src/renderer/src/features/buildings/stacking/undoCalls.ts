import type { SpaceMergeResult, SpacePrevious, SpaceSplitResult } from '../../../../../shared/schemas/spaceLayout'
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

/** Removes spaces a write created (generated or copied floors): one write, refused whole if one was leased since. */
export async function undoCreated(ids: string[]): Promise<void> {
  await api.call('spaces.deleteMany', { ids })
}

/** Joins the two halves of a split into the original space, with its own unit back: one write. */
export async function undoSplit(result: SpaceSplitResult): Promise<void> {
  await api.call('spaces.merge', { ids: [result.id, result.createdId], keepId: result.id, unit: result.previous.unit })
}

/** Restores the spaces merged away, the kept space's own unit and area, and their lease links: one write. */
export async function undoMerge(result: SpaceMergeResult): Promise<void> {
  await api.call('spaces.unmerge', { keptId: result.id, restoredIds: result.deletedIds, kept: result.previous, links: result.links })
}

/** Removes a lease made from the plan (its spaces fall back as the lease rules settle them). */
export async function undoLease(id: string): Promise<void> {
  await api.call('leases.delete', { id })
}

/** Puts back one field of one space changed in the grid. */
export async function undoSpaceField(id: string, previous: { status: SpacePrevious['status'] } | { area: number }): Promise<void> {
  await api.call('spaces.update', { id, ...previous })
}
