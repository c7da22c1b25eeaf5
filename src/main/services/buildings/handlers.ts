import { DomainError } from '../../../shared/result'
import { getBuildingDetail, getBuildingFields, listBuildings } from '../../store/buildings'
import { currentLeasesOf } from '../../store/leases'
import type { BuildingRow } from '../../store/schema'
import { insertRow, restoreRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireDeleted, requireDistrict, requireLive } from '../guards'

export const buildingHandlers = {
  'buildings.list': async (input, { store }) => listBuildings(store.db, input),

  'buildings.get': async ({ id }, { store }) => {
    const detail = await getBuildingDetail(store.db, id)
    if (!detail) throw new DomainError('not_found', '楼宇：找不到该记录')
    return detail
  },

  'buildings.create': async (input, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireDistrict(w.trx, input.districtCode)
      if (input.clusterId) await requireLive(w.trx, 'clusters', input.clusterId, '所属聚集区', 'clusterId')
      const id = await insertRow(w, 'buildings', { ...input, kind: input.kind ?? 'office' })
      return { id }
    }),

  'buildings.update': async ({ id, ...patch }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLive<BuildingRow>(w.trx, 'buildings', id, '楼宇')
      // References are checked only when they change: a building whose cluster was deleted since
      // must still take an edit of its notes (the form sends every field back).
      if (patch.districtCode && patch.districtCode !== before.districtCode) await requireDistrict(w.trx, patch.districtCode)
      if (patch.clusterId && patch.clusterId !== before.clusterId) await requireLive(w.trx, 'clusters', patch.clusterId, '所属聚集区', 'clusterId')
      const next = { ...before, ...patch } as { lng?: number | null; lat?: number | null }
      if ((next.lng == null) !== (next.lat == null)) {
        throw new DomainError('invalid', '位置：经度和纬度需同时填写', 'lng')
      }
      await updateRow(w, 'buildings', id, patch, before)
    })
    // The answer is the building's own fields: no figures are summed for it.
    return (await getBuildingFields(store.db, id))!
  },

  'buildings.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const building = await requireLive<BuildingRow>(w.trx, 'buildings', id, '楼宇')
      const leases = await currentLeasesOf(w.trx, { buildingId: id })
      if (leases.length > 0) {
        throw new DomainError(
          'not_empty',
          `楼宇：“${building.name}”还有 ${leases.length} 份未到期的租约（如“${leases[0]!.tenantName}”），请先删除租约或填写到期日期后再删除楼宇`,
        )
      }
      await softDeleteRow(w, 'buildings', id)
      return null
    }),

  'buildings.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'buildings', id, '楼宇')
      await restoreRow(w, 'buildings', id, deletedAt)
      return null
    }),
} satisfies FeatureHandlers<'buildings'>
