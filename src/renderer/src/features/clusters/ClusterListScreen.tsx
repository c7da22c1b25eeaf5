import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { DemoBadge, EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { formatCount } from '../../lib/format'
import { DistrictFilter } from '../parcels/DistrictSelect'
import { nonEmpty, useUrlFilters } from '../parcels/useUrlFilters'
import { useClusterList, type ClusterFilters } from './queries'

const FILTERS = ['q', 'districtCode'] as const

export function ClusterListScreen() {
  const { t } = useTranslation('clusters')
  const navigate = useNavigate()
  const filters = useUrlFilters(FILTERS)
  const clusters = useClusterList(nonEmpty(filters.values) as ClusterFilters)
  const rows = clusters.data ?? []
  return (
    <div>
      <PageHeader
        title={t('list.title')}
        subtitle={clusters.data ? t('list.count', { count: rows.length }) : undefined}
        actions={<button type="button" className="primary" onClick={() => void navigate('/clusters/new')}>{t('list.add')}</button>}
      />
      <div className="toolbar">
        <input type="search" name="q" value={filters.values.q} placeholder={t('filters.q')} aria-label={t('filters.q')} onChange={(e) => filters.set('q', e.target.value)} />
        <DistrictFilter value={filters.values.districtCode} onChange={(v) => filters.set('districtCode', v)} allLabel={t('filters.district')} />
        {filters.active && <button type="button" onClick={filters.clear}>{t('list.clearFilters')}</button>}
      </div>
      {clusters.isPending ? (
        <Loading />
      ) : clusters.error ? (
        <ErrorMessage error={clusters.error} onRetry={() => void clusters.refetch()} />
      ) : rows.length === 0 ? (
        filters.active ? <EmptyState title={t('list.noMatchTitle')} /> : <EmptyState title={t('list.emptyTitle')} body={t('list.emptyBody')} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('columns.name')}</th>
              <th>{t('columns.district')}</th>
              <th className="num">{t('columns.buildings')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} data-testid="cluster-row">
                <td>
                  <Link to={`/clusters/${c.id}`}>{c.name}</Link> <DemoBadge show={c.isDemo} />
                </td>
                <td>{c.districtName}</td>
                <td className="num">{formatCount(c.buildingCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
