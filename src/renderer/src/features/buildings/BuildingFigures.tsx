import { useTranslation } from 'react-i18next'
import type { BuildingSummary } from '../../../../shared/types'
import { Facts } from '../../components/Page'
import type { Language } from '../../i18n'
import { formatArea, formatCount, formatMoney, formatRate, formatRentRange } from '../../lib/format'
import { formatLandArea } from '../../lib/landArea'

/** Buildings whose tenants pay this much tax a year are called 亿元楼. */
export const YI_YUAN_BUILDING_TAX = 1e8

export function BuildingTiles({ b }: { b: BuildingSummary }) {
  const { t, i18n } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const tiles: Array<{ key: string; value: string; badge?: string }> = [
    { key: 'leasable', value: formatArea(b.leasableArea, lang) },
    { key: 'vacant', value: formatArea(b.vacantArea, lang) },
    { key: 'vacancyRate', value: formatRate(b.vacancyRate) },
    { key: 'occupancyRate', value: formatRate(b.occupancyRate) },
    { key: 'tenants', value: formatCount(b.tenantCount) },
    { key: 'aboveScale', value: formatCount(b.aboveScaleTenantCount) },
    {
      key: 'annualTax',
      value: formatMoney(b.annualTax, lang),
      badge: b.annualTax >= YI_YUAN_BUILDING_TAX ? t('detail.yiYuanBuilding') : undefined,
    },
    { key: 'rent', value: formatRentRange(b.rentMin, b.rentMax, lang) },
  ]
  return (
    <div className="stat-tiles building-tiles">
      {tiles.map((tile) => (
        <div key={tile.key} className="stat-tile" data-stat={tile.key}>
          <div className="stat-tile__value">
            {tile.value} {tile.badge && <span className="badge badge--yiyuan">{tile.badge}</span>}
          </div>
          <div className="stat-tile__label">{t(`detail.tiles.${tile.key}`)}</div>
        </div>
      ))}
    </div>
  )
}

export function BuildingFacts({ b }: { b: BuildingSummary }) {
  const { t, i18n } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const or = (v: string | number | null) => (v == null || v === '' ? '—' : String(v))
  const items: Array<[string, string]> = [
    [t('fields.address'), or(b.address)],
    [t('fields.districtCode'), b.districtName],
    [t('fields.clusterId'), or(b.clusterName)],
    [t('fields.kind'), t(`vocab.buildingKind.${b.kind}`)],
    [t('fields.grade'), b.grade ? t(`vocab.grade.${b.grade}`) : '—'],
    [
      t('detail.coordinates'),
      b.lng != null && b.lat != null ? `${b.lng.toFixed(6)}, ${b.lat.toFixed(6)}` : '—',
    ],
    [t('fields.floorsAbove'), or(b.floorsAbove)],
    [t('fields.floorsBelow'), or(b.floorsBelow)],
    [t('fields.totalArea'), formatArea(b.totalArea, lang)],
    [t('fields.landArea'), formatLandArea(b.landArea, lang)],
    [t('fields.yearBuilt'), or(b.yearBuilt)],
    [t('fields.owner'), or(b.owner)],
    [t('fields.propertyManager'), or(b.propertyManager)],
    [t('fields.ownership'), b.ownership ? t(`vocab.ownership.${b.ownership}`) : '—'],
    [t('fields.propertyFee'), b.propertyFee == null ? '—' : `${b.propertyFee} ${t('units.feeMonth')}`],
    [t('fields.contactName'), or(b.contactName)],
    [t('fields.contactPhone'), or(b.contactPhone)],
  ]
  return (
    <section className="panel">
      <Facts items={items} />
      {b.notes && <p className="building-notes">{b.notes}</p>}
    </section>
  )
}
