import { floorSortKey } from '../../../shared/domain'
import { DomainError } from '../../../shared/result'
import { currentLeasesOf, today } from '../../store/leases'
import type { SpaceRow } from '../../store/schema'
import { mergedAwayInto } from '../../store/spaceLayout'
import { listSpaces } from '../../store/spaces'
import { insertRow, restoreRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireDeleted, requireLive, storeBooleans } from '../guards'
import { spaceLayoutHandlers } from './layout'
import { requireFreeFloorUnit, requireLiveBuilding } from './rules'

/** The refusal names the lease, so the person is taken to where its end date is entered. */
const leasedBy = (what: string, field: string | undefined, lease: { id: string; tenantName: string }) => {
  const error = new DomainError('conflict', `${what}：该空间由“${lease.tenantName}”租用，租约尚未到期；请先删除租约或填写到期日期`, field)
  error.related = { kind: 'lease', id: lease.id }
  return error
}

export const spaceHandlers = {
  ...spaceLayoutHandlers,
  'spaces.list': async (input, { store }) => listSpaces(store.db, input),

  'spaces.create': async (input, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'buildings', input.buildingId, '所属楼宇', 'buildingId')
      await requireFreeFloorUnit(w, input.buildingId, input.floorLabel, input.unit)
      const id = await insertRow(w, 'spaces', {
        ...storeBooleans(input),
        divisible: input.divisible ? 1 : 0,
        floorSort: floorSortKey(input.floorLabel),
      })
      return { id }
    }),

  'spaces.update': async ({ id, ...patch }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLive<SpaceRow>(w.trx, 'spaces', id, '空间')
      // A space a lease covers today is leased: its status follows the lease. Under a signed lease
      // that has not started it is still on the market, vacant or reserved (意向) until the start
      // day turns it leased; sold or owner-occupied would contradict the lease.
      if (patch.status !== undefined && patch.status !== 'leased' && patch.status !== before.status) {
        const onMarket = patch.status === 'vacant' || patch.status === 'reserved'
        const [lease] = await currentLeasesOf(w.trx, { spaceId: id }, onMarket ? await today(w.trx) : undefined)
        if (lease) throw leasedBy('状态', 'status', lease)
      }
      if (patch.floorLabel !== undefined || patch.unit !== undefined) {
        const unit = patch.unit === undefined ? before.unit : patch.unit
        await requireFreeFloorUnit(w, before.buildingId, patch.floorLabel ?? before.floorLabel, unit, id)
      }
      const values = patch.floorLabel === undefined ? storeBooleans(patch) : { ...storeBooleans(patch), floorSort: floorSortKey(patch.floorLabel) }
      await updateRow(w, 'spaces', id, values, before)
    })
    const [space] = await listSpaces(store.db, { ids: [id] })
    return space!
  },

  'spaces.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'spaces', id, '空间')
      const [lease] = await currentLeasesOf(w.trx, { spaceId: id })
      if (lease) throw leasedBy('空间', undefined, lease)
      await softDeleteRow(w, 'spaces', id)
      return null
    }),

  'spaces.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'spaces', id, '空间')
      const space = (await w.trx.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
      await requireLiveBuilding(w, space.buildingId)
      // A merged-away space's area lives on in the space it was merged into: restoring it alone would count it twice.
      const keptId = await mergedAwayInto(w.trx, id)
      if (keptId !== null) {
        const kept = await w.trx.selectFrom('spaces').select(['floorLabel', 'unit']).where('id', '=', keptId).executeTakeFirst()
        const name = kept ? `${kept.floorLabel} 层${kept.unit ? ` ${kept.unit}` : ''}` : '另一空间'
        throw new DomainError('conflict', `空间：已合并入“${name}”，不能单独恢复；请在楼宇页撤销合并`)
      }
      await requireFreeFloorUnit(w, space.buildingId, space.floorLabel, space.unit, id)
      await restoreRow(w, 'spaces', id, deletedAt)
      return null
    }),
} satisfies FeatureHandlers<'spaces'>
