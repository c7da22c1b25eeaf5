import { useTranslation } from 'react-i18next'
import type { RollupFigures } from '../../../../../shared/stats'
import type { InventoryStats } from '../../../../../shared/types'
import type { Language } from '../../../i18n'
import { formatArea, formatCount, formatMu, formatRate } from '../../../lib/format'
import '../tabs/overviewI18n'

/** Still being counted: the tile keeps its place. */
const PENDING = '…'

// The totals at the top of the statistics view (the old overview's tiles). The building figures
// are the rollup total of the table's scope (`buildings`; undefined while it is read), so the tiles
// and the table's 合计 agree; parcels, parks and clusters are the store's counts. Each tile keeps
// its data-stat label: other screens' tests read the figures there.
export function OverviewTiles({ stats, buildings }: { stats: InventoryStats; buildings: RollupFigures | undefined }) {
  const { t, i18n } = useTranslation('home')
  const lang = i18n.language as Language
  const s = stats
  const b = (format: (figures: RollupFigures) => string) => (buildings ? format(buildings) : PENDING)
  const tiles: Array<[string, string]> = [
    [t('tiles.buildings'), b((f) => formatCount(f.buildings))],
    [t('tiles.leasable'), b((f) => formatArea(f.leasableArea, lang))],
    [t('tiles.vacant'), b((f) => formatArea(f.vacantArea, lang))],
    [t('tiles.vacancyRate'), b((f) => formatRate(f.vacancyRate))],
    [t('tiles.occupancyRate'), b((f) => formatRate(f.occupancyRate))],
    [t('tiles.tenants'), b((f) => formatCount(f.tenants))],
    [t('tiles.aboveScale'), b((f) => formatCount(f.aboveScaleTenants))],
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
