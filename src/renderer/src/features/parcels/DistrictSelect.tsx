import { SelectField } from '../../components/Field'
import { useDistricts } from '../meta/queries'

/** The district picker of every form: name with its city, since names repeat across cities. */
export function DistrictSelect({ label, placeholder, value, onChange, error, required = true }: { label: string; placeholder: string; value: string; onChange: (code: string) => void; error?: string; required?: boolean }) {
  const districts = useDistricts()
  const options = (districts.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.city}）` }))
  return <SelectField label={label} name="districtCode" value={value} options={options} onChange={onChange} error={error} required={required} emptyLabel={placeholder} />
}

/** The district filter of every list. */
export function DistrictFilter({ value, onChange, allLabel }: { value: string; onChange: (code: string) => void; allLabel: string }) {
  const districts = useDistricts()
  return (
    <select name="districtCode" value={value} aria-label={allLabel} onChange={(e) => onChange(e.target.value)}>
      <option value="">{allLabel}</option>
      {(districts.data ?? []).map((d) => (
        <option key={d.code} value={d.code}>
          {d.name}
        </option>
      ))}
    </select>
  )
}
