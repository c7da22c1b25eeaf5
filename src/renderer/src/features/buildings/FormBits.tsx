import { useEffect, useId, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { FormErrors } from './formErrors'

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

/** A modal dialog; Escape or the backdrop closes it. */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const titleId = useId()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`modal${wide ? ' modal--wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  )
}

interface ConfirmProps {
  title: string
  message: string
  confirmLabel: string
  pending?: boolean
  onConfirm: () => void
  onCancel: () => void
}

export function ConfirmDialog({ title, message, confirmLabel, pending, onConfirm, onCancel }: ConfirmProps) {
  const { t } = useTranslation()
  return (
    <Dialog title={title} onClose={onCancel}>
      <p>{message}</p>
      <div className="modal__actions">
        <button type="button" className="danger" disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </Dialog>
  )
}
