import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Space } from '../../../../shared/types'
import { useToast } from '../../components/Toast'
import { useWarningConfirm, warningsOf } from '../../components/WarningConfirm'
import { numberText } from '../../lib/form'
import { useCreateLease } from '../tenants/mutations'
import { type PickedTenant, TenantPicker } from '../tenants/TenantPicker'
import { Dialog, ErrorSummary, useFocusFirstError } from './FormBits'
import { formErrorsOf } from './formErrors'
import { type LeaseTerms, LeaseTermFields, leaseTermsInput } from './LeaseTermFields'

/** Records a lease in this building: an existing tenant, some of the building's spaces, dates and rent. */
export function LeaseDialog({ buildingId, spaces, onClose }: { buildingId: string; spaces: Space[]; onClose: () => void }) {
  const { t } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const toast = useToast()
  const create = useCreateLease()
  const [tenant, setTenant] = useState<PickedTenant | null>(null)
  const [terms, setTerms] = useState<LeaseTerms>({ spaceIds: [], startDate: '', endDate: '', area: '', rent: '', notes: '' })
  // Until the area is typed, it follows the total of the chosen spaces.
  const [areaTyped, setAreaTyped] = useState(false)
  const warn = useWarningConfirm()
  // Warnings are asked in their own dialog, not shown as errors.
  const errors = formErrorsOf(warningsOf(create.error) ? null : create.error)
  const e = errors.fields
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)
  const sum = spaces.filter((s) => terms.spaceIds.includes(s.id)).reduce((total, s) => total + s.area, 0)
  const shown: LeaseTerms = areaTyped ? terms : { ...terms, area: sum > 0 ? numberText(sum) : '' }
  const change = (patch: Partial<LeaseTerms>) => {
    if (patch.area !== undefined) setAreaTyped(true)
    setTerms((current) => ({ ...current, ...patch }))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = { tenantId: tenant?.id ?? '', ...leaseTermsInput(shown) }
    void warn
      .run((accept) => create.mutateAsync({ ...input, accept }))
      .then((created) => {
        if (!created) return
        toast(t('state.saved'))
        onClose()
      }, () => undefined)
  }
  const label = (field: string) => t(`leases.fields.${field}`)

  return (
    <Dialog title={t('leases.newTitle')} onClose={onClose} wide>
      <form ref={formRef} className="lease-form" onSubmit={submit} noValidate>
        <div className="form-grid form-grid--compact">
          <div className="lease-form__tenant">
            <TenantPicker label={label('tenantId')} required value={tenant} onChange={setTenant} error={e.tenantId} allowCreate />
            <Link to={`/tenants/new?returnTo=${encodeURIComponent(`/buildings/${buildingId}`)}`}>{t('leases.newTenant')}</Link>
          </div>
          <LeaseTermFields spaces={spaces} terms={shown} onChange={change} errors={e} areaHint={t('leases.areaHint')} />
        </div>
        <ErrorSummary errors={errors} />
        <div className="modal__actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t('actions.saving') : t('actions.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
        </div>
        {warn.dialog}
      </form>
    </Dialog>
  )
}
