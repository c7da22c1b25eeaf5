import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { VisitCreate } from '../../../../shared/visits'
import { TextField } from '../../components/Field'
import { ErrorSummary } from '../parcels/ErrorSummary'
import { formErrorsOf } from '../parcels/formKit'
import { SitePicker } from './SitePicker'
import { visitInputOf, type VisitFormState } from './visitForm'
import type { FormHandlers } from '../../components/EditScreen'

const SHOWN = ['company', 'date', 'staff', 'contactName', 'contactPhone', 'sites', 'notes', 'followUpDate'] as const

type TextKey = Exclude<keyof VisitFormState, 'sites'>

interface VisitFormProps extends FormHandlers<VisitCreate> {
  initial: VisitFormState
}

export function VisitForm({ initial, pending, error, onSubmit, onCancel }: VisitFormProps) {
  const { t } = useTranslation('visits')
  const [s, setState] = useState(initial)
  const set = <K extends keyof VisitFormState>(key: K) => (value: VisitFormState[K]) => setState((prev) => ({ ...prev, [key]: value }))
  const errors = formErrorsOf(error)
  const text = (key: TextKey, props: { required?: boolean; multiline?: boolean; type?: 'tel' | 'date' } = {}) => (
    <TextField label={t(`fields.${key}`)} name={key} value={s[key]} onChange={set(key)} error={errors.at(key)} {...props} />
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSubmit(visitInputOf(s))
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <div className="form-section">{t('form.sections.basic')}</div>
        {text('company', { required: true })}
        {text('date', { required: true, type: 'date' })}
        {text('staff')}
        {text('contactName')}
        {text('contactPhone', { type: 'tel' })}

        <div className="form-section">{t('form.sections.sites')}</div>
        <div className="form-grid__wide">
          <SitePicker value={s.sites} onChange={set('sites')} error={errors.under('sites')} />
        </div>

        <div className="form-section">{t('form.sections.notes')}</div>
        <div className="form-grid__wide">{text('notes', { multiline: true })}</div>
        {text('followUpDate', { type: 'date' })}
      </div>
      <ErrorSummary errors={errors} shown={SHOWN} title={t('form.summary', { count: errors.count })} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('common:actions.saving') : t('common:actions.save')}
        </button>
        <button type="button" onClick={onCancel}>{t('common:actions.cancel')}</button>
      </div>
    </form>
  )
}
