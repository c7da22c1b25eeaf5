import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { LAND_USES, PARCEL_STATUSES } from '../../../../shared/domain'
import type { Parcel } from '../../../../shared/types'
import { DemoBadge, EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import type { Language } from '../../i18n'
import { formatArea, formatMoney, formatMu } from '../../lib/format'
import { DistrictFilter } from './DistrictSelect'
import { plotRatioText } from './display'
import { LandUseSwatch } from './LandUseSwatch'
import { useParcels, type ParcelFilters } from './queries'
import { nonEmpty, useUrlFilters } from './useUrlFilters'
import { FreshnessTag, useFreshness } from '../recheck/Freshness'

const FILTERS = ['q', 'districtCode', 'landUse', 'status'] as const

export function ParcelListScreen() {
  const { t, i18n } = useTranslation('parcels')
  const lang = i18n.language as Language
  const navigate = useNavigate()
  const filters = useUrlFilters(FILTERS)
  const parcels = useParcels(nonEmpty(filters.values) as ParcelFilters)
  const rows = parcels.data ?? []
  const totalArea = rows.reduce((sum, p) => sum + (p.area ?? 0), 0)

  return (
    <div>
      <PageHeader
        title={t('list.title')}
        subtitle={parcels.data ? t('list.count', { count: rows.length, mu: formatMu(totalArea, lang) }) : undefined}
        actions={<button type="button" className="primary" onClick={() => void navigate('/parcels/new')}>{t('list.add')}</button>}
      />
      <div className="toolbar">
        <input type="search" name="q" value={filters.values.q} placeholder={t('filters.q')} aria-label={t('filters.q')} onChange={(e) => filters.set('q', e.target.value)} />
        <DistrictFilter value={filters.values.districtCode} onChange={(v) => filters.set('districtCode', v)} allLabel={t('filters.district')} />
        <select name="landUse" value={filters.values.landUse} aria-label={t('filters.landUse')} onChange={(e) => filters.set('landUse', e.target.value)}>
          <option value="">{t('filters.landUse')}</option>
          {LAND_USES.map((u) => <option key={u} value={u}>{t(`common:vocab.landUse.${u}`)}</option>)}
        </select>
        <select name="status" value={filters.values.status} aria-label={t('filters.status')} onChange={(e) => filters.set('status', e.target.value)}>
          <option value="">{t('filters.status')}</option>
          {PARCEL_STATUSES.map((s) => <option key={s} value={s}>{t(`common:vocab.parcelStatus.${s}`)}</option>)}
        </select>
        {filters.active && <button type="button" onClick={filters.clear}>{t('list.clearFilters')}</button>}
      </div>
      {parcels.isPending ? (
        <Loading />
      ) : parcels.error ? (
        <ErrorMessage error={parcels.error} onRetry={() => void parcels.refetch()} />
      ) : rows.length === 0 ? (
        filters.active ? <EmptyState title={t('list.noMatchTitle')} /> : <EmptyState title={t('list.emptyTitle')} body={t('list.emptyBody')} />
      ) : (
        <ParcelTable rows={rows} lang={lang} />
      )}
    </div>
  )
}

function ParcelTable({ rows, lang }: { rows: Parcel[]; lang: Language }) {
  const { t } = useTranslation('parcels')
  const freshness = useFreshness()
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{t('columns.code')}</th>
          <th>{t('columns.name')}</th>
          <th>{t('columns.district')}</th>
          <th>{t('columns.landUse')}</th>
          <th className="num">{t('columns.area')}</th>
          <th>{t('columns.status')}</th>
          <th className="num">{t('columns.plotRatio')}</th>
          <th className="num">{t('columns.price')}</th>
          <th>{t('recheck:freshness.column')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id} data-testid="parcel-row" className={freshness.stale(p.check) ? 'row--stale' : undefined}>
            <td>{p.code}</td>
            <td>
              <Link to={`/parcels/${p.id}`}>{p.name}</Link> <DemoBadge show={p.isDemo} />
            </td>
            <td>{p.districtName}</td>
            <td><LandUseSwatch use={p.landUse} /></td>
            <td className="num">
              {formatMu(p.area, lang)}
              {p.area != null && <div className="cell-sub">{formatArea(p.area, lang)}</div>}
            </td>
            <td><span className={`badge badge--parcel-${p.status}`}>{t(`common:vocab.parcelStatus.${p.status}`)}</span></td>
            <td className="num">{plotRatioText(p.plotRatioMin, p.plotRatioMax)}</td>
            <td className="num">{p.referencePrice == null ? '—' : `${formatMoney(p.referencePrice, lang)}/${t('common:units.mu')}`}</td>
            <td><FreshnessTag check={p.check} compact /></td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
