import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import './trends/i18n'
import './statsTabs.css'
import type { Language } from '../../../i18n'
import type { RollupWithin, TrendPoint } from '../../../../../shared/stats'
import { ChartPanel } from '../../../components/charts/ChartPanel'
import { EmptyState, ErrorMessage, Loading } from '../../../components/Page'
import { formatArea, formatRate } from '../../../lib/format'
import { useClusterList } from '../../clusters/queries'
import { useDistricts } from '../../meta/queries'
import { basisIn } from '../basis'
import { FollowMapToggle } from '../FollowMapToggle'
import { useTrend } from '../queries'
import { useFollowMap } from '../followMap'
import { trendOption } from './trends/shape'

const MONTHS = 24
/** The cluster picker's value for buildings in no cluster. */
const NO_CLUSTER = 'none'

/** Vacancy and occupancy month by month over two years, for a district, a cluster or the map's filter. */
export function TrendsTab() {
  const { t, i18n } = useTranslation('statsTrends')
  const lang = i18n.language as Language
  const [params, setParams] = useSearchParams()
  const mapScope = useFollowMap()
  const [showAreas, setShowAreas] = useState(false)
  const districts = useDistricts()
  const clusters = useClusterList({})
  const districtCode = params.get('district') ?? ''
  const clusterParam = params.get('cluster') ?? ''

  const within: RollupWithin = {
    ...(districtCode ? { districtCode } : {}),
    ...(clusterParam ? { clusterId: clusterParam === NO_CLUSTER ? null : clusterParam } : {}),
  }
  const trend = useTrend({ months: MONTHS, within: Object.keys(within).length > 0 ? within : undefined, scope: mapScope.scope })
  const pick = (key: 'district' | 'cluster', value: string) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev)
      if (value) out.set(key, value)
      else out.delete(key)
      // A cluster lies in one district: a new district drops a cluster picked elsewhere.
      if (key === 'district') out.delete('cluster')
      return out
    }, { replace: true })

  // Districts that have clusters or are picked; the full list of the region is long.
  const clusterList = (clusters.data ?? []).filter((c) => !districtCode || c.districtCode === districtCode)
  const toolbar = (
    <div className="toolbar stats-toolbar">
      <label>
        {t('district')}
        <select name="trendDistrict" value={districtCode} onChange={(e) => pick('district', e.target.value)}>
          <option value="">{t('allDistricts')}</option>
          {(districts.data ?? []).map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
        </select>
      </label>
      <label>
        {t('cluster')}
        <select name="trendCluster" value={clusterParam} onChange={(e) => pick('cluster', e.target.value)}>
          <option value="">{t('allClusters')}</option>
          {clusterList.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          <option value={NO_CLUSTER}>{t('noCluster')}</option>
        </select>
      </label>
      <label>
        <input type="checkbox" name="showAreas" checked={showAreas} onChange={(e) => setShowAreas(e.target.checked)} />
        {t('showAreas')}
      </label>
      <FollowMapToggle followMap={mapScope} />
    </div>
  )
  if (trend.isPending || mapScope.pending) return <>{toolbar}<Loading /></>
  if (trend.error) return <>{toolbar}<ErrorMessage error={trend.error} onRetry={() => void trend.refetch()} /></>
  const points = trend.data.points
  if (points.every((p) => p.leasableArea === 0)) return <>{toolbar}<EmptyState title={t('empty')} body={t('emptyBody')} /></>

  const area = (m2: number) => formatArea(m2, lang)
  const title = t('title', { months: points.length })
  return (
    <div className="stats-tab">
      {toolbar}
      <ChartPanel<TrendPoint>
        title={title}
        fileName={title}
        option={trendOption(points, {
          vacancyRate: t('stats:figures.vacancyRate'), occupancyRate: t('stats:figures.occupancyRate'),
          vacantArea: t('stats:figures.vacantArea'), leasedArea: t('stats:figures.leasedArea'),
        }, showAreas, lang)}
        rows={points}
        rowKey={(p) => p.month}
        columns={[
          { key: 'month', label: t('columns.month'), value: (p) => p.month },
          { key: 'day', label: t('columns.day'), value: (p) => p.day },
          { key: 'leasableArea', label: t('columns.leasableArea'), numeric: true, value: (p) => p.leasableArea, format: (p) => area(p.leasableArea) },
          { key: 'leasedArea', label: t('columns.leasedArea'), numeric: true, value: (p) => p.leasedArea, format: (p) => area(p.leasedArea) },
          { key: 'vacantArea', label: t('columns.vacantArea'), numeric: true, value: (p) => p.vacantArea, format: (p) => area(p.vacantArea) },
          { key: 'vacancyRate', label: t('columns.vacancyRate'), numeric: true, rate: true, value: (p) => p.vacancyRate, format: (p) => formatRate(p.vacancyRate) },
          { key: 'occupancyRate', label: t('columns.occupancyRate'), numeric: true, rate: true, value: (p) => p.occupancyRate, format: (p) => formatRate(p.occupancyRate) },
        ]}
      />
      <p className="stats-note" data-testid="trend-basis"><b>{t('basisTitle')}</b>{basisIn(lang, trend.data.basis, t('basisText'))}</p>
    </div>
  )
}
