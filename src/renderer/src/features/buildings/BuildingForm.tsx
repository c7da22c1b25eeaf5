import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { BUILDING_GRADES, BUILDING_KINDS, OWNERSHIPS } from '../../../../shared/domain'
import { CoordinatePaste } from '../../components/CoordinatePaste'
import type { Language } from '../../i18n'
import { muHint } from '../../lib/landArea'
import { NumberField, SelectField, TextField } from '../../components/Field'
import { useDistricts } from '../meta/queries'
import type { BuildingFormState } from './buildingForm'
import { ErrorSummary, FormSection, useFocusFirstError } from './FormBits'
import type { FormErrors } from './formErrors'
import { useClusters } from './queries'

interface Props {
  initial: BuildingFormState
  errors: FormErrors
  pending: boolean
  onSubmit: (state: BuildingFormState) => void
  onCancel: () => void
}

export function BuildingForm({ initial, errors, pending, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const [s, setS] = useState(initial)
  const districts = useDistricts()
  const clusters = useClusters(s.districtCode || undefined)
  const set = <K extends keyof BuildingFormState>(key: K) => (value: BuildingFormState[K]) => setS((prev) => ({ ...prev, [key]: value }))
  const e = errors.fields
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)
  const label = (field: keyof BuildingFormState) => t(`fields.${field}`)
  const text = (field: keyof BuildingFormState, extra: { required?: boolean; multiline?: boolean; type?: 'tel'; hint?: string } = {}) => (
    <TextField label={label(field)} name={field} value={s[field] as string} onChange={set(field) as (v: string) => void} error={e[field]} {...extra} />
  )
  const number = (field: keyof BuildingFormState, unit?: string, hint?: string) => (
    <NumberField label={label(field)} name={field} value={s[field] as string} onChange={set(field) as (v: string) => void} unit={unit} error={e[field]} hint={hint} />
  )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(s)
  }

  return (
    <form ref={formRef} className="form building-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <FormSection title={t('form.sections.basic')} />
        {text('name', { required: true })}
        <SelectField
          label={label('districtCode')}
          name="districtCode"
          required
          value={s.districtCode}
          emptyLabel={t('form.choose')}
          options={(districts.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.city}）` }))}
          onChange={(v) => setS((prev) => ({ ...prev, districtCode: v, clusterId: v === prev.districtCode ? prev.clusterId : '' }))}
          error={e.districtCode}
        />
        <SelectField
          label={label('clusterId')}
          name="clusterId"
          value={s.clusterId}
          emptyLabel={t('form.noCluster')}
          options={(clusters.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={set('clusterId')}
          error={e.clusterId}
        />
        <SelectField
          label={label('kind')}
          name="kind"
          value={s.kind}
          options={BUILDING_KINDS.map((k) => ({ value: k, label: t(`vocab.buildingKind.${k}`) }))}
          onChange={(v) => set('kind')(v || 'office')}
          error={e.kind}
        />
        <SelectField
          label={label('grade')}
          name="grade"
          value={s.grade}
          emptyLabel={t('none')}
          options={BUILDING_GRADES.map((g) => ({ value: g, label: t(`vocab.grade.${g}`) }))}
          onChange={set('grade')}
          error={e.grade}
        />

        <FormSection title={t('form.sections.location')} />
        {text('address')}
        {number('lng', '°E', t('form.locationHint'))}
        {number('lat', '°N')}
        <CoordinatePaste onPoint={(lng, lat) => setS((prev) => ({ ...prev, lng, lat }))} />

        <FormSection title={t('form.sections.scale')} />
        {number('floorsAbove')}
        {number('floorsBelow')}
        {number('totalArea', t('units.m2'))}
        {number('landArea', t('units.m2'), muHint(s.landArea, i18n.language as Language) ?? t('form.landAreaHint'))}
        {number('yearBuilt')}

        <FormSection title={t('form.sections.property')} />
        {text('owner')}
        {text('propertyManager')}
        <SelectField
          label={label('ownership')}
          name="ownership"
          value={s.ownership}
          emptyLabel={t('none')}
          options={OWNERSHIPS.map((o) => ({ value: o, label: t(`vocab.ownership.${o}`) }))}
          onChange={set('ownership')}
          error={e.ownership}
        />
        {number('propertyFee', t('units.feeMonth'))}

        <FormSection title={t('form.sections.contact')} />
        {text('contactName')}
        {text('contactPhone', { type: 'tel' })}

        <FormSection title={t('form.sections.notes')} />
        <div className="form-grid__wide">{text('notes', { multiline: true })}</div>
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
