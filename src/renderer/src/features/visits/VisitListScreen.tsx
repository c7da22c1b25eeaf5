import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { Visit } from '../../../../shared/visits'
import { DemoBadge, EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { useUrlFilters } from '../parcels/useUrlFilters'
import { followUpState, localToday } from './dates'
import { FollowUp } from './FollowUp'
import { useVisits } from './queries'
import { SiteNames } from './SiteNames'

const FILTERS = ['q', 'overdue'] as const

export function VisitListScreen() {
  const { t } = useTranslation('visits')
  const navigate = useNavigate()
  const filters = useUrlFilters(FILTERS)
  const q = filters.values.q.trim()
  const visits = useVisits(q ? { q } : {})
  const today = localToday()
  // Overdue follow-ups are a view of the same list, so the filter is applied here.
  const rows = (visits.data ?? []).filter((v) => !filters.values.overdue || followUpState(v.followUpDate, today) === 'overdue')

  return (
    <div>
      <PageHeader
        title={t('list.title')}
        subtitle={visits.data ? t('list.count', { count: rows.length }) : undefined}
        actions={<button type="button" className="primary" onClick={() => void navigate('/visits/new')}>{t('list.add')}</button>}
      />
      <div className="toolbar visit-filters">
        <input type="search" name="q" value={filters.values.q} placeholder={t('filters.q')} aria-label={t('filters.q')} onChange={(e) => filters.set('q', e.target.value)} />
        <label className="checkbox-field">
          <input type="checkbox" name="overdue" checked={filters.values.overdue !== ''} onChange={(e) => filters.set('overdue', e.target.checked ? '1' : '')} />
          {t('list.overdueOnly')}
        </label>
        {filters.active && <button type="button" onClick={filters.clear}>{t('list.clearFilters')}</button>}
      </div>
      {visits.isPending ? (
        <Loading />
      ) : visits.error ? (
        <ErrorMessage error={visits.error} onRetry={() => void visits.refetch()} />
      ) : rows.length === 0 ? (
        filters.active ? <EmptyState title={t('list.noMatchTitle')} /> : <EmptyState title={t('list.emptyTitle')} body={t('list.emptyBody')} />
      ) : (
        <VisitTable rows={rows} today={today} />
      )}
    </div>
  )
}

function VisitTable({ rows, today }: { rows: Visit[]; today: string }) {
  const { t } = useTranslation('visits')
  return (
    <table className="table visit-table">
      <thead>
        <tr>
          <th className="nowrap">{t('columns.date')}</th>
          <th>{t('columns.company')}</th>
          <th>{t('columns.staff')}</th>
          <th>{t('columns.sites')}</th>
          <th className="nowrap">{t('columns.followUp')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((v) => (
          <tr key={v.id} data-testid="visit-row" className={followUpState(v.followUpDate, today) === 'overdue' ? 'visit-row--overdue' : undefined}>
            <td className="nowrap">{v.date}</td>
            <td>
              <Link to={`/visits/${v.id}`}>{v.company}</Link> <DemoBadge show={v.isDemo} />
            </td>
            <td>{v.staff ?? '—'}</td>
            <td><SiteNames sites={v.sites} /></td>
            <td className="nowrap"><FollowUp date={v.followUpDate} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
