import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { MapBuilding, MapParcel, MapPark, SiteRef } from '../../../../shared/mapSites'
import { landUseColor } from '../../../../shared/landUseColors'
import { vacancyClass } from '../../../../shared/vacancyColors'
import { DemoBadge } from '../../components/Page'
import { photoUrl } from '../photos/queries'
import type { Language } from '../../i18n'
import { formatArea, formatCount, formatMu, formatRate, formatRentRange } from '../../lib/format'
import { formatDistance } from './geometry'
import type { SitePlace } from './sitePlace'
import { FreshnessTag } from '../recheck/Freshness'

// The card of the selected site: the figures an investor asks first, and what can be done to the
// site from the map (pick it, place or move it, draw its boundary).

export type CardSite =
  | { kind: 'building'; site: MapBuilding; parks: MapPark[] }
  | { kind: 'parcel'; site: MapParcel }
  | { kind: 'park'; site: MapPark; hosts: MapBuilding[] }

interface Props {
  card: CardSite
  /** Its address and cluster, for finding it without a street map. */
  place: SitePlace
  districtName: (code: string) => string
  picked: boolean
  onTogglePick: (ref: SiteRef) => void
  onClose: () => void
  onSelect: (ref: SiteRef) => void
  /** Buildings: start placing (no position) or toggle dragging (placed). */
  moving: boolean
  onPlace: () => void
  onToggleMove: () => void
  /** Parcels: draw or edit the boundary; save while editing. */
  editingBoundary: { area: number } | null
  onEditBoundary: () => void
  onSaveBoundary: () => void
  onCancelBoundary: () => void
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="site-card__figure" data-figure={testId}>
      <div className="site-card__value">{value}</div>
      <div className="site-card__label">{label}</div>
    </div>
  )
}

