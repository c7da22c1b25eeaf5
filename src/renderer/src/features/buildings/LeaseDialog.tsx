import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Space } from '../../../../shared/types'
import { Field, NumberField, TextField } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { useWarningConfirm, warningsOf } from '../../components/WarningConfirm'
import type { Language } from '../../i18n'
import { formatArea } from '../../lib/format'
import { numberText, parseNumber, textOrNull } from '../../lib/form'
import { useCreateLease } from '../tenants/mutations'
import { type PickedTenant, TenantPicker } from '../tenants/TenantPicker'
import { Dialog, ErrorSummary, useFocusFirstError } from './FormBits'
import { formErrorsOf } from './formErrors'

/** Records a lease in this building: an existing tenant, some of the building's spaces, dates and rent. */
export function LeaseDialog({ buildingId, spaces, onClose }: { buildingId: string; spaces: Space[]; onClose: () => void }) {
  const { t, i18n } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const toast = useToast()
  const create = useCreateLease()
  const [tenant, setTenant] = useState<PickedTenant | null>(null)
  const [spaceIds, setSpaceIds] = useState<string[]>([])
  const [startDate, setStartDate] = useState('')
  const [endDate, setEndDate] = useState('')
  // Until the area is typed, it follows the total of the chosen spaces.
  const [areaText, setAreaText] = useState<string | null>(null)
  const [rent, setRent] = useState('')
  const [notes, setNotes] = useState('')
  const warn = useWarningConfirm()
  // Warnings are asked in their own dialog, not shown as errors.
  const errors = formErrorsOf(warningsOf(create.error) ? null : create.error)
  const e = errors.fields
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)
  const sum = spaces.filter((s) => spaceIds.includes(s.id)).reduce((total, s) => total + s.area, 0)
  const area = areaText ?? (sum > 0 ? numberText(sum) : '')

  const toggle = (id: string, on: boolean) => setSpaceIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = {
      tenantId: tenant?.id ?? '',
      spaceIds,
      startDate: textOrNull(startDate),
      endDate: textOrNull(endDate),
      area: parseNumber(area),
      rent: parseNumber(rent),
      notes: textOrNull(notes),
    }
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
          <div className="form-grid__wide">
            <Field label={label('spaceIds')} required error={e.spaceIds}>
              {(id) => (
                <div id={id} className="space-checklist" role="group">
                  {spaces.length === 0 && <span className="muted">{t('leases.noSpaces')}</span>}
                  {spaces.map((s) => (
                    <label key={s.id} className="checkbox-field">
                      <input type="checkbox" name="spaceIds" value={s.id} checked={spaceIds.includes(s.id)} onChange={(ev) => toggle(s.id, ev.target.checked)} />
                      {t('leases.spaceOption', {
                        floor: s.floorLabel,
                        unit: s.unit ?? '',
                        area: formatArea(s.area, lang),
                        status: t(`vocab.spaceStatus.${s.status}`),
                      })}
                    </label>
                  ))}
                </div>
              )}
            </Field>
          </div>
          <TextField label={label('startDate')} name="startDate" type="date" value={startDate} onChange={setStartDate} error={e.startDate} />
          <TextField label={label('endDate')} name="endDate" type="date" value={endDate} onChange={setEndDate} error={e.endDate} />
          <NumberField label={label('area')} name="area" unit={t('units.m2')} value={area} onChange={setAreaText} hint={t('leases.areaHint')} error={e.area} />
          <NumberField label={label('rent')} name="rent" unit={t('units.rentDay')} value={rent} onChange={setRent} error={e.rent} />
          <div className="form-grid__wide">
            <TextField label={label('notes')} name="notes" multiline value={notes} onChange={setNotes} error={e.notes} />
          </div>
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
