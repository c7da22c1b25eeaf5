import { useEffect, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { FormErrors } from './formErrors'

// Dialog and ConfirmDialog live in components/Dialog; re-exported for the screens that import them from here.
export { ConfirmDialog, Dialog } from '../../components/Dialog'

// Pieces shared by the building, space, lease and tenant forms.

/** Every problem of a failed save in one place, so none goes unnoticed in a long form. */
export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const { t } = useTranslation('buildings')
  if (errors.messages.length === 0) return null
  return (
    <div className="form-error error-summary" role="alert">
      {errors.messages.length > 1 && <div>{t('form.summary', { count: errors.messages.length })}</div>}
      <ul>
        {errors.messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  )
}

/** After a failed save, moves focus to the first field marked invalid so the user lands on it. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, errors: FormErrors) {
  const key = errors.messages.join('\n')
  useEffect(() => {
    if (!key) return
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [form, key])
}

export function FormSection({ title }: { title: string }) {
  return <div className="form-section">{title}</div>
}
