import { DomainError } from '../../../shared/result'
import { listLeases } from '../../store/leases'
import type { TenantRow } from '../../store/schema'
import { countCurrentLeases, getTenant, listTenants, tenantWithCreditCode } from '../../store/tenants'
import { searchTenants, tenantOverview } from '../../store/tenantSearch'
import type { TenantLease } from '../../../shared/tenants'
import { insertRow, restoreRow, softDeleteRow, updateRow, write, type Writer } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireDeleted, requireLive, storeBooleans } from '../guards'
import { requireAcceptedCreditCode } from './creditCodeWarning'
import { withInitials } from './initials'

/** A credit code names one company: refuse it when another live tenant already holds it. */
async function requireFreeCreditCode(w: Writer, creditCode: string | null | undefined, exceptId?: string): Promise<void> {
  if (!creditCode) return
  const holder = await tenantWithCreditCode(w.trx, creditCode, exceptId)
  if (holder) throw new DomainError('conflict', `统一社会信用代码：已被企业“${holder.name}”使用`, 'creditCode')
}

export const tenantHandlers = {
  'tenants.list': async (input, { store }) => listTenants(store.db, input),

  'tenants.get': async ({ id }, { store }) => {
    const tenant = await getTenant(store.db, id)
    if (!tenant) throw new DomainError('not_found', '企业：找不到该记录')
    // Every lease, past, current and future; renews_lease_id (a lease row's column, selected with
    // the rest of it) chains the renewals.
    const leases = await listLeases(store.db, { tenantId: id })
    return { tenant, leases: leases.map((l): TenantLease => ({ ...l, renewsLeaseId: (l as Partial<TenantLease>).renewsLeaseId ?? null })) }
  },

  'tenants.search': async ({ q, limit }, { store }) => searchTenants(store.db, q, limit ?? 20),

  'tenants.overview': async (input, { store }) => tenantOverview(store.db, input),

  'tenants.create': async ({ accept, ...input }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireFreeCreditCode(w, input.creditCode)
      requireAcceptedCreditCode(input.creditCode, accept)
      const id = await insertRow(w, 'tenants', {
        ...withInitials(storeBooleans(input)),
        aboveScale: input.aboveScale ? 1 : 0,
        registeredInDistrict: input.registeredInDistrict ? 1 : 0,
      })
      return { id }
    }),

  'tenants.update': async ({ id, accept, ...patch }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLive<TenantRow>(w.trx, 'tenants', id, '企业')
      await requireFreeCreditCode(w, patch.creditCode, id)
      // Asked once, when the code is typed: a stored pilot-area code does not warn on every edit.
      if (patch.creditCode !== before.creditCode) requireAcceptedCreditCode(patch.creditCode, accept)
      await updateRow(w, 'tenants', id, withInitials(storeBooleans(patch)), before)
    })
    return (await getTenant(store.db, id))!
  },

  'tenants.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const tenant = await requireLive<TenantRow>(w.trx, 'tenants', id, '企业')
      const current = await countCurrentLeases(w.trx, id)
      if (current > 0) {
        throw new DomainError(
          'not_empty',
          `企业：“${tenant.name}”还有 ${current} 份未到期的租约，请先删除租约或填写到期日期后再删除企业`,
        )
      }
      await softDeleteRow(w, 'tenants', id)
      return null
    }),

  'tenants.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'tenants', id, '企业')
      const tenant = (await getTenant(w.trx, id))!
      await requireFreeCreditCode(w, tenant.creditCode, id)
      await restoreRow(w, 'tenants', id, deletedAt)
      return null
    }),
} satisfies FeatureHandlers<'tenants'>
