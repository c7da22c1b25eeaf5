import { DomainError } from '../../../shared/result'
import { findLiveSavedSearchByName, getSavedSearch, listSavedSearches } from '../../store/savedSearches'
import { insertRow, restoreRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireDeleted, requireLive } from '../guards'

const duplicate = (name: string) => new DomainError('conflict', `名称：已有名为“${name}”的查询，请换一个名称`, 'name')

/** The stored shape: filter and area as JSON text. */
const toRow = (input: { filter?: unknown; area?: unknown }) => ({
  ...(input.filter !== undefined && { filters: JSON.stringify(input.filter) }),
  ...(input.area !== undefined && { area: input.area === null ? null : JSON.stringify(input.area) }),
})

export const savedSearchHandlers = {
  'savedSearches.list': async (_input, { store }) => listSavedSearches(store.db),

  'savedSearches.create': async ({ name, notes, filter, area }, { store, author }) =>
    write(store.db, author, async (w) => {
      if (await findLiveSavedSearchByName(w.trx, name)) throw duplicate(name)
      const id = await insertRow(w, 'savedSearches', { name, notes: notes ?? null, ...toRow({ filter, area: area ?? null }) })
      return { id }
    }),

  'savedSearches.update': async ({ id, name, notes, filter, area }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLive(w.trx, 'savedSearches', id, '保存的查询')
      if (name !== undefined && (await findLiveSavedSearchByName(w.trx, name, id))) throw duplicate(name)
      await updateRow(w, 'savedSearches', id, { name, notes, ...toRow({ filter, area }) }, before)
    })
    return (await getSavedSearch(store.db, id))!
  },

  'savedSearches.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'savedSearches', id, '保存的查询')
      await softDeleteRow(w, 'savedSearches', id)
      return null
    }),

  'savedSearches.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'savedSearches', id, '保存的查询')
      const row = await getSavedSearch(w.trx, id)
      if (row && (await findLiveSavedSearchByName(w.trx, row.name, id))) throw duplicate(row.name)
      await restoreRow(w, 'savedSearches', id, deletedAt)
      return null
    }),
} satisfies FeatureHandlers<'savedSearches'>
