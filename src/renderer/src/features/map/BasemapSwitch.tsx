import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { BasemapList } from '../../../../shared/types'
import { useSetActiveBasemap } from '../basemaps/mutations'
import { DownloadAreaDialog } from './DownloadAreaDialog'

/** Which basemap the map shows, switched in place; an online one can be saved for offline use. */
export function BasemapSwitch({ list, bbox, zoom }: { list: BasemapList; bbox: () => [number, number, number, number]; zoom: () => number }) {
  const { t } = useTranslation('basemaps')
  const setActive = useSetActiveBasemap()
  const [downloading, setDownloading] = useState<{ bbox: [number, number, number, number]; zoom: number } | null>(null)
  const active = list.basemaps.find((b) => b.id === list.activeId) ?? null
  return (
    <div className="basemap-switch">
      <label>
        {t('switcher.label')}{' '}
        <select name="basemap" value={list.activeId ?? ''} onChange={(e) => setActive.mutate({ id: e.target.value || null })}>
          <option value="">{t('builtin')}</option>
          {list.basemaps.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}（{t(`crsShort.${b.crs}`)}）
            </option>
          ))}
        </select>
      </label>
      {active?.kind === 'xyz' && (
        <button type="button" onClick={() => setDownloading({ bbox: bbox(), zoom: Math.round(zoom()) })}>
          {t('download.action')}
        </button>
      )}
      {!active && (
        <Link to="/settings?section=basemaps" data-link="basemap-help" title={t('ways.title')}>
          {t('switcher.howTo')}
        </Link>
      )}
      {downloading && active && <DownloadAreaDialog basemap={active} bbox={downloading.bbox} fromZoom={downloading.zoom} onClose={() => setDownloading(null)} />}
    </div>
  )
}
