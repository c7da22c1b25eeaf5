import { useTranslation } from 'react-i18next'
import type { SiteTotals } from '../../../../shared/mapFilter'
import type { Language } from '../../i18n'
import { formatArea, formatCount, formatMu } from '../../lib/format'

/** The header figures of what the map and list show now; they change with every filter. */
export function CountsBar({ totals, filtered, all }: { totals: SiteTotals; filtered: boolean; all: SiteTotals }) {
  const { t, i18n } = useTranslation('map')
  const lang = i18n.language as Language
  const of = (n: number) => (filtered ? ` / ${formatCount(n)}` : '')
  return (
    // Two fixed lines (buildings; parcels and parks), neither wrapping: setting a filter adds the
    // badge and the "/ all" figures without making the bar taller, so the map is not resized and
    // redrawn on top of the filter's own work.
    <div className="map-counts" aria-live="polite">
      <div className="map-counts__line">
        {filtered && <span className="badge badge--filter">{t('counts.filtered')}</span>}
        <span data-count="buildings" data-value={totals.buildings}>
          <strong>{t('counts.buildings', { n: formatCount(totals.buildings) })}</strong>
          {of(all.buildings)}
        </span>
        <span data-count="vacantArea" data-value={totals.vacantArea}>{t('counts.vacant', { area: formatArea(totals.vacantArea, lang) })}</span>
        {totals.unplacedBuildings > 0 && <span className="map-counts__muted">{t('counts.unplaced', { n: formatCount(totals.unplacedBuildings) })}</span>}
      </div>
      <div className="map-counts__line">
        <span data-count="parcels" data-value={totals.parcels}>
          <strong>{t('counts.parcels', { n: formatCount(totals.parcels) })}</strong>
          {of(all.parcels)}
        </span>
        <span data-count="parcelArea" data-value={totals.parcelArea}>{formatMu(totals.parcelArea, lang)}</span>
        <span className="map-counts__sep" />
        <span data-count="parks" data-value={totals.parks}>
          <strong>{t('counts.parks', { n: formatCount(totals.parks) })}</strong>
          {of(all.parks)}
        </span>
      </div>
    </div>
  )
}
