import { floorSortKey } from '../../../shared/domain'
import { canonicalFloorLabel } from '../../../shared/floors'
import { DomainError } from '../../../shared/result'
import { today } from '../../store/leases'
import { updateRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireLive } from '../guards'
import { recheckQueue } from './queue'

export const verificationHandlers = {
  // Each marked row is logged (field verifiedAt), so the history says who confirmed what and when.
  'verification.mark': async (input, { store, author }) =>
    write(store.db, author, async (w) => {
      const day = await today(w.trx)
      const mark = async (table: 'buildings' | 'spaces' | 'parcels', id: string) => {
        await updateRow(w, table, id, { verifiedAt: day })
      }
      if (input.kind === 'parcel') {
        await requireLive(w.trx, 'parcels', input.id, '地块')
        await mark('parcels', input.id)
        return { verifiedAt: day, rows: 1 }
      }
      if (input.kind === 'space') {
        await requireLive(w.trx, 'spaces', input.id, '空间')
        await mark('spaces', input.id)
        return { verifiedAt: day, rows: 1 }
      }
      await requireLive(w.trx, 'buildings', input.id, '楼宇')
      let spaces = w.trx.selectFrom('spaces').select(['id', 'floorLabel']).where('buildingId', '=', input.id).where('deletedAt', 'is', null)
      // A floor is every space whose label reads as that floor, stored canonical or not ("12F").
      const floor = input.kind === 'floor' ? canonicalFloorLabel(input.floorLabel) : null
      if (input.kind === 'floor') spaces = spaces.where('floorSort', '=', floorSortKey(input.floorLabel))
      const ids = (await spaces.execute()).filter((s) => floor === null || canonicalFloorLabel(s.floorLabel) === floor).map((s) => s.id)
      if (input.kind === 'floor' && ids.length === 0) {
        throw new DomainError('invalid', `楼层：${input.floorLabel} 层没有空间可核实`, 'floorLabel')
      }
      for (const id of ids) await mark('spaces', id)
      if (input.kind === 'building') await mark('buildings', input.id)
      return { verifiedAt: day, rows: ids.length + (input.kind === 'building' ? 1 : 0) }
    }),

  'verification.queue': async (input, ctx) => recheckQueue(input, ctx),
} satisfies FeatureHandlers<'verification'>
