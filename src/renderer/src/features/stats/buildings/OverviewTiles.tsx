import { useTranslation } from 'react-i18next'
import type { InventoryStats } from '../../../../../shared/types'
import type { Language } from '../../../i18n'
import { formatArea, formatCount, formatMu, formatRate } from '../../../lib/format'
import '../tabs/overviewI18n'

// The store's totals at the top of the statistics view (the old overview's tiles). Each tile
// keeps its data-stat label: other screens' tests read the figures there.
export function OverviewTiles({ stats }: { stats: InventoryStats }) {
  const { t, i18n } = useTranslation('home')
  const lang = i18n.language as Language
  const s = stats
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
    <div className="stat-tiles">
      {tiles.map(([label, value]) => (
        <div key={label} className="stat-tile" data-stat={label}>
          <div className="stat-tile__value">{value}</div>
          <div className="stat-tile__label">{label}</div>
        </div>
      ))}
    </div>
  )
}
