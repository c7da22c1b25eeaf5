import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { INDUSTRY_SECTIONS } from '../../../../shared/domain'
import { CheckboxField, NumberField, SelectField, TextField } from '../../components/Field'
import { ErrorSummary, FormSection, useFocusFirstError } from '../buildings/FormBits'
import type { FormErrors } from '../buildings/formErrors'
import type { TenantFormState } from './tenantForm'

interface Props {
  initial: TenantFormState
  errors: FormErrors
  pending: boolean
  onSubmit: (state: TenantFormState) => void
  onCancel: () => void
}

export function TenantForm({ initial, errors, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation(['tenants', 'common'], { nsMode: 'fallback' })
  const [s, setS] = useState(initial)
  const set = <K extends keyof TenantFormState>(key: K) => (value: TenantFormState[K]) => setS((prev) => ({ ...prev, [key]: value }))
  const e = errors.fields
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(s)
  }
  return (
    <form ref={formRef} className="form tenant-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <FormSection title={t('form.sections.basic')} />
        <TextField label={t('fields.name')} name="name" required value={s.name} onChange={set('name')} error={e.name} />
        <TextField
          label={t('fields.creditCode')}
          name="creditCode"
          value={s.creditCode}
          onChange={(v) => set('creditCode')(v.toUpperCase())}
          hint={t('form.creditCodeHint')}
          error={e.creditCode}
        />
        <SelectField
          label={t('fields.industry')}
          name="industry"
          value={s.industry}
          emptyLabel={t('none')}
          options={INDUSTRY_SECTIONS.map((x) => ({ value: x, label: t(`vocab.industry.${x}`) }))}
          onChange={set('industry')}
          error={e.industry}
        />

        <FormSection title={t('form.sections.figures')} />
        <CheckboxField label={t('fields.aboveScale')} name="aboveScale" checked={s.aboveScale} onChange={set('aboveScale')} />
        <CheckboxField label={t('fields.registeredInDistrict')} name="registeredInDistrict" checked={s.registeredInDistrict} onChange={set('registeredInDistrict')} />
        <NumberField
          label={t('fields.annualTax')}
          name="annualTax"
          unit={t('form.taxUnit')}
          value={s.annualTaxWan}
          onChange={set('annualTaxWan')}
          hint={t('form.annualTaxHint')}
          error={e.annualTax}
        />
        <NumberField label={t('fields.staff')} name="staff" value={s.staff} onChange={set('staff')} error={e.staff} />

        <FormSection title={t('form.sections.contact')} />
        <TextField label={t('fields.contactName')} name="contactName" value={s.contactName} onChange={set('contactName')} error={e.contactName} />
        <TextField label={t('fields.contactPhone')} name="contactPhone" type="tel" value={s.contactPhone} onChange={set('contactPhone')} error={e.contactPhone} />

        <FormSection title={t('form.sections.notes')} />
        <div className="form-grid__wide">
          <TextField label={t('fields.notes')} name="notes" multiline value={s.notes} onChange={set('notes')} error={e.notes} />
        </div>
      </div>
      <ErrorSummary errors={errors} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('actions.saving') : t('actions.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  )
}
