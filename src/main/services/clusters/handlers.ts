import { DomainError } from '../../../shared/result'
import { getCluster, listClusters } from '../../store/clusters'
import { insertRow, restoreRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireDeleted, requireDistrict, requireLive } from '../guards'

export const clusterHandlers = {
  'clusters.list': async (input, { store }) => listClusters(store.db, input),

  'clusters.get': async ({ id }, { store }) => {
    const cluster = await getCluster(store.db, id)
    if (!cluster) throw new DomainError('not_found', '聚集区：找不到该记录')
    return cluster
  },

  'clusters.create': async (input, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireDistrict(w.trx, input.districtCode)
      return { id: await insertRow(w, 'clusters', input) }
    }),

  'clusters.update': async ({ id, ...patch }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLive(w.trx, 'clusters', id, '聚集区')
      if (patch.districtCode) await requireDistrict(w.trx, patch.districtCode)
      await updateRow(w, 'clusters', id, patch, before)
    })
    return (await getCluster(store.db, id))!
  },

  // Buildings keep their cluster_id: the buildings query ignores a deleted cluster, and a restore
  // brings the grouping back as it was.
  'clusters.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'clusters', id, '聚集区')
      await softDeleteRow(w, 'clusters', id)
      return null
    }),

  'clusters.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'clusters', id, '聚集区')
      await restoreRow(w, 'clusters', id, deletedAt)
      return null
    }),
} satisfies FeatureHandlers<'clusters'>
