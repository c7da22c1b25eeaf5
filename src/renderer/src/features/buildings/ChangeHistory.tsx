import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Change } from '../../../../shared/types'
import { ErrorMessage, Loading } from '../../components/Page'
import { useChanges } from './queries'

/**
 * Who changed what on one row, newest first. Collapsed by default and fetched only when opened:
 * it is consulted now and then, not on every visit.
 */
export function ChangeHistory({ rowId, fieldLabel }: { rowId: string; fieldLabel: (field: string) => string }) {
  const { t, i18n } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const [open, setOpen] = useState(false)
  const changes = useChanges(rowId, open)
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  const value = (v: unknown) => (v == null || v === '' ? '—' : typeof v === 'boolean' ? t(v ? 'yes' : 'no') : typeof v === 'object' ? JSON.stringify(v) : String(v))
  const describe = (c: Change) =>
    c.op === 'update' ? `${value(c.oldValue)} → ${value(c.newValue)}` : c.op === 'insert' ? value(c.newValue) : t(`history.ops.${c.op}`)

  return (
    <details className="change-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('history.title')}</summary>
      {!open ? null : changes.isPending ? (
        <Loading />
      ) : changes.error ? (
        <ErrorMessage error={changes.error} onRetry={() => void changes.refetch()} />
      ) : changes.data.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <table className="table change-table">
          <thead>
            <tr>
              <th>{t('history.columns.at')}</th>
              <th>{t('history.columns.actor')}</th>
              <th>{t('history.columns.field')}</th>
              <th>{t('history.columns.change')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.data.map((c) => (
              <tr key={c.seq} data-testid="change-row">
                <td className="nowrap">{new Date(c.at).toLocaleString(locale)}</td>
                <td>{c.actor}</td>
                <td>
                  {c.op !== 'update' && <span className="badge">{t(`history.ops.${c.op}`)}</span>} {c.field ? fieldLabel(c.field) : ''}
                </td>
                <td className="change-value">{describe(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  )
}
