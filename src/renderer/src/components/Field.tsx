import { useId, type ReactNode } from 'react'
import { DateInput } from './DateInput'

// Form controls that show their label, a required mark and the validation message beside them.

interface FieldProps {
  label: string
  error?: string
  required?: boolean
  hint?: string
  children: (id: string) => ReactNode
}

export function Field({ label, error, required, hint, children }: FieldProps) {
  const id = useId()
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="field__required"> *</span>}
      </label>
      {children(id)}
      {hint && !error && <div className="field__hint">{hint}</div>}
      {error && (
        <div className="field__error" role="alert" data-field-error>
          {error}
        </div>
      )}
    </div>
  )
}

interface TextFieldProps {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  error?: string
  required?: boolean
  hint?: string
  multiline?: boolean
  type?: 'text' | 'date' | 'tel'
  placeholder?: string
}

export function TextField({ label, name, value, onChange, error, required, hint, multiline, type = 'text', placeholder }: TextFieldProps) {
  return (
    <Field label={label} error={error} required={required} hint={hint}>
      {(id) =>
        type === 'date' ? (
          <DateInput id={id} name={name} value={value} invalid={Boolean(error)} onChange={onChange} />
        ) : multiline ? (
          <textarea id={id} name={name} value={value} rows={3} placeholder={placeholder} aria-invalid={Boolean(error)} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input id={id} name={name} type={type} value={value} placeholder={placeholder} aria-invalid={Boolean(error)} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  )
}

interface NumberFieldProps {
  label: string
  name: string
  /** The text as typed, so partial input ("12.") survives re-renders; parse with `parseNumber`. */
  value: string
  onChange: (value: string) => void
  unit?: string
  error?: string
  required?: boolean
  hint?: string
}

export function NumberField({ label, name, value, onChange, unit, error, required, hint }: NumberFieldProps) {
  return (
    <Field label={label} error={error} required={required} hint={hint}>
      {(id) => (
        <div className="input-with-unit">
          <input id={id} name={name} inputMode="decimal" value={value} aria-invalid={Boolean(error)} onChange={(e) => onChange(e.target.value)} />
          {unit && <span className="input-unit">{unit}</span>}
        </div>
      )}
    </Field>
  )
}

interface SelectFieldProps<V extends string> {
  label: string
  name: string
  value: V | ''
  options: ReadonlyArray<{ value: V; label: string }>
  onChange: (value: V | '') => void
  error?: string
  required?: boolean
  /** Label of the empty choice; omit to offer none. */
  emptyLabel?: string
}

export function SelectField<V extends string>({ label, name, value, options, onChange, error, required, emptyLabel }: SelectFieldProps<V>) {
  return (
    <Field label={label} error={error} required={required}>
      {(id) => (
        <select id={id} name={name} value={value} aria-invalid={Boolean(error)} onChange={(e) => onChange(e.target.value as V | '')}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

export function CheckboxField({ label, name, checked, onChange }: { label: string; name: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="checkbox-field">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  )
}
