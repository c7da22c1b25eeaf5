import type { Language } from '../../i18n'
import { formatArea, formatMu } from '../../lib/format'
import { formatDistance } from './geometry'
import { useTranslation } from 'react-i18next'
import type { MapLayers } from './mapState'
import type { ToolMode } from './tools/MapTools'

type SimpleTool = 'measure' | 'selectPolygon' | 'selectRadius' | 'newBuilding' | 'drawParcel'
const TOOLS: SimpleTool[] = ['measure', 'selectPolygon', 'selectRadius', 'newBuilding', 'drawParcel']

interface Props {
  mode: ToolMode
  onMode: (mode: ToolMode) => void
  radiusKm: string
  onRadiusKm: (text: string) => void
  /** Live reading while drawing: metres for measuring, m² for polygons. */
  layers: MapLayers
  onLayers: (layers: MapLayers) => void
}

export function Toolbar({ mode, onMode, radiusKm, onRadiusKm, layers, onLayers }: Props) {
  const { t } = useTranslation('map')
  return (
    <div className="map-toolbar">
      <div className="map-toolbar__group" role="toolbar" aria-label={t('tools.title')}>
        {TOOLS.map((tool) => (
          <button
            key={tool}
            type="button"
            data-tool={tool}
            aria-pressed={mode.kind === tool}
            onClick={() => onMode(mode.kind === tool ? { kind: 'none' } : { kind: tool })}
          >
            {t(`tools.${tool}`)}
          </button>
        ))}
        {mode.kind === 'selectRadius' && (
          <label className="map-toolbar__radius">
            {t('tools.radius')}
            <input name="radiusKm" inputMode="decimal" value={radiusKm} onChange={(e) => onRadiusKm(e.target.value)} />
          </label>
        )}
        {mode.kind !== 'none' && (
          <button type="button" className="link-button" onClick={() => onMode({ kind: 'none' })}>{t('tools.cancel')}</button>
        )}
      </div>
      <div className="map-toolbar__layers" role="group" aria-label={t('layers.title')}>
        {(Object.keys(layers) as Array<keyof MapLayers>).map((key) => (
          <label key={key} className="map-toolbar__layer">
            <input type="checkbox" name={`layer.${key}`} checked={layers[key]} onChange={(e) => onLayers({ ...layers, [key]: e.target.checked })} />
            {t(`layers.${key}`)}
          </label>
        ))}
      </div>
    </div>
  )
}

/**
 * What the active tool expects, and its live reading (distance, or area in m² and 亩), floating
 * over the top of the map so that starting a tool never changes the map's size.
 */
export function ToolHint({ mode, hint, live, measured }: { mode: ToolMode; hint: string | null; live: number | null; measured: number | null }) {
  const { t, i18n } = useTranslation('map')
  const lang = i18n.language as Language
  const value = mode.kind === 'measure' ? (live ?? measured) : live
  const reading =
    value == null
      ? null
      : mode.kind === 'measure'
        ? t('tools.measured', { distance: formatDistance(value, lang) })
        : t('tools.drawing', { m2: formatArea(value, lang), mu: formatMu(value, lang) })
  if (!hint && !reading) return null
  return (
    <div className="map-hint" role="status" data-map-overlay data-reading={value ?? ''}>
      {hint} {reading && <strong>{reading}</strong>}
    </div>
  )
}
