import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DATE_PATTERN, dateFieldValue, isoDateOf } from '../lib/dateText'

// A date field in the interface's order (年-月-日 / YYYY-MM-DD) whatever the system's locale: a
// text field that takes 2025-6-1, 2025/6/1 or 2025年6月1日 and shows it as 2025-06-01 once left,
// with a calendar button for picking (the browser's own calendar, whose value is ISO anyway).

interface Props {
  id: string
  name: string
  /** The form's value: an ISO date, '' or text that is not a date yet. */
  value: string
  invalid: boolean
  onChange: (value: string) => void
}

export function DateInput({ id, name, value, invalid, onChange }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState(value)
  const picker = useRef<HTMLInputElement>(null)
  // Follow a value set from outside (a reset, a default, the picker) unless it is what the text says.
  if (dateFieldValue(text) !== value && text !== value) setText(value)
  const iso = isoDateOf(value)
  return (
    <span className="date-input">
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('date.placeholder')}
        pattern={DATE_PATTERN}
        value={text}
        aria-invalid={invalid}
        aria-description={t('date.format')}
        onChange={(e) => {
          setText(e.target.value)
          onChange(dateFieldValue(e.target.value))
        }}
        onBlur={() => {
          const normalised = isoDateOf(text)
          if (normalised && normalised !== text) setText(normalised)
        }}
      />
      <button type="button" className="date-input__pick" aria-label={t('date.pick')} title={t('date.pick')} onClick={() => picker.current?.showPicker?.()}>
        {t('date.pickShort')}
      </button>
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        className="date-input__native"
        value={iso ?? ''}
        onChange={(e) => {
          setText(e.target.value)
          onChange(e.target.value)
        }}
      />
    </span>
  )
}
