import { useTranslation } from 'react-i18next'
import './overviewI18n'
import type { Language } from '../../../i18n'
import { EmptyState, ErrorMessage, Loading } from '../../../components/Page'
import { formatArea, formatCount, formatMu, formatRate } from '../../../lib/format'
import { useStats } from '../../meta/queries'
import { HandbookLink } from '../../sheets/SheetLinks'

export function BuildingsTab() {
  const { t, i18n } = useTranslation('home')
  const lang = i18n.language as Language
  const stats = useStats()
  if (stats.isPending) return <Loading />
  if (stats.error) return <ErrorMessage error={stats.error} onRetry={() => void stats.refetch()} />
  const s = stats.data
  const empty = s.buildings + s.parcels + s.parks + s.clusters === 0
  const tiles: Array<[string, string]> = [
    [t('tiles.buildings'), formatCount(s.buildings)],
    [t('tiles.leasable'), formatArea(s.leasableArea, lang)],
    [t('tiles.vacant'), formatArea(s.vacantArea, lang)],
    [t('tiles.vacancyRate'), formatRate(s.vacancyRate)],
    [t('tiles.occupancyRate'), formatRate(s.occupancyRate)],
    [t('tiles.tenants'), formatCount(s.tenants)],
    [t('tiles.aboveScale'), formatCount(s.aboveScaleTenants)],
    [t('tiles.parcels'), formatCount(s.parcels)],
    [t('tiles.parcelArea'), formatMu(s.parcelArea, lang)],
    [t('tiles.parks'), formatCount(s.parks)],
    [t('tiles.clusters'), formatCount(s.clusters)],
  ]
  return (
    <div className="home">
      {empty ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <>
          <div className="stat-tiles">
            {tiles.map(([label, value]) => (
              <div key={label} className="stat-tile" data-stat={label}>
                <div className="stat-tile__value">{value}</div>
                <div className="stat-tile__label">{label}</div>
              </div>
            ))}
          </div>
          <h2>{t('byDistrict')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th>{t('columns.district')}</th>
                <th className="num">{t('columns.buildings')}</th>
                <th className="num">{t('columns.leasable')}</th>
                <th className="num">{t('columns.vacant')}</th>
                <th className="num">{t('columns.vacancyRate')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {s.byDistrict.map((d) => (
                <tr key={d.code}>
                  <td>{d.name}</td>
                  <td className="num">{formatCount(d.buildings)}</td>
                  <td className="num">{formatArea(d.leasableArea, lang)}</td>
                  <td className="num">{formatArea(d.vacantArea, lang)}</td>
                  <td className="num">{formatRate(d.vacancyRate)}</td>
                  <td><HandbookLink scope={{ kind: 'district', districtCode: d.code }} className="link-button" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}
