import type { z } from 'zod'
import { DomainError, requireAccepted } from '../../../shared/result'
import type { leaseEnd, leaseRenew } from '../../../shared/schemas/leases'
import { addDays } from '../../../shared/tenancy'
import { addLeaseSpaces, leaseSpaceIds, liveRenewalOf, today } from '../../store/leases'
import type { LeaseRow } from '../../store/schema'
import { insertRow, logField, updateRow, type Writer } from '../../store/writer'
import { requireLive } from '../guards'
import { areaWarnings, checkLeaseSpaces, coversDay, settleSpaceStatuses } from './rules'

// A lease's life after it is signed: renewed (a new lease continuing it, the old one kept as it
// was, so the history reads term by term) or ended early (its end date brought forward).

/**
 * Renews a lease: a new lease for the same tenant and spaces, starting the day after the old one
 * ends unless told otherwise, pointing back at it (renews_lease_id). Rent and area carry over
 * unless given. The old lease is not changed.
 */
export async function renewLease(w: Writer, input: z.output<typeof leaseRenew>): Promise<{ id: string }> {
  const old = await requireLive<LeaseRow>(w.trx, 'leases', input.id, '租约')
  if (old.endDate === null) {
    throw new DomainError('invalid', '续租：原租约没有到期日期，请先在租约中填写到期日期', 'endDate')
  }
  const renewal = await liveRenewalOf(w.trx, old.id)
  if (renewal) {
    throw new DomainError('conflict', `续租：该租约已续租至 ${renewal.endDate ?? '未定日期'}，请修改续租后的租约`, 'id')
  }
  await requireLive(w.trx, 'tenants', old.tenantId, '入驻企业', 'tenantId')
  const startDate = input.startDate ?? addDays(old.endDate, 1)
  if (startDate > input.endDate) {
    throw new DomainError('invalid', `续租到期日期：不能早于续租起租日期（${startDate}）`, 'endDate')
  }
  const spaceIds = [...(await leaseSpaceIds(w.trx, old.id))].sort()
  const period = { startDate, endDate: input.endDate }
  // The term it continues is not an overlap, even when the new one starts before the old one ends.
  const { buildingId, spaces, warnings } = await checkLeaseSpaces(w, spaceIds, period, [old.id])
  const area = input.area ?? old.area
  requireAccepted([...warnings, ...areaWarnings(area, spaces)], input.accept)
  const id = await insertRow(w, 'leases', {
    tenantId: old.tenantId,
    buildingId,
    startDate,
    endDate: input.endDate,
    area,
    rent: input.rent === undefined ? old.rent : input.rent,
    notes: input.notes ?? null,
    renewsLeaseId: old.id,
  })
  await addLeaseSpaces(w.trx, id, spaceIds)
  await logField(w, 'leases', id, 'insert', 'spaceIds', null, spaceIds)
  if (coversDay(period, await today(w.trx))) await settleSpaceStatuses(w, spaceIds)
  return { id }
}

/**
 * Ends a lease early: its end date brought forward (logged). The spaces fall vacant from the day
 * after: at once when that day has come, otherwise on that day (settleLapsedLeases).
 */
export async function endLease(w: Writer, input: z.output<typeof leaseEnd>): Promise<void> {
  const before = await requireLive<LeaseRow>(w.trx, 'leases', input.id, '租约')
  if (before.startDate && input.endDate < before.startDate) {
    throw new DomainError('invalid', `退租日期：不能早于起租日期（${before.startDate}）`, 'endDate')
  }
  if (before.endDate && input.endDate > before.endDate) {
    throw new DomainError('invalid', `退租日期：不能晚于原到期日期（${before.endDate}）；延长租期请用续租`, 'endDate')
  }
  await updateRow(w, 'leases', input.id, { endDate: input.endDate }, before)
  const day = await today(w.trx)
  if (coversDay(before, day) && !coversDay({ startDate: before.startDate, endDate: input.endDate }, day)) {
    await settleSpaceStatuses(w, await leaseSpaceIds(w.trx, input.id))
  }
}
