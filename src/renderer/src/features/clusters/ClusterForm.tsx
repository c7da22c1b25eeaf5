import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClusterCreate } from '../../../../shared/schemas/clusters'
import type { Cluster } from '../../../../shared/types'
import { TextField } from '../../components/Field'
import { textOrNull } from '../../lib/form'
import { DistrictSelect } from '../parcels/DistrictSelect'
import { ErrorSummary } from '../parcels/ErrorSummary'
import { formErrorsOf } from '../parcels/formKit'
import type { FormHandlers } from '../../components/EditScreen'

const SHOWN = ['name', 'districtCode', 'description'] as const

export interface ClusterFormState {
  name: string
  districtCode: string
  description: string
}

export const emptyClusterForm: ClusterFormState = { name: '', districtCode: '', description: '' }
export const clusterFormOf = (c: Cluster): ClusterFormState => ({ name: c.name, districtCode: c.districtCode, description: c.description ?? '' })

interface ClusterFormProps extends FormHandlers<ClusterCreate> {
  initial: ClusterFormState
}

export function ClusterForm({ initial, pending, error, onSubmit, onCancel }: ClusterFormProps) {
  const { t } = useTranslation('clusters')
  const [s, setState] = useState(initial)
  const set = (key: keyof ClusterFormState) => (value: string) => setState((prev) => ({ ...prev, [key]: value }))
  const errors = formErrorsOf(error, {}, { districtCode: s.districtCode === '' ? t('form.mustChoose', { label: t('fields.districtCode') }) : undefined })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSubmit({ name: s.name, districtCode: s.districtCode, description: textOrNull(s.description) })
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <TextField label={t('fields.name')} name="name" value={s.name} onChange={set('name')} error={errors.at('name')} required />
        <DistrictSelect label={t('fields.districtCode')} placeholder={t('form.choose')} value={s.districtCode} onChange={set('districtCode')} error={errors.at('districtCode')} />
        <div className="form-grid__wide">
          <TextField label={t('fields.description')} name="description" value={s.description} onChange={set('description')} error={errors.at('description')} multiline />
        </div>
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
