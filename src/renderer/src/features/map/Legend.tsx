import { useTranslation } from 'react-i18next'
import { LAND_USES } from '../../../../shared/domain'
import { LAND_USE_COLORS } from '../../../../shared/landUseColors'
import { VACANCY_CLASSES } from '../../../../shared/vacancyColors'
import type { LegendSetting, MapLayers } from './mapState'
import { useStaleDays } from '../recheck/queries'

/** Below this window height the legend starts folded: open, it would cover much of a small map. */
const FOLDED_BELOW = 800

/** Explains every colour and mark on the map, for the layers that are on. */
export function Legend({ layers, setting, onSetting }: { layers: MapLayers; setting: LegendSetting; onSetting: (next: LegendSetting) => void }) {
  const { t } = useTranslation('map')
  const staleDays = useStaleDays()
  // Folded or open as the person left it (kept with the map's other state); until then open only
  // on a window tall enough for it.
  const open = setting?.open ?? window.innerHeight >= FOLDED_BELOW
  const toggle = () => onSetting({ open: !open })
  return (
    <div className={`map-legend${open ? '' : ' map-legend--closed'}`} aria-label={t('legend.title')} data-map-overlay>
      <button type="button" className="map-legend__toggle" aria-expanded={open} onClick={toggle}>
        {t('legend.title')} {open ? '▾' : '▸'}
      </button>
      {open && (
        <div className="map-legend__body">
          {layers.buildings && (
            <section>
              <h4>{t('legend.vacancy')}</h4>
              {VACANCY_CLASSES.map((c) => (
                <div key={c.key} className="map-legend__item" data-legend={`vacancy-${c.key}`}>
                  <span className="map-legend__dot" style={{ background: c.color }} />
                  {t(`legend.classes.${c.key}`)}
                </div>
              ))}
              <div className="map-legend__note">{t('legend.size')}</div>
              <div className="map-legend__item">
                <span className="map-legend__bubble">12</span>
                {t('legend.clusterBubble')}
              </div>
            </section>
          )}
          {layers.parcels && (
            <section>
              <h4>{t('legend.landUse')}</h4>
              {LAND_USES.map((use) => (
                <div key={use} className="map-legend__item" data-legend={`landuse-${use}`}>
                  <span className="map-legend__swatch" style={{ background: LAND_USE_COLORS[use].fill, borderColor: LAND_USE_COLORS[use].stroke }} />
                  {t(`vocab.landUse.${use}`)}
                </div>
              ))}
            </section>
          )}
          <section>
            {layers.parks && (
              <div className="map-legend__item">
                <span className="park-badge park-badge--legend"><span>{t('legend.parkBadge')}</span></span>
                {t('legend.park')}
              </div>
            )}
            {layers.clusters && (
              <div className="map-legend__item">
                <span className="map-legend__line map-legend__line--cluster" />
                {t('legend.cluster')}
              </div>
            )}
            {layers.districts && (
              <div className="map-legend__item">
                <span className="map-legend__line map-legend__line--district" />
                {t('legend.district')}
              </div>
            )}
            <div className="map-legend__item">
              <span className="map-legend__line map-legend__line--area" />
              {t('legend.area')}
            </div>
            {(layers.buildings || layers.parcels) && (
              <div className="map-legend__item" data-legend="stale">
                <span className="map-legend__stale" />
                {t('recheck:legend', { days: staleDays })}
              </div>
            )}
          </section>
        </div>
      )}
    </div>
  )
}
