import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_LEASE_SPACES } from '../../../../../shared/schemas/leases'
import { useToast } from '../../../components/Toast'
import { useWarningConfirm } from '../../../components/WarningConfirm'
import { useCreateLease, useCreateTenant, useDeleteTenant } from './mutations'
import { useFreshTenantMatches, useTenantMatches } from './queries'
import { undoLease } from './undoCalls'
import type { UndoStack } from './useUndoStack'

/**
 * "整层 已租 给 X公司": one lease of every space on the chosen floors (given top first) to a company found by typing
 * part of its name, or created from the typed name when none matches. Overlap and area warnings are
 * shown to accept; a company created here is removed again when its lease does not go through.
 */
export function LeaseFloors({ floors, spaceIds, undo }: { floors: string[]; spaceIds: string[]; undo: UndoStack }) {
  const { t } = useTranslation(['stacking', 'buildings', 'common'], { nsMode: 'fallback' })
  const toast = useToast()
  const [name, setName] = useState('')
  const [endDate, setEndDate] = useState('')
  const matches = useTenantMatches(name)
  const createLease = useCreateLease()
  const createTenant = useCreateTenant()
  const deleteTenant = useDeleteTenant()
  const freshMatches = useFreshTenantMatches()
  const warnings = useWarningConfirm()
  const [busy, setBusy] = useState(false)
  const typed = name.trim()
  const exact = matches.data?.find((m) => m.name === typed)
  const pending = busy || createLease.isPending || createTenant.isPending
  const listId = `tenants-${floors.join('-')}`

  /** Leases to the tenant; a tenant made for this lease is deleted again when the lease is refused or declined. */
  const sendLease = async (tenantId: string, created: boolean) => {
    try {
      const answer = await warnings.run((accept) => createLease.mutateAsync({ tenantId, spaceIds, endDate: endDate || null, accept }))
      if (!answer && created) await deleteTenant.mutateAsync({ id: tenantId })
      return answer
    } catch (error) {
      if (created) await deleteTenant.mutateAsync({ id: tenantId }).catch(() => undefined)
      throw error
    }
  }

  const lease = async () => {
    if (!typed) return toast(t('select.chooseTenant'))
    if (spaceIds.length > MAX_LEASE_SPACES) return toast(t('select.tooManySpaces', { max: MAX_LEASE_SPACES, count: spaceIds.length }))
    setBusy(true)
    try {
      // Decided on the store's current answer for this name, not on a search still loading or stale.
      const existing = (await freshMatches(typed)).find((m) => m.name === typed)
      const tenantId = existing?.id ?? (await createTenant.mutateAsync({ name: typed })).id
      const answer = await sendLease(tenantId, !existing)
      if (!answer) return
      const { id } = answer
      const label = t('select.leaseDone', { floors: floors.length > 1 ? `${floors[floors.length - 1]}–${floors[0]}` : floors[0], tenant: typed })
      undo.push({ label, undo: () => undoLease(id) })
      toast(label)
      setName('')
    } catch (e) {
      toast((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <span className="stacking__lease">
      <label>
        {t('select.leaseTo')}{' '}
        <input name="leaseTenant" list={listId} value={name} placeholder={t('select.tenantPlaceholder')} onChange={(e) => setName(e.target.value)} size={14} />
      </label>
      <datalist id={listId}>
        {matches.data?.slice(0, 20).map((m) => (
          <option key={m.id} value={m.name} />
        ))}
      </datalist>
      <label>
        {t('select.endDate')}{' '}
        <input name="leaseEnd" type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
      </label>
      <button type="button" onClick={() => void lease()} disabled={pending || !typed || spaceIds.length === 0}>
        {typed && matches.isSuccess && !exact ? t('select.newTenant', { name: typed }) : t('select.lease')}
      </button>
      {warnings.dialog}
    </span>
  )
}
