import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiCallError } from '../api/client'

export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <div className="page-header__subtitle">{subtitle}</div>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  )
}

export function EmptyState({ title, body, action }: { title: string; body?: string; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-state__title">{title}</div>
      {body && <p>{body}</p>}
      {action}
    </div>
  )
}

export function Loading() {
  const { t } = useTranslation()
  return <div className="loading" role="status">{t('state.loading')}</div>
}

export function ErrorMessage({ error, onRetry }: { error: ApiCallError | Error; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="error-box" role="alert">
      {t('state.error', { message: error.message })}
      {onRetry && <button type="button" onClick={onRetry}>{t('actions.retry')}</button>}
    </div>
  )
}

export function DemoBadge({ show }: { show: boolean }) {
  const { t } = useTranslation()
  return show ? <span className="badge badge--demo">{t('demo.badge')}</span> : null
}

/** A label–value grid for detail screens. */
export function Facts({ items }: { items: Array<[label: string, value: ReactNode]> }) {
  return (
    <dl className="facts">
      {items.map(([label, value]) => (
        <div key={label} className="facts__item">
          <dt>{label}</dt>
          <dd>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  )
}
