import { useTranslation } from 'react-i18next'
import type { MapScope } from './useMapScope'

/** The "按地图当前筛选统计" switch and what it is following. */
export function FollowMapToggle({ mapScope }: { mapScope: MapScope }) {
  const { t } = useTranslation('stats')
  const { follow, setFollow, matched, mapFiltered } = mapScope
  return (
    <span className="follow-map">
      <label className="follow-map__switch">
        <input type="checkbox" name="followMap" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
        {t('followMap')}
      </label>
      {follow && matched && <span className="badge badge--filter">{t('followingMap', { buildings: matched.buildings, parcels: matched.parcels })}</span>}
      {follow && !mapFiltered && <span className="follow-map__note">{t('mapUnfiltered')}</span>}
    </span>
  )
}
