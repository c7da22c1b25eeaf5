import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { PARK_STATUSES } from '../../../../shared/domain'
import type { ParkCreate } from '../../../../shared/schemas/parks'
import { NumberField, SelectField, TextField } from '../../components/Field'
import { DistrictSelect } from '../parcels/DistrictSelect'
import { ErrorSummary } from '../parcels/ErrorSummary'
import { formErrorsOf } from '../parcels/formKit'
import { HostRows, SubParkRows } from './ParkChildRows'
import { parkInputOf, type ParkFormState } from './parkForm'
import type { FormHandlers } from '../../components/EditScreen'
import type { Language } from '../../i18n'
import { muHint } from '../../lib/landArea'

const SHOWN = [
  'name', 'theme', 'districtCode', 'plannedInvestment', 'totalArea', 'landArea', 'operator', 'status', 'contactName', 'contactPhone',
  'description', 'subParks', 'hosts',
] as const

type TextKey = Exclude<keyof ParkFormState, 'status' | 'subParks' | 'hosts'>

/** Empty selects are reported by the server as malformed codes; say "choose one" instead. */
function plainerMessages(s: ParkFormState, t: (key: string, options?: Record<string, unknown>) => string) {
  const plainer: Record<string, string | undefined> = {}
  if (s.districtCode === '') plainer.districtCode = t('form.mustChoose', { label: t('fields.districtCode') })
  s.hosts.forEach((h, i) => {
    if (h.buildingId === '') plainer[`hosts.${i}.buildingId`] = t('form.mustChoose', { label: t('host.buildingId') })
  })
  return plainer
}

interface ParkFormProps extends FormHandlers<ParkCreate> {
  initial: ParkFormState
}

export function ParkForm({ initial, pending, error, onSubmit, onCancel }: ParkFormProps) {
  const { t, i18n } = useTranslation('parks')
  const [s, setState] = useState(initial)
  const set = <K extends keyof ParkFormState>(key: K) => (value: ParkFormState[K]) => setState((prev) => ({ ...prev, [key]: value }))
  const errors = formErrorsOf(error, {}, plainerMessages(s, t))
  const text = (key: TextKey, props: { required?: boolean; multiline?: boolean; type?: 'tel' } = {}) => (
    <TextField label={t(`fields.${key}`)} name={key} value={s[key]} onChange={set(key)} error={errors.at(key)} {...props} />
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSubmit(parkInputOf(s))
  }
  const statuses = PARK_STATUSES.map((v) => ({ value: v, label: t(`common:vocab.parkStatus.${v}`) }))

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <div className="form-section">{t('form.sections.basic')}</div>
        {text('name', { required: true })}
        {text('theme', { required: true })}
        <DistrictSelect label={t('fields.districtCode')} placeholder={t('form.choose')} value={s.districtCode} onChange={set('districtCode')} error={errors.at('districtCode')} />
        <SelectField label={t('fields.status')} name="status" value={s.status} options={statuses} onChange={(v) => v && set('status')(v)} error={errors.at('status')} required />
        <NumberField label={t('fields.plannedInvestment')} name="plannedInvestment" value={s.plannedInvestment} onChange={set('plannedInvestment')} unit={t('common:units.yiYuan')} hint={t('form.investmentHint')} error={errors.at('plannedInvestment')} />
        <NumberField label={t('fields.totalArea')} name="totalArea" value={s.totalArea} onChange={set('totalArea')} unit="m²" error={errors.at('totalArea')} />
        <NumberField label={t('fields.landArea')} name="landArea" value={s.landArea} onChange={set('landArea')} unit="m²" hint={muHint(s.landArea, i18n.language as Language) ?? t('form.landAreaHint')} error={errors.at('landArea')} />

        <div className="form-section">{t('form.sections.subParks')}</div>
        <div className="form-grid__wide">
          <SubParkRows rows={s.subParks} onChange={set('subParks')} errors={errors} />
        </div>

        <div className="form-section">{t('form.sections.hosts')}</div>
        <div className="form-grid__wide">
          <HostRows rows={s.hosts} onChange={set('hosts')} errors={errors} />
        </div>

        <div className="form-section">{t('form.sections.contact')}</div>
        {text('operator')}
        {text('contactName')}
        {text('contactPhone', { type: 'tel' })}
        <div className="form-grid__wide">{text('description', { multiline: true })}</div>
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
