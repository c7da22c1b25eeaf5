import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { BuildingSummary } from '../../../../shared/types'
import { vacancyClass } from '../../../../shared/vacancyColors'
import { DemoBadge } from '../../components/Page'
import type { Language } from '../../i18n'
import { formatArea, formatCount, formatRate, formatRentRange } from '../../lib/format'
import { FreshnessTag, useFreshness } from '../recheck/Freshness'

/**
 * A vacancy rate with a small bar, so high-vacancy buildings stand out while scanning; the bar has
 * the map's colour of the rate's class (shared/vacancyColors.ts), so green means the same everywhere.
 */
export function VacancyRate({ rate }: { rate: number | null }) {
  const vacancy = vacancyClass(rate)
  return (
    <div className="vacancy-cell">
      <span>{formatRate(rate)}</span>
      {rate != null && (
        <div className="vacancy-bar" aria-hidden="true" data-vacancy-class={vacancy.key}>
          <span style={{ width: `${Math.min(100, Math.max(0, rate * 100))}%`, background: vacancy.color }} />
        </div>
      )}
    </div>
  )
}

export function BuildingTable({ buildings }: { buildings: BuildingSummary[] }) {
  const { t, i18n } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const freshness = useFreshness()
  return (
    <table className="table building-table">
      <thead>
        <tr>
          <th>{t('columns.name')}</th>
          <th>{t('columns.district')}</th>
          <th>{t('columns.cluster')}</th>
          <th>{t('columns.grade')}</th>
          <th>{t('columns.kind')}</th>
          <th className="num">{t('columns.leasable')}</th>
          <th className="num">{t('columns.vacant')}</th>
          <th className="num">{t('columns.vacancyRate')}</th>
          <th className="num">{t('columns.tenants')}</th>
          <th className="num">{t('columns.rent')}</th>
          <th>{t('recheck:freshness.column')}</th>
        </tr>
      </thead>
      <tbody>
        {buildings.map((b) => (
          <tr key={b.id} data-testid="building-row" data-id={b.id} className={freshness.stale(b.check) ? 'row--stale' : undefined}>
            <td>
              <Link to={`/buildings/${b.id}`}>{b.name}</Link> <DemoBadge show={b.isDemo} />
            </td>
            <td>{b.districtName}</td>
            <td>{b.clusterName ?? '—'}</td>
            <td>{b.grade ? t(`vocab.grade.${b.grade}`) : '—'}</td>
            <td>{t(`vocab.buildingKind.${b.kind}`)}</td>
            <td className="num">{formatArea(b.leasableArea, lang)}</td>
            <td className="num">{formatArea(b.vacantArea, lang)}</td>
            <td className="num">
              <VacancyRate rate={b.vacancyRate} />
            </td>
            <td className="num">{formatCount(b.tenantCount)}</td>
            <td className="num">{formatRentRange(b.rentMin, b.rentMax, lang)}</td>
            <td><FreshnessTag check={b.check} compact /></td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
