import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Language } from '../../../../i18n'
import type { ParkStatsRow } from '../../../../../../shared/stats'
import { formatArea, formatCount, formatMoney, formatMu, formatRate } from '../../../../lib/format'

/** One park's host buildings (with floors and occupancy) and its sub-parks with their progress. */
export function ParkCard({ park }: { park: ParkStatsRow }) {
  const { t, i18n } = useTranslation('statsParks')
  const lang = i18n.language as Language
  return (
    <article className="park-card" data-park={park.name}>
      <h3>
        <Link to={`/parks/${park.id}`}>{park.name}</Link>
        <span className={`badge badge--park-${park.status}`}>{t(`vocab.parkStatus.${park.status}`)}</span>
        <span className="badge">{park.theme}</span>
      </h3>
      <div className="park-card__facts">
        <span>{t('columns.district')} <b>{park.districtName}</b></span>
        <span>{t('columns.hostArea')} <b>{formatArea(park.hostArea, lang)}</b></span>
        <span>{t('columns.occupancyRate')} <b>{formatRate(park.occupancyRate)}</b></span>
        <span>{t('columns.tenants')} <b>{formatCount(park.tenants)}</b></span>
        <span>{t('columns.investment')} <b>{formatMoney(park.plannedInvestment, lang)}</b></span>
        {park.landArea != null && <span>{t('columns.landArea')} <b>{formatMu(park.landArea, lang)}</b></span>}
        {park.taxPerMu != null && <span>{t('columns.taxPerMu')} <b>{formatMoney(park.taxPerMu, lang)}{t('perMu')}</b></span>}
      </div>
      <div className="park-card__parts">
        {park.hosts.length === 0 ? <p className="stats-note">{t('noHosts')}</p> : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('columns.building')}</th><th>{t('columns.floors')}</th>
                <th className="num">{t('columns.area')}</th><th className="num">{t('columns.leased')}</th><th className="num">{t('columns.occupancyRate')}</th>
              </tr>
            </thead>
            <tbody>
              {park.hosts.map((h) => (
                <tr key={`${h.buildingId}:${h.floors ?? ''}`}>
                  <td><Link to={`/buildings/${h.buildingId}`}>{h.buildingName}</Link></td>
                  <td>{h.floors ?? t('wholeBuilding')}</td>
                  <td className="num">{formatArea(h.area, lang)}</td>
                  <td className="num">{formatArea(h.leasedArea, lang)}</td>
                  <td className="num">{formatRate(h.area > 0 ? h.leasedArea / h.area : null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {park.subParks.length === 0 ? <p className="stats-note">{t('noSubParks')}</p> : (
          <table className="table">
            <thead>
              <tr><th>{t('columns.subPark')}</th><th>{t('columns.theme')}</th><th className="num">{t('columns.subArea')}</th><th>{t('columns.status')}</th></tr>
            </thead>
            <tbody>
              {park.subParks.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{s.theme ?? '—'}</td>
                  <td className="num">{formatArea(s.area, lang)}</td>
                  <td><span className={`badge badge--park-${s.status}`}>{t(`vocab.parkStatus.${s.status}`)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </article>
  )
}
