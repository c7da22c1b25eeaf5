import { DomainError } from '../../../shared/result'
import { getPark, listParks } from '../../store/parks'
import { insertRow, restoreRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireDeleted, requireDistrict, requireLive } from '../guards'
import { syncHosts, syncSubParks } from './children'

export const parkHandlers = {
  'parks.list': async (input, { store }) => listParks(store.db, input),

  'parks.get': async ({ id }, { store }) => {
    const park = await getPark(store.db, id)
    if (!park) throw new DomainError('not_found', '园区：找不到该记录')
    return park
  },

  'parks.create': async ({ subParks, hosts, ...fields }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireDistrict(w.trx, fields.districtCode)
      const id = await insertRow(w, 'parks', fields)
      await syncSubParks(w, id, subParks ?? [])
      await syncHosts(w, id, hosts ?? [])
      return { id }
    }),

  // An omitted list leaves those children as they are; an empty list removes them all.
  'parks.update': async ({ id, subParks, hosts, ...patch }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLive(w.trx, 'parks', id, '园区')
      if (patch.districtCode) await requireDistrict(w.trx, patch.districtCode)
      await updateRow(w, 'parks', id, patch, before)
      if (subParks !== undefined) await syncSubParks(w, id, subParks)
      if (hosts !== undefined) await syncHosts(w, id, hosts)
    })
    return (await getPark(store.db, id))!
  },

  'parks.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'parks', id, '园区')
      await softDeleteRow(w, 'parks', id)
      return null
    }),

  'parks.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'parks', id, '园区')
      await restoreRow(w, 'parks', id, deletedAt)
      return null
    }),
} satisfies FeatureHandlers<'parks'>
