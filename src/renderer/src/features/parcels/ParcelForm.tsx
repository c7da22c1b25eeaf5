import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CoordinatePaste } from '../../components/CoordinatePaste'
import { LAND_READINESS, LAND_USES, PARCEL_STATUSES } from '../../../../shared/domain'
import type { ParcelCreate } from '../../../../shared/schemas/parcels'
import { Field, NumberField, SelectField, TextField } from '../../components/Field'
import type { Language } from '../../i18n'
import { formatArea, formatMu } from '../../lib/format'
import { DistrictSelect } from './DistrictSelect'
import { ErrorSummary } from './ErrorSummary'
import { formErrorsOf } from './formKit'
import { areaInSquareMetres, parcelInputOf, type AreaUnit, type ParcelFormState } from './parcelForm'
import type { FormHandlers } from '../../components/EditScreen'

const SHOWN = [
  'code', 'name', 'districtCode', 'address', 'lng', 'lat', 'boundary', 'area', 'landUse', 'plotRatioMin', 'plotRatioMax',
  'buildingDensity', 'greenRatio', 'heightLimit', 'readiness', 'utilities', 'status', 'referencePrice', 'targetIndustry',
  'contactName', 'contactPhone', 'notes',
] as const

interface ParcelFormProps extends FormHandlers<ParcelCreate> {
  initial: ParcelFormState
  /** The map with this parcel selected, where its boundary is drawn (an existing parcel only). */
  mapHref?: string
}

export function ParcelForm({ initial, mapHref, pending, error, onSubmit, onCancel }: ParcelFormProps) {
  const { t, i18n } = useTranslation('parcels')
  const lang = i18n.language as Language
  const [s, setState] = useState(initial)
  const [local, setLocal] = useState<Record<string, string>>({})
  const set = <K extends keyof ParcelFormState>(key: K) => (value: ParcelFormState[K]) => setState((prev) => ({ ...prev, [key]: value }))
  const choose = (field: 'districtCode' | 'landUse') => (s[field] === '' ? t('form.mustChoose', { label: t(`fields.${field}`) }) : undefined)
  const errors = formErrorsOf(Object.keys(local).length > 0 ? null : error, local, { districtCode: choose('districtCode'), landUse: choose('landUse') })
  const text = (key: (typeof SHOWN)[number], props: { required?: boolean; multiline?: boolean; hint?: string; type?: 'tel' } = {}) => (
    <TextField label={t(`fields.${key}`)} name={key} value={s[key as keyof ParcelFormState] as string} onChange={set(key as 'code')} error={errors.under(key)} {...props} />
  )
  const num = (key: (typeof SHOWN)[number], unit?: string, hint?: string) => (
    <NumberField label={t(`fields.${key}`)} name={key} value={s[key as keyof ParcelFormState] as string} onChange={set(key as 'code')} unit={unit} hint={hint} error={errors.under(key)} />
  )

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const { input, problems } = parcelInputOf(s)
    const found = Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(`form.${key}`)]))
    setLocal(found)
    if (Object.keys(found).length === 0) onSubmit(input)
  }

  const m2 = areaInSquareMetres(s)
  const areaHint = m2 == null ? t('form.areaHint') : t('form.areaIs', { value: s.areaUnit === 'mu' ? formatArea(m2, lang) : formatMu(m2, lang) })
  const vocab = <V extends string>(values: readonly V[], table: string) => values.map((v) => ({ value: v, label: t(`common:vocab.${table}.${v}`) }))

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <div className="form-section">{t('form.sections.basic')}</div>
        {text('code', { required: true })}
        {text('name', { required: true })}
        <DistrictSelect label={t('fields.districtCode')} placeholder={t('form.choose')} value={s.districtCode} onChange={set('districtCode')} error={errors.under('districtCode')} />
        <SelectField label={t('fields.landUse')} name="landUse" value={s.landUse} options={vocab(LAND_USES, 'landUse')} onChange={set('landUse')} error={errors.under('landUse')} required emptyLabel={t('form.choose')} />
        <SelectField label={t('fields.status')} name="status" value={s.status} options={vocab(PARCEL_STATUSES, 'parcelStatus')} onChange={(v) => v && set('status')(v)} error={errors.under('status')} required />
        <Field label={t('fields.area')} error={errors.under('area')} hint={`${areaHint} ${t('form.areaFromBoundary')}`}>
          {(id) => (
            <div className="input-with-unit">
              <input id={id} name="area" inputMode="decimal" value={s.area} aria-invalid={Boolean(errors.under('area'))} onChange={(e) => set('area')(e.target.value)} />
              <span className="unit-toggle" role="radiogroup" aria-label={t('fields.areaUnit')}>
                {(['mu', 'm2'] as AreaUnit[]).map((unit) => (
                  <label key={unit} className={s.areaUnit === unit ? 'is-active' : undefined}>
                    <input type="radio" name="areaUnit" value={unit} checked={s.areaUnit === unit} onChange={() => set('areaUnit')(unit)} />
                    {t(`common:units.${unit}`)}
                  </label>
                ))}
              </span>
            </div>
          )}
        </Field>

        <div className="form-section">{t('form.sections.location')}</div>
        {text('address')}
        {num('lng', '°E', t('form.locationHint'))}
        {num('lat', '°N')}
        <CoordinatePaste onPoint={(lng, lat) => setState((prev) => ({ ...prev, lng, lat }))} />
        <div className="form-grid__wide">
          <TextField label={t('fields.boundary')} name="boundary" value={s.boundary} onChange={set('boundary')} error={errors.under('boundary')} hint={t('form.boundaryHint')} placeholder={t('form.boundaryPlaceholder')} multiline />
          <p className="field__hint" data-testid="draw-on-map">
            {t('form.drawOnMap')} {mapHref && <Link to={mapHref}>{t('form.openOnMap')}</Link>}
          </p>
        </div>

        <div className="form-section">{t('form.sections.planning')}</div>
        {num('plotRatioMin')}
        {num('plotRatioMax')}
        {num('buildingDensity', '%', t('form.percentHint'))}
        {num('greenRatio', '%', t('form.percentHint'))}
        {num('heightLimit', lang === 'zh' ? '米' : 'm')}

        <div className="form-section">{t('form.sections.land')}</div>
        <SelectField label={t('fields.readiness')} name="readiness" value={s.readiness} options={vocab(LAND_READINESS, 'readiness')} onChange={set('readiness')} error={errors.under('readiness')} emptyLabel={t('form.none')} />
        {text('utilities', { hint: t('form.utilitiesHint') })}
        {num('referencePrice', t('common:units.wanYuanPerMu'), t('form.priceHint'))}
        {text('targetIndustry')}

        <div className="form-section">{t('form.sections.contact')}</div>
        {text('contactName')}
        {text('contactPhone', { type: 'tel' })}
        <div className="form-grid__wide">{text('notes', { multiline: true })}</div>
      </div>
      <ErrorSummary errors={errors} shown={SHOWN} title={t('form.summary', { count: errors.count })} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('common:actions.saving') : t('common:actions.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  )
}
