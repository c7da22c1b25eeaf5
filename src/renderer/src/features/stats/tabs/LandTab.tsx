import { useTranslation } from 'react-i18next'
import './land/i18n'
import './statsTabs.css'
import type { Language } from '../../../i18n'
import { muToSquareMetres, type LandUse, type ParcelStatus } from '../../../../../shared/domain'
import type { LandDistrictRow, LandIndustryRow } from '../../../../../shared/stats'
import { ChartPanel } from '../../../components/charts/ChartPanel'
import { formatValue } from '../../../components/charts/options'
import { EmptyState, ErrorMessage, Loading } from '../../../components/Page'
import { formatArea, formatCount, formatMoney, formatRate } from '../../../lib/format'
import { FollowMapToggle } from '../FollowMapToggle'
import { useLandStats } from '../queries'
import { useFollowMap } from '../followMap'
import { districtOption, industryOption, landUseStatusOption, transferredMu } from './land/shape'
import { districtTotal, industryTotal, landUseStatusRows, type UseStatusRow } from './land/tables'
import { StatTile as Tile } from './StatTile'

/** Land: parcels and areas by land use × status and by district, available land by target industry. */
export function LandTab() {
  const { t, i18n } = useTranslation('statsLand')
  const lang = i18n.language as Language
  const mapScope = useFollowMap()
  // The land tab follows the map's parcels only: a filter on buildings leaves every parcel.
  const scope = mapScope.scope?.parcelIds ? { parcelIds: mapScope.scope.parcelIds } : undefined
  const land = useLandStats({ scope })

  const toolbar = (
    <div className="toolbar stats-toolbar">
      <FollowMapToggle followMap={mapScope} />
    </div>
  )
  if (land.isPending || mapScope.pending) return <>{toolbar}<Loading /></>
  if (land.error) return <>{toolbar}<ErrorMessage error={land.error} onRetry={() => void land.refetch()} /></>
  const data = land.data
  if (data.total.parcels === 0) {
    return <>{toolbar}{scope ? <EmptyState title={t('emptyScope')} /> : <EmptyState title={t('empty')} body={t('emptyBody')} />}</>
  }

  const mu = (value: number) => formatValue(value, 'mu', lang)
  const landUse = (u: LandUse) => t(`vocab.landUse.${u}`)
  const status = (s: ParcelStatus) => t(`vocab.parcelStatus.${s}`)
  // Reference values come in 元 (the store keeps money in 元); formatMoney writes 万元/亿元.
  const money = (value: number) => formatMoney(value, lang)
  const useStatus = landUseStatusRows(data)
  const districtSum = districtTotal(data.byDistrict, t('stats:total'))
  const industrySum = industryTotal(data.availableByIndustry)
  const isTotal = (r: UseStatusRow) => r.key === 'total'
  const availableShare = (r: LandIndustryRow) => (industrySum.areaMu > 0 ? r.areaMu / industrySum.areaMu : null)
  const areaShare = (r: UseStatusRow) => (data.total.areaM2 > 0 ? r.areaM2 / data.total.areaM2 : null)

  return (
    <div className="stats-tab">
      {toolbar}
      <div className="stat-tiles stat-tiles--compact">
        <Tile label={t('tiles.parcels')} value={formatCount(data.total.parcels)} />
        <Tile label={t('tiles.area')} value={mu(data.total.areaMu)} sub={formatArea(data.total.areaM2, lang)} />
        <Tile label={t('tiles.available')} value={mu(districtSum.availableAreaMu)} sub={t('parcelCount', { count: formatCount(districtSum.availableParcels) })} />
        <Tile label={t('tiles.availableValue')} value={money(data.availableReferenceValue)} />
        <Tile label={t('tiles.noArea')} value={formatCount(data.parcelsWithoutArea)} />
      </div>
      {data.parcelsWithoutArea > 0 && <p className="stats-note" data-testid="land-no-area">{t('noAreaNote', { count: data.parcelsWithoutArea })}</p>}

      <ChartPanel<UseStatusRow>
        title={t('byUseStatus')}
        fileName={t('byUseStatus')}
        option={landUseStatusOption(data.rows, { landUse, status }, lang)}
        rows={useStatus.rows}
        total={useStatus.total}
        rowKey={(r) => r.key}
        columns={[
          { key: 'landUse', label: t('columns.landUse'), value: (r) => (isTotal(r) ? t('stats:total') : landUse(r.landUse)) },
          { key: 'status', label: t('columns.status'), value: (r) => (isTotal(r) ? '' : status(r.status)) },
          { key: 'parcels', label: t('columns.parcels'), numeric: true, value: (r) => r.parcels, format: (r) => formatCount(r.parcels) },
          { key: 'areaM2', label: t('columns.areaM2'), numeric: true, value: (r) => r.areaM2, format: (r) => formatArea(r.areaM2, lang) },
          { key: 'areaMu', label: t('columns.areaMu'), numeric: true, value: (r) => r.areaMu, format: (r) => mu(r.areaMu) },
          { key: 'share', label: t('columns.share'), numeric: true, rate: true, value: (r) => areaShare(r), format: (r) => formatRate(areaShare(r)) },
        ]}
      />

      <ChartPanel<LandDistrictRow>
        title={t('byDistrict')}
        fileName={t('byDistrict')}
        option={districtOption(data.byDistrict, { available: t('available'), transferred: t('transferred') }, lang)}
        rows={data.byDistrict}
        total={districtSum}
        rowKey={(r) => r.key}
        columns={[
          { key: 'district', label: t('columns.district'), value: (r) => r.name },
          { key: 'parcels', label: t('columns.parcels'), numeric: true, value: (r) => r.parcels, format: (r) => formatCount(r.parcels) },
          { key: 'areaMu', label: t('columns.areaMu'), numeric: true, value: (r) => r.areaMu, format: (r) => mu(r.areaMu) },
          { key: 'availableParcels', label: t('columns.availableParcels'), numeric: true, value: (r) => r.availableParcels, format: (r) => formatCount(r.availableParcels) },
          { key: 'availableMu', label: t('columns.availableMu'), numeric: true, value: (r) => r.availableAreaMu, format: (r) => mu(r.availableAreaMu) },
          { key: 'transferredMu', label: t('columns.transferredMu'), numeric: true, value: (r) => transferredMu(r), format: (r) => mu(transferredMu(r)) },
        ]}
      />

      {data.availableByIndustry.length === 0 ? (
        <EmptyState title={t('noAvailable')} />
      ) : (
        <ChartPanel<LandIndustryRow>
          title={t('byIndustry')}
          fileName={t('byIndustry')}
          option={industryOption(data.availableByIndustry, { none: t('noIndustry'), available: t('available') }, lang)}
          rows={data.availableByIndustry}
          total={industrySum}
          rowKey={(r) => r.industry ?? ''}
          columns={[
            { key: 'industry', label: t('columns.industry'), value: (r) => (r === industrySum ? t('stats:total') : r.industry ?? t('noIndustry')) },
            { key: 'parcels', label: t('columns.parcels'), numeric: true, value: (r) => r.parcels, format: (r) => formatCount(r.parcels) },
            { key: 'areaMu', label: t('columns.areaMu'), numeric: true, value: (r) => r.areaMu, format: (r) => mu(r.areaMu) },
            { key: 'areaM2', label: t('columns.areaM2'), numeric: true, value: (r) => Math.round(muToSquareMetres(r.areaMu)), format: (r) => formatArea(muToSquareMetres(r.areaMu), lang) },
            { key: 'share', label: t('columns.availableShare'), numeric: true, rate: true, value: (r) => availableShare(r), format: (r) => formatRate(availableShare(r)) },
            { key: 'referenceValue', label: t('columns.referenceValue'), numeric: true, value: (r) => r.referenceValue, format: (r) => money(r.referenceValue) },
          ]}
        />
      )}
      <p className="stats-note">{t('referenceNote')}</p>
    </div>
  )
}
