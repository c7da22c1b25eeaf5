import { DomainError, requireAccepted } from '../../../shared/result'
import {
  addLeaseSpaces, findLease, leaseSpaceIds, listLeases, removeLeaseSpaces, renewalLinks, spacesByIds, today, touchLease,
} from '../../store/leases'
import type { LeaseRow } from '../../store/schema'
import { getTenant } from '../../store/tenants'
import { insertRow, logField, restoreRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireDeleted, requireLive } from '../guards'
import { comingFreeSpaces } from './comingFree'
import { endLease, renewLease } from './lifecycle'
import { areaWarnings, checkLeaseSpaces, coversDay, settleSpaceStatuses, sumArea } from './rules'

const sorted = (ids: string[]) => [...new Set(ids)].sort()
const sameArea = (a: number, b: number) => Math.abs(a - b) < 1e-6

export const leaseHandlers = {
  'leases.list': async (input, { store }) => listLeases(store.db, input),

  'leases.create': async (input, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'tenants', input.tenantId, '入驻企业', 'tenantId')
      const spaceIds = sorted(input.spaceIds)
      const period = { startDate: input.startDate ?? null, endDate: input.endDate ?? null }
      const { buildingId, spaces, warnings } = await checkLeaseSpaces(w, spaceIds, period)
      const { spaceIds: _chosen, accept, ...fields } = input
      const area = input.area ?? sumArea(spaces)
      requireAccepted([...warnings, ...areaWarnings(area, spaces)], accept)
      const id = await insertRow(w, 'leases', { ...fields, buildingId, area })
      await addLeaseSpaces(w.trx, id, spaceIds)
      await logField(w, 'leases', id, 'insert', 'spaceIds', null, spaceIds)
      if (coversDay(period, await today(w.trx))) await settleSpaceStatuses(w, spaceIds)
      return { id }
    }),

  'leases.update': async ({ id, spaceIds: chosen, accept, ...patch }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLive<LeaseRow>(w.trx, 'leases', id, '租约')
      const oldIds = sorted(await leaseSpaceIds(w.trx, id))
      const newIds = chosen === undefined ? oldIds : sorted(chosen)
      const period = {
        startDate: patch.startDate === undefined ? before.startDate : patch.startDate,
        endDate: patch.endDate === undefined ? before.endDate : patch.endDate,
      }
      if (period.startDate && period.endDate && period.startDate > period.endDate) {
        throw new DomainError('invalid', '到期日期：不能早于起租日期', 'endDate')
      }
      const spacesChanged = newIds.join() !== oldIds.join()
      const periodChanged = period.startDate !== before.startDate || period.endDate !== before.endDate
      // Unchanged spaces and dates need no new check (a space deleted since must not block a note).
      const { buildingId, spaces, warnings } = spacesChanged || periodChanged
        ? await checkLeaseSpaces(w, newIds, period, [id, ...(await renewalLinks(w.trx, id))])
        : { buildingId: before.buildingId, spaces: await spacesByIds(w.trx, newIds), warnings: [] }

      // The area follows the spaces unless someone typed a different figure earlier.
      let area = patch.area ?? undefined
      if (patch.area === null) area = sumArea(spaces)
      else if (patch.area === undefined && spacesChanged && sameArea(before.area, sumArea(await spacesByIds(w.trx, oldIds)))) {
        area = sumArea(spaces)
      }
      const areaChanged = area !== undefined && !sameArea(area, before.area)
      requireAccepted([...warnings, ...(areaChanged || spacesChanged ? areaWarnings(area ?? before.area, spaces) : [])], accept)
      await updateRow(w, 'leases', id, { ...patch, area, buildingId }, before)
      if (spacesChanged) {
        await removeLeaseSpaces(w.trx, id, oldIds.filter((s) => !newIds.includes(s)))
        await addLeaseSpaces(w.trx, id, newIds.filter((s) => !oldIds.includes(s)))
        await logField(w, 'leases', id, 'update', 'spaceIds', oldIds, newIds)
        await touchLease(w.trx, id, w.now)
      }
      const day = await today(w.trx)
      await settleSpaceStatuses(w, [...(coversDay(before, day) ? oldIds : []), ...(coversDay(period, day) ? newIds : [])])
    })
    const [lease] = await listLeases(store.db, { ids: [id] })
    return lease!
  },

  'leases.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const before = await requireLive<LeaseRow>(w.trx, 'leases', id, '租约')
      await softDeleteRow(w, 'leases', id)
      if (coversDay(before, await today(w.trx))) await settleSpaceStatuses(w, await leaseSpaceIds(w.trx, id))
      return null
    }),

  'leases.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'leases', id, '租约')
      const lease = (await findLease(w.trx, id))!
      const tenant = await getTenant(w.trx, lease.tenantId)
      if (!tenant || tenant.deletedAt !== null) {
        throw new DomainError('conflict', `租约：所属企业${tenant ? `“${tenant.name}”` : ''}已被删除，请先恢复企业`, 'tenantId')
      }
      const spaceIds = await leaseSpaceIds(w.trx, id)
      const { warnings } = await checkLeaseSpaces(w, spaceIds, lease, [id, ...(await renewalLinks(w.trx, id))])
      // Restoring takes no answers: an overlap is for the person to see in the lease dialog.
      if (warnings.length > 0) throw new DomainError('conflict', `${warnings[0]!.message}，不能恢复`, 'spaceIds')
      await restoreRow(w, 'leases', id, deletedAt)
      if (coversDay(lease, await today(w.trx))) await settleSpaceStatuses(w, spaceIds)
      return null
    }),

  'leases.renew': async (input, { store, author }) => write(store.db, author, (w) => renewLease(w, input)),

  'leases.end': async (input, { store, author }) => {
    await write(store.db, author, (w) => endLease(w, input))
    const [lease] = await listLeases(store.db, { ids: [input.id] })
    return lease!
  },

  'leases.comingFree': async (input, { store }) => comingFreeSpaces(store.db, input),
} satisfies FeatureHandlers<'leases'>
