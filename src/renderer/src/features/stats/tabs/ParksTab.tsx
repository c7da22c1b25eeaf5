import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import './parks/i18n'
import './statsTabs.css'
import type { Language } from '../../../i18n'
import type { ParkStatsRow } from '../../../../../shared/stats'
import { ChartPanel } from '../../../components/charts/ChartPanel'
import { EmptyState, ErrorMessage, Loading } from '../../../components/Page'
import { formatArea, formatCount, formatMoney, formatMu, formatRate } from '../../../lib/format'
import { FollowMapToggle } from '../FollowMapToggle'
import { useParkStats } from '../queries'
import { useFollowMap } from '../followMap'
import { ParkCard } from './parks/ParkCard'
import { hostBuildings, occupancyOption, sharedHostBuildings } from './parks/shape'
import { StatTile } from './StatTile'

/** Sky parks: occupancy by park as a chart with its table, then each park's hosts and sub-parks. */
export function ParksTab() {
  const { t, i18n } = useTranslation('statsParks')
  const lang = i18n.language as Language
  const navigate = useNavigate()
  const mapScope = useFollowMap()
  const scope = mapScope.scope?.buildingIds ? { buildingIds: mapScope.scope.buildingIds } : undefined
  const parks = useParkStats({ scope })

  const toolbar = (
    <div className="toolbar stats-toolbar">
      <FollowMapToggle followMap={mapScope} />
    </div>
  )
  if (parks.isPending || mapScope.pending) return <>{toolbar}<Loading /></>
  if (parks.error) return <>{toolbar}<ErrorMessage error={parks.error} onRetry={() => void parks.refetch()} /></>
  const rows = parks.data
  if (rows.length === 0) {
    return <>{toolbar}{scope ? <EmptyState title={t('emptyScope')} /> : <EmptyState title={t('empty')} body={t('emptyBody')} />}</>
  }

  const sum = (f: (p: ParkStatsRow) => number | null) => rows.reduce((s, p) => s + (f(p) ?? 0), 0)
  const hostArea = sum((p) => p.hostArea)
  const occupied = sum((p) => p.occupiedArea)
  const shared = sharedHostBuildings(rows)

  return (
    <div className="stats-tab">
      {toolbar}
      <div className="stat-tiles stat-tiles--compact">
        <StatTile label={t('tiles.parks')} value={formatCount(rows.length)} />
        <StatTile label={t('tiles.hostArea')} value={formatArea(hostArea, lang)} />
        <StatTile label={t('tiles.occupied')} value={formatArea(occupied, lang)} />
        <StatTile label={t('tiles.occupancy')} value={formatRate(hostArea > 0 ? occupied / hostArea : null)} />
        <StatTile label={t('tiles.investment')} value={formatMoney(sum((p) => p.plannedInvestment), lang)} />
      </div>
      {shared > 0 && <p className="stats-note" data-testid="parks-shared-hosts">{t('sharedHosts', { count: shared })}</p>}
      <ChartPanel<ParkStatsRow>
        title={t('chart')}
        fileName={t('chart')}
        option={occupancyOption(rows, { occupancy: t('occupancy') }, lang)}
        chartHeight={240}
        rows={rows}
        rowKey={(p) => p.id}
        onRowClick={(p) => void navigate(`/parks/${p.id}`)}
        columns={[
          { key: 'park', label: t('columns.park'), value: (p) => p.name, format: (p) => <Link to={`/parks/${p.id}`} onClick={(e) => e.stopPropagation()}>{p.name}</Link> },
          { key: 'district', label: t('columns.district'), value: (p) => p.districtName },
          { key: 'status', label: t('columns.status'), value: (p) => t(`vocab.parkStatus.${p.status}`) },
          { key: 'hosts', label: t('columns.hosts'), numeric: true, value: (p) => hostBuildings(p) },
          { key: 'hostArea', label: t('columns.hostArea'), numeric: true, value: (p) => p.hostArea, format: (p) => formatArea(p.hostArea, lang) },
          { key: 'occupiedArea', label: t('columns.occupiedArea'), numeric: true, value: (p) => p.occupiedArea, format: (p) => formatArea(p.occupiedArea, lang) },
          { key: 'occupancyRate', label: t('columns.occupancyRate'), numeric: true, rate: true, value: (p) => p.occupancyRate, format: (p) => formatRate(p.occupancyRate) },
          { key: 'tenants', label: t('columns.tenants'), numeric: true, value: (p) => p.tenants, format: (p) => formatCount(p.tenants) },
          { key: 'investment', label: t('columns.investment'), numeric: true, value: (p) => p.plannedInvestment, format: (p) => formatMoney(p.plannedInvestment, lang) },
          { key: 'landArea', label: t('columns.landArea'), numeric: true, value: (p) => p.landArea, format: (p) => formatMu(p.landArea, lang) },
          { key: 'taxPerMu', label: t('columns.taxPerMuUnit'), numeric: true, value: (p) => p.taxPerMu, format: (p) => (p.taxPerMu == null ? '—' : `${formatMoney(p.taxPerMu, lang)}${t('perMu')}`) },
        ]}
      />
      <p className="stats-note">{t('taxNote')}</p>
      <h2 className="stats-section-title">{t('details')}</h2>
      <div className="park-cards">
        {rows.map((p) => <ParkCard key={p.id} park={p} />)}
      </div>
    </div>
  )
}
