import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../components/Page'
import type { FollowMap } from './followMap'

/** The "按地图当前筛选统计" switch and what it is following (`badge` false: the tab says it its own way). */
export function FollowMapToggle({ followMap, badge = true }: { followMap: FollowMap; badge?: boolean }) {
  const { t } = useTranslation('stats')
  const { follow, setFollow, scope, pending, error, buildings, parcels } = followMap
  return (
    <span className="follow-map">
      <label className="follow-map__switch">
        <input type="checkbox" name="followMap" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
        {t('followMap')}
      </label>
      {badge && follow && !pending && scope && <span className="badge badge--filter" data-stats-scope="map">{t('followingMap', { buildings, parcels })}</span>}
      {badge && follow && !pending && !scope && <span className="follow-map__note">{t('mapUnfiltered')}</span>}
      {error && <ErrorMessage error={error} />}
    </span>
  )
}
