import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatWhen } from '../../../../shared/changeText'
import { TRASH_TABLES, type TrashItem, type TrashTable } from '../../../../shared/history'
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { useUrlFilters } from '../parcels/useUrlFilters'
import { useRestoreFromTrash } from './mutations'
import { useTrash } from './queries'
import './trash.css'

const FILTERS = ['kind', 'q'] as const

/** Every deleted row, the latest first, each with a restore button. */
export function TrashScreen() {
  const { t } = useTranslation('trash')
  const filters = useUrlFilters(FILTERS)
  const kind = (TRASH_TABLES as readonly string[]).includes(filters.values.kind) ? (filters.values.kind as TrashTable) : undefined
  const q = filters.values.q.trim()
  const trash = useTrash({ ...(kind ? { kind } : {}), ...(q ? { q } : {}) })

  return (
    <div className="trash">
      <PageHeader title={t('title')} subtitle={trash.data ? `${t('subtitle')} ${t('count', { count: trash.data.length })}` : t('subtitle')} />
      <div className="toolbar">
        <select name="kind" aria-label={t('filters.kind')} value={filters.values.kind} onChange={(e) => filters.set('kind', e.target.value)}>
          <option value="">{t('filters.anyKind')}</option>
          {TRASH_TABLES.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
        </select>
        <input type="search" name="q" value={filters.values.q} placeholder={t('filters.q')} aria-label={t('filters.q')} onChange={(e) => filters.set('q', e.target.value)} />
        {filters.active && <button type="button" onClick={filters.clear}>{t('filters.clear')}</button>}
      </div>
      {trash.isPending ? (
        <Loading />
      ) : trash.error ? (
        <ErrorMessage error={trash.error} onRetry={() => void trash.refetch()} />
      ) : trash.data.length === 0 ? (
        filters.active ? <EmptyState title={t('noMatch')} /> : <EmptyState title={t('empty')} body={t('emptyBody')} />
      ) : (
        <table className="table trash-table">
          <thead>
            <tr>
              <th className="nowrap">{t('columns.kind')}</th>
              <th>{t('columns.name')}</th>
              <th className="nowrap">{t('columns.deletedBy')}</th>
              <th className="nowrap">{t('columns.deletedAt')}</th>
              <th className="nowrap">{t('columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {trash.data.map((item) => <TrashRow key={`${item.table}:${item.id}`} item={item} />)}
          </tbody>
        </table>
      )}
    </div>
  )
}

function TrashRow({ item }: { item: TrashItem }) {
  const { t } = useTranslation('trash')
  const toast = useToast()
  const restore = useRestoreFromTrash()
  const [error, setError] = useState<string | null>(null)
  const kindName = t(`kinds.${item.table}`)
  const run = () => {
    setError(null)
    restore.mutate(
      { table: item.table, id: item.id },
      {
        onSuccess: () => toast(t('restored', { kind: kindName, name: item.label })),
        onError: (e) => setError(e.message),
      },
    )
  }
  return (
    <tr data-testid="trash-row">
      <td className="nowrap"><span className="badge">{kindName}</span></td>
      <td>
        {item.label}
        {error && <div className="form-error" role="alert">{error}</div>}
      </td>
      <td className="nowrap">{item.deletedBy ?? t('unknownActor')}</td>
      <td className="nowrap">{formatWhen(item.deletedAt)}</td>
      <td className="nowrap">
        <button type="button" onClick={run} disabled={restore.isPending}>{restore.isPending ? t('restoring') : t('restore')}</button>
      </td>
    </tr>
  )
}
