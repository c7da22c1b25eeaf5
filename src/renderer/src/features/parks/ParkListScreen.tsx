import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { PARK_STATUSES } from '../../../../shared/domain'
import type { Park } from '../../../../shared/types'
import { DemoBadge, EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import type { Language } from '../../i18n'
import { formatArea, formatCount, formatMoney } from '../../lib/format'
import { DistrictFilter } from '../parcels/DistrictSelect'
import { nonEmpty, useUrlFilters } from '../parcels/useUrlFilters'
import { useParks, type ParkFilters } from './queries'

const FILTERS = ['q', 'districtCode', 'status'] as const

export function ParkListScreen() {
  const { t, i18n } = useTranslation('parks')
  const lang = i18n.language as Language
  const navigate = useNavigate()
  const filters = useUrlFilters(FILTERS)
  const parks = useParks(nonEmpty(filters.values) as ParkFilters)
  const rows = parks.data ?? []

  return (
    <div>
      <PageHeader
        title={t('list.title')}
        subtitle={parks.data ? t('list.count', { count: rows.length }) : undefined}
        actions={<button type="button" className="primary" onClick={() => void navigate('/parks/new')}>{t('list.add')}</button>}
      />
      <div className="toolbar">
        <input type="search" name="q" value={filters.values.q} placeholder={t('filters.q')} aria-label={t('filters.q')} onChange={(e) => filters.set('q', e.target.value)} />
        <DistrictFilter value={filters.values.districtCode} onChange={(v) => filters.set('districtCode', v)} allLabel={t('filters.district')} />
        <select name="status" value={filters.values.status} aria-label={t('filters.status')} onChange={(e) => filters.set('status', e.target.value)}>
          <option value="">{t('filters.status')}</option>
          {PARK_STATUSES.map((s) => <option key={s} value={s}>{t(`common:vocab.parkStatus.${s}`)}</option>)}
        </select>
        {filters.active && <button type="button" onClick={filters.clear}>{t('list.clearFilters')}</button>}
      </div>
      {parks.isPending ? (
        <Loading />
      ) : parks.error ? (
        <ErrorMessage error={parks.error} onRetry={() => void parks.refetch()} />
      ) : rows.length === 0 ? (
        filters.active ? <EmptyState title={t('list.noMatchTitle')} /> : <EmptyState title={t('list.emptyTitle')} body={t('list.emptyBody')} />
      ) : (
        <ParkTable rows={rows} lang={lang} />
      )}
    </div>
  )
}

function ParkTable({ rows, lang }: { rows: Park[]; lang: Language }) {
  const { t } = useTranslation('parks')
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{t('columns.name')}</th>
          <th>{t('columns.theme')}</th>
          <th>{t('columns.district')}</th>
          <th>{t('columns.status')}</th>
          <th className="num">{t('columns.investment')}</th>
          <th className="num">{t('columns.totalArea')}</th>
          <th>{t('columns.hosts')}</th>
          <th className="num">{t('columns.subParks')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id} data-testid="park-row">
            <td>
              <Link to={`/parks/${p.id}`}>{p.name}</Link> <DemoBadge show={p.isDemo} />
            </td>
            <td>{p.theme}</td>
            <td>{p.districtName}</td>
            <td><span className={`badge badge--park-${p.status}`}>{t(`common:vocab.parkStatus.${p.status}`)}</span></td>
            <td className="num">{formatMoney(p.plannedInvestment, lang)}</td>
            <td className="num">{formatArea(p.totalArea, lang)}</td>
            <td>{p.hosts.length === 0 ? '—' : p.hosts.map((h) => h.buildingName).join('、')}</td>
            <td className="num">{formatCount(p.subParks.length)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
