import { floorSortKey } from '../../../shared/domain'
import { listSpaces } from '../../store/spaces'
import { insertRow, restoreRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireDeleted, requireLive, storeBooleans } from '../guards'

export const spaceHandlers = {
  'spaces.list': async (input, { store }) => listSpaces(store.db, input),

  'spaces.create': async (input, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'buildings', input.buildingId, '所属楼宇', 'buildingId')
      const id = await insertRow(w, 'spaces', {
        ...storeBooleans(input),
        divisible: input.divisible ? 1 : 0,
        floorSort: floorSortKey(input.floorLabel),
      })
      return { id }
    }),

  'spaces.update': async ({ id, ...patch }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLive(w.trx, 'spaces', id, '空间')
      const values = patch.floorLabel === undefined ? storeBooleans(patch) : { ...storeBooleans(patch), floorSort: floorSortKey(patch.floorLabel) }
      await updateRow(w, 'spaces', id, values, before)
    })
    const [space] = await listSpaces(store.db, { ids: [id] })
    return space!
  },

  'spaces.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'spaces', id, '空间')
      await softDeleteRow(w, 'spaces', id)
      return null
    }),

  'spaces.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'spaces', id, '空间')
      await restoreRow(w, 'spaces', id, deletedAt)
      return null
    }),
} satisfies FeatureHandlers<'spaces'>
