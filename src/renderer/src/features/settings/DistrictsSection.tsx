import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '../../components/Field'
import { ErrorMessage, Loading } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { ErrorSummary } from '../parcels/ErrorSummary'
import { formErrorsOf } from '../parcels/formKit'
import { useCreateDistrict } from './mutations'
import { useBoundaryCities, useDistricts } from './queries'

const FIELDS = ['code', 'name', 'city', 'province'] as const
type DistrictForm = Record<(typeof FIELDS)[number], string>
const empty: DistrictForm = { code: '', name: '', city: '', province: '' }

export function DistrictsSection() {
  const { t } = useTranslation('settings')
  const districts = useDistricts()
  return (
    <section className="panel">
      <h2>{t('districts.title')}</h2>
      {districts.isPending ? <Loading /> : districts.error ? <ErrorMessage error={districts.error} onRetry={() => void districts.refetch()} /> : districts.data.length === 0 ? (
        <p className="muted">{t('districts.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>{FIELDS.map((f) => <th key={f}>{t(`districts.columns.${f}`)}</th>)}</tr>
          </thead>
          <tbody>
            {districts.data.map((d) => (
              <tr key={d.code} data-testid="district-row">
                <td>{d.code}</td><td>{d.name}</td><td>{d.city}</td><td>{d.province}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddDistrictForm />
    </section>
  )
}

/**
 * Fills the form from the built-in map's index of every city and district in China (GB/T 2260
 * codes), so a bureau anywhere adds its district without looking its code up.
 */
function DistrictPicker({ onPick }: { onPick: (form: DistrictForm) => void }) {
  const { t } = useTranslation('settings')
  const cities = useBoundaryCities()
  const [cityCode, setCityCode] = useState('')
  const list = cities.data ?? []
  const city = list.find((c) => c.code === cityCode)
  const provinces = [...new Set(list.map((c) => c.province))]
  return (
    <div className="district-picker">
      <label>
        {t('districts.pickCity')}
        <select name="pickCity" value={cityCode} onChange={(e) => setCityCode(e.target.value)}>
          <option value="">{t('districts.choose')}</option>
          {provinces.map((province) => (
            <optgroup key={province} label={province}>
              {list.filter((c) => c.province === province).map((c) => (
                <option key={c.code} value={c.code}>{c.name}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        {t('districts.pickDistrict')}
        <select
          name="pickDistrict"
          value=""
          disabled={!city}
          onChange={(e) => {
            const d = city?.districts.find((x) => x.code === e.target.value)
            if (city && d) onPick({ code: d.code, name: d.name, city: city.name, province: city.province })
          }}
        >
          <option value="">{t('districts.choose')}</option>
          {city?.districts.map((d) => (
            <option key={d.code} value={d.code}>{`${d.name}（${d.code}）`}</option>
          ))}
        </select>
      </label>
    </div>
  )
}

function AddDistrictForm() {
  const { t } = useTranslation('settings')
  const toast = useToast()
  const create = useCreateDistrict()
  const [form, setForm] = useState(empty)
  const errors = formErrorsOf(create.error)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const input = { code: form.code.trim(), name: form.name, city: form.city, province: form.province }
    create.mutate(input, {
      onSuccess: () => {
        toast(t('districts.added', { name: input.name.trim() }))
        setForm(empty)
      },
    })
  }
  return (
    <form className="district-form" onSubmit={submit} noValidate>
      <DistrictPicker onPick={setForm} />
      <div className="field__hint">{t('districts.hint')}</div>
      <div className="form-grid">
        {FIELDS.map((f) => (
          <TextField
            key={f}
            label={t(`districts.fields.${f}`)}
            name={f}
            value={form[f]}
            placeholder={t(`districts.placeholders.${f}`)}
            onChange={(value) => setForm((prev) => ({ ...prev, [f]: value }))}
            error={errors.at(f)}
            required
          />
        ))}
      </div>
      <ErrorSummary errors={errors} shown={FIELDS} title={t('districts.summary', { count: errors.count })} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending}>{t('districts.add')}</button>
      </div>
    </form>
  )
}
