import { useTranslation } from 'react-i18next'
import { PhotosSection } from '../photos/PhotosSection'
import { SiteHistory } from '../history/SiteHistory'
import { SiteVisits } from '../visits/SiteVisits'
import { useNavigate, useParams } from 'react-router'
import type { Parcel } from '../../../../shared/types'
import { DemoBadge, ErrorMessage, Facts, Loading, PageHeader } from '../../components/Page'
import type { Language } from '../../i18n'
import { formatArea, formatMoney, formatMu, formatRate } from '../../lib/format'
import { vertexCount } from './boundaryText'
import { DeleteControl } from './DeleteControl'
import { plotRatioText } from './display'
import { LandUseSwatch } from './LandUseSwatch'
import { useDeleteParcel, useRestoreParcel } from './mutations'
import { useParcel } from './queries'
import { VerifyBar } from '../recheck/Freshness'

export function ParcelDetailScreen() {
  const { id = '' } = useParams()
  const { t } = useTranslation('parcels')
  const navigate = useNavigate()
  const parcel = useParcel(id)
  const remove = useDeleteParcel()
  const restore = useRestoreParcel()
  if (parcel.isPending) return <Loading />
  if (parcel.error) return <ErrorMessage error={parcel.error} onRetry={() => void parcel.refetch()} />
  const p = parcel.data
  return (
    <div className="detail">
      <PageHeader
        title={<>{p.name} <DemoBadge show={p.isDemo} /></>}
        subtitle={`${p.code} · ${p.districtName}`}
        actions={
          p.deletedAt ? undefined : (
            <>
              <button type="button" onClick={() => void navigate(`/parcels/${p.id}/edit`)}>{t('common:actions.edit')}</button>
              <DeleteControl
                name={p.name}
                remove={() => remove.mutateAsync({ id: p.id })}
                restore={() => restore.mutateAsync({ id: p.id })}
                afterDelete="/parcels"
                afterRestore={`/parcels/${p.id}`}
              />
            </>
          )
        }
      />
      {p.deletedAt && <div className="error-box">{t('detail.deleted')}</div>}
      {!p.deletedAt && <VerifyBar kind="parcel" id={p.id} verifiedAt={p.verifiedAt} createdAt={p.createdAt} check={p.check} />}
      <ParcelFacts parcel={p} />
    </div>
  )
}

function ParcelFacts({ parcel: p }: { parcel: Parcel }) {
  const { t, i18n } = useTranslation('parcels')
  const lang = i18n.language as Language
  const none = t('common:none')
  const percent = (v: number | null) => (v == null ? none : formatRate(v))
  return (
    <>
      <section className="panel">
        <h2>{t('detail.facts')}</h2>
        <Facts
          items={[
            [t('fields.landUse'), <LandUseSwatch key="use" use={p.landUse} />],
            [t('detail.area'), p.area == null ? none : t('detail.areaBoth', { mu: formatMu(p.area, lang), m2: formatArea(p.area, lang) })],
            [t('fields.districtCode'), p.districtName],
            [t('fields.address'), p.address ?? none],
            [t('detail.coordinates'), p.lng == null || p.lat == null ? none : `${p.lng.toFixed(6)}, ${p.lat.toFixed(6)}`],
            [t('detail.boundary'), p.boundary ? t('detail.boundaryPoints', { count: vertexCount(p.boundary) }) : t('detail.noBoundary')],
          ]}
        />
      </section>
      <section className="panel">
        <h2>{t('detail.planning')}</h2>
        <Facts
          items={[
            [t('detail.plotRatio'), plotRatioText(p.plotRatioMin, p.plotRatioMax)],
            [t('fields.buildingDensity'), percent(p.buildingDensity)],
            [t('fields.greenRatio'), percent(p.greenRatio)],
            [t('fields.heightLimit'), p.heightLimit == null ? none : t('detail.heightLimit', { value: p.heightLimit })],
          ]}
        />
      </section>
      <section className="panel">
        <h2>{t('detail.land')}</h2>
        <Facts
          items={[
            [t('fields.status'), t(`common:vocab.parcelStatus.${p.status}`)],
            [t('fields.readiness'), p.readiness ? t(`common:vocab.readiness.${p.readiness}`) : none],
            [t('fields.utilities'), p.utilities ?? none],
            [t('fields.referencePrice'), p.referencePrice == null ? none : `${formatMoney(p.referencePrice, lang)}/${t('common:units.mu')}`],
            [t('fields.targetIndustry'), p.targetIndustry ?? none],
          ]}
        />
      </section>
      <section className="panel">
        <h2>{t('detail.contact')}</h2>
        <Facts
          items={[
            [t('fields.contactName'), p.contactName ?? none],
            [t('fields.contactPhone'), p.contactPhone ?? none],
          ]}
        />
        {p.notes && <p className="notes">{p.notes}</p>}
      </section>
      <PhotosSection ownerKind="parcel" ownerId={p.id} site={{ kind: 'parcel', id: p.id, lng: p.lng, lat: p.lat }} />
      <SiteVisits kind="parcel" id={p.id} name={p.name} />
      <SiteHistory filter={{ site: { kind: 'parcel', id: p.id } }} />
    </>
  )
}