export function SiteCard(props: Props) {
  const { card, districtName, picked, onTogglePick, onClose, onSelect } = props
  const { t, i18n } = useTranslation('map')
  const lang = i18n.language as Language
  const ref: SiteRef = { kind: card.kind, id: card.site.id }
  const detailsPath = { building: '/buildings/', parcel: '/parcels/', park: '/parks/' }[card.kind] + card.site.id

  return (
    <section className="site-card" aria-label={card.site.name} data-card={`${card.kind}:${card.site.id}`} data-map-overlay="right">
      {card.site.photoId && <img className="site-card__photo" src={photoUrl(card.site.photoId)} alt={card.site.name} data-photo-id={card.site.photoId} />}
      <header className="site-card__head">
        <div>
          <h2>{card.kind === 'parcel' ? `${card.site.code} ${card.site.name}` : card.site.name}</h2>
          <div className="site-card__sub">
            {districtName(card.site.districtCode)}
            {card.kind === 'building' && card.site.grade && ` · ${t(`vocab.grade.${card.site.grade}`)}`}
            {card.kind === 'building' && ` · ${t(`vocab.buildingKind.${card.site.kind}`)}`}
            {card.kind === 'park' && ` · ${t(`vocab.parkStatus.${card.site.status}`)}`}
            {card.kind === 'parcel' && ` · ${t(`vocab.parcelStatus.${card.site.status}`)}`} <DemoBadge show={card.site.isDemo} />
          </div>
        </div>
        <button type="button" className="icon-button" aria-label={t('card.close')} onClick={onClose}>×</button>
      </header>

      {card.kind === 'building' && (
        <>
          <div className="site-card__vacancy" style={{ borderColor: vacancyClass(card.site.vacancyRate).color }}>
            <Figure label={t('card.vacancyRate')} value={formatRate(card.site.vacancyRate)} testId="vacancyRate" />
            <Figure label={t('card.vacant')} value={formatArea(card.site.vacantArea, lang)} testId="vacantArea" />
            <Figure label={t('card.leasable')} value={formatArea(card.site.leasableArea, lang)} testId="leasableArea" />
          </div>
          <dl className="site-card__facts">
            <dt>{t('card.largestBlock')}</dt><dd>{formatArea(card.site.largestVacantBlock, lang)}</dd>
            <dt>{t('card.rent')}</dt><dd>{formatRentRange(card.site.rentMin, card.site.rentMax, lang)}</dd>
            <dt>{t('card.tenants')}</dt><dd>{formatCount(card.site.tenantCount)}</dd>
            {card.parks.length > 0 && (
              <>
                <dt>{t('card.parks')}</dt>
                <dd>
                  {card.parks.map((p) => (
                    <button key={p.id} type="button" className="link-button" onClick={() => onSelect({ kind: 'park', id: p.id })}>{p.name}</button>
                  ))}
                </dd>
              </>
            )}
          </dl>
          {card.site.lng == null && <p className="site-card__note">{t('card.noPosition')}</p>}
        </>
      )}

      {card.kind === 'parcel' && (
        <>
          <div className="site-card__vacancy" style={{ borderColor: landUseColor(card.site.landUse).stroke }}>
            <Figure label={props.editingBoundary ? t('card.drawnArea') : t('card.area')} value={formatMu(props.editingBoundary?.area ?? card.site.area, lang)} testId="areaMu" />
            <Figure label={t('common:figures.areaInM2')} value={formatArea(props.editingBoundary?.area ?? card.site.area, lang)} testId="areaM2" />
          </div>
          <dl className="site-card__facts">
            <dt>{t('card.landUse')}</dt><dd>{t(`vocab.landUse.${card.site.landUse}`)}</dd>
            <dt>{t('card.status')}</dt><dd>{t(`vocab.parcelStatus.${card.site.status}`)}</dd>
            <dt>{t('card.price')}</dt>
            <dd>{card.site.referencePrice == null ? '—' : `${formatCount(card.site.referencePrice / 10_000)} ${t('units.wanYuanPerMu')}`}</dd>
          </dl>
        </>
      )}

      {card.kind === 'park' && (
        <dl className="site-card__facts">
          <dt>{t('card.theme')}</dt><dd>{card.site.theme}</dd>
          <dt>{t('card.totalArea')}</dt><dd>{formatArea(card.site.totalArea, lang)}</dd>
          <dt>{t('card.hosts')}</dt>
          <dd>
            {card.hosts.map((b) => (
              <button key={b.id} type="button" className="link-button" onClick={() => onSelect({ kind: 'building', id: b.id })}>{b.name}</button>
            ))}
          </dd>
        </dl>
      )}

      {card.kind !== 'park' && (
        <p className="site-card__freshness" data-freshness>
          <FreshnessTag check={card.site.check} />
        </p>
      )}
      <PlaceLines place={props.place} />

      <div className="site-card__actions">
        <Link to={detailsPath}>{t('card.details')}</Link>
        <button type="button" aria-pressed={picked} onClick={() => onTogglePick(ref)}>{picked ? t('card.unpick') : t('card.pick')}</button>
        {card.kind === 'building' &&
          (card.site.lng == null ? (
            <button type="button" aria-pressed={props.moving} onClick={props.onPlace}>{t('card.place')}</button>
          ) : (
            <button type="button" aria-pressed={props.moving} onClick={props.onToggleMove}>{props.moving ? t('card.moveDone') : t('card.move')}</button>
          ))}
        {card.kind === 'parcel' &&
          (props.editingBoundary ? (
            <>
              <button type="button" className="primary" onClick={props.onSaveBoundary}>{t('card.saveBoundary')}</button>
              <button type="button" onClick={props.onCancelBoundary}>{t('actions.cancel')}</button>
            </>
          ) : (
            <button type="button" onClick={props.onEditBoundary}>{card.site.boundary ? t('card.editBoundary') : t('card.drawBoundary')}</button>
          ))}
      </div>
    </section>
  )
}


function PlaceLines({ place }: { place: SitePlace }) {
  const { t, i18n } = useTranslation('map')
  const lang = i18n.language as Language
  const { address, nearBuilding, cluster } = place
  if (!address && !nearBuilding && !cluster) return null
  return (
    <div className="site-card__place" data-place>
      {address && <p className="site-card__address" data-place-address>{t('card.address')}：{address}</p>}
      {nearBuilding && <p className="site-card__address" data-place-near>{t('card.nearBuilding', { name: nearBuilding.name, distance: formatDistance(nearBuilding.metres, lang) })}</p>}
      {cluster && (
        <p className="site-card__address" data-place-cluster={cluster.cluster.id}>
          {cluster.member
            ? t('card.inCluster', { name: cluster.cluster.name })
            : t('card.nearCluster', { name: cluster.cluster.name, distance: formatDistance(cluster.metres, lang) })}
        </p>
      )}
    </div>
  )
}
