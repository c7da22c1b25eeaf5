import type { Kysely } from 'kysely'
import { DomainError } from '../../../shared/result'
import { findLiveParcelByCode, getParcel, listParcels } from '../../store/parcels'
import type { Database } from '../../store/schema'
import { insertRow, restoreRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireDeleted, requireDistrict, requireLive } from '../guards'
import { deriveLocation } from './geometry'

async function requireFreeCode(db: Kysely<Database>, code: string, exceptId?: string): Promise<void> {
  if (await findLiveParcelByCode(db, code, exceptId)) {
    throw new DomainError('conflict', `地块编号：已有编号为「${code}」的地块`, 'code')
  }
}

function requirePair(position: { lng?: number | null; lat?: number | null }): void {
  if ((position.lng == null) !== (position.lat == null)) {
    throw new DomainError('invalid', '位置：经度和纬度需同时填写', 'lng')
  }
}

export const parcelHandlers = {
  'parcels.list': async (input, { store }) => listParcels(store.db, input),

  'parcels.get': async ({ id }, { store }) => {
    const parcel = await getParcel(store.db, id)
    if (!parcel) throw new DomainError('not_found', '地块：找不到该记录')
    return parcel
  },

  'parcels.create': async (input, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireDistrict(w.trx, input.districtCode)
      await requireFreeCode(w.trx, input.code)
      const located = deriveLocation(input)
      requirePair(located)
      const id = await insertRow(w, 'parcels', { ...input, ...located })
      return { id }
    }),

  'parcels.update': async ({ id, ...patch }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLive<{ lng: number | null; lat: number | null; plotRatioMin: number | null; plotRatioMax: number | null }>(
        w.trx, 'parcels', id, '地块',
      )
      if (patch.districtCode) await requireDistrict(w.trx, patch.districtCode)
      // The order of the plot ratios holds for the parcel as it will be, not only for the patch.
      const min = patch.plotRatioMin === undefined ? before.plotRatioMin : patch.plotRatioMin
      const max = patch.plotRatioMax === undefined ? before.plotRatioMax : patch.plotRatioMax
      if (min != null && max != null && min > max) {
        throw new DomainError('invalid', `容积率上限：不能小于下限（${min}）`, patch.plotRatioMax === undefined ? 'plotRatioMin' : 'plotRatioMax')
      }
      if (patch.code) await requireFreeCode(w.trx, patch.code, id)
      const located = deriveLocation(patch)
      requirePair({ lng: located.lng === undefined ? before.lng : located.lng, lat: located.lat === undefined ? before.lat : located.lat })
      await updateRow(w, 'parcels', id, { ...patch, ...located }, before)
    })
    return (await getParcel(store.db, id))!
  },

  'parcels.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'parcels', id, '地块')
      await softDeleteRow(w, 'parcels', id)
      return null
    }),

  'parcels.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'parcels', id, '地块')
      // Another parcel may have taken the code while this one was deleted.
      const parcel = await getParcel(w.trx, id)
      await requireFreeCode(w.trx, parcel!.code, id)
      await restoreRow(w, 'parcels', id, deletedAt)
      return null
    }),
} satisfies FeatureHandlers<'parcels'>
