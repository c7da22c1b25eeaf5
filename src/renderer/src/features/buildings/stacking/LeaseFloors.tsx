import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useToast } from '../../../components/Toast'
import { useCreateLease, useCreateTenant } from './mutations'
import { useTenantMatches } from './queries'
import { undoLease } from './undoCalls'
import type { UndoStack } from './useUndoStack'

/**
 * "整层 已租 给 X公司": one lease of every space on the chosen floors (given top first) to a company found by typing
 * part of its name, or created from the typed name when none matches.
 */
export function LeaseFloors({ floors, spaceIds, undo }: { floors: string[]; spaceIds: string[]; undo: UndoStack }) {
  const { t } = useTranslation(['stacking', 'buildings', 'common'], { nsMode: 'fallback' })
  const toast = useToast()
  const [name, setName] = useState('')
  const [endDate, setEndDate] = useState('')
  const matches = useTenantMatches(name)
  const createLease = useCreateLease()
  const createTenant = useCreateTenant()
  const typed = name.trim()
  const exact = matches.data?.find((m) => m.name === typed)
  const pending = createLease.isPending || createTenant.isPending
  const listId = `tenants-${floors.join('-')}`

  const lease = async () => {
    if (!typed) return toast(t('select.chooseTenant'))
    try {
      const tenantId = exact?.id ?? (await createTenant.mutateAsync({ name: typed })).id
      const { id } = await createLease.mutateAsync({ tenantId, spaceIds, endDate: endDate || null })
      const label = t('select.leaseDone', { floors: floors.length > 1 ? `${floors[floors.length - 1]}–${floors[0]}` : floors[0], tenant: typed })
      undo.push({ label, undo: () => undoLease(id) })
      toast(label)
      setName('')
    } catch (e) {
      toast((e as Error).message)
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
    </span>
  )
}
