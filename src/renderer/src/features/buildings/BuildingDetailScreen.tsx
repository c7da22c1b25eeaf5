import { useState } from 'react'
import { PhotosSection } from '../photos/PhotosSection'
import { SiteVisits } from '../visits/SiteVisits'
import { AsOfCard } from '../tenancy/AsOfCard'
import { VerifyBar } from '../recheck/Freshness'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { BuildingDetail } from '../../../../shared/types'
import { DemoBadge, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { BuildingFacts, BuildingTiles } from './BuildingFigures'
import { ChangeHistory } from './ChangeHistory'
import { ConfirmDialog } from './FormBits'
import { LeasesSection } from './LeasesSection'
import { useDeleteBuilding, useRestoreBuilding } from './mutations'
import { useBuilding } from './queries'
import { SpacesViews } from './stacking/SpacesViews'

export function BuildingDetailScreen() {
  const { id = '' } = useParams()
  const detail = useBuilding(id)
  if (detail.isPending) return <Loading />
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />
  return <BuildingDetailView detail={detail.data} />
}

function BuildingDetailView({ detail }: { detail: BuildingDetail }) {
  const { t } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const navigate = useNavigate()
  const toast = useToast()
  const remove = useDeleteBuilding()
  const restore = useRestoreBuilding()
  const [confirming, setConfirming] = useState(false)
  const { building: b, spaces, leases, parks } = detail

  const confirmDelete = () =>
    remove.mutate(
      { id: b.id },
      {
        onSuccess: () => {
          setConfirming(false)
          toast(t('state.deleted', { name: b.name }), () =>
            void restore
              .mutateAsync({ id: b.id })
              .then(() => navigate(`/buildings/${b.id}`))
              .catch((e: Error) => toast(e.message)),
          )
          void navigate('/buildings')
        },
        onError: (e) => {
          setConfirming(false)
          toast(e.message)
        },
      },
    )

  const subtitle = [b.districtName, b.clusterName, b.address].filter(Boolean).join(' · ')
  return (
    <div className="building-detail">
      <PageHeader
        title={
          <>
            {b.name} <DemoBadge show={b.isDemo} />
          </>
        }
        subtitle={subtitle}
        actions={
          <>
            <Link className="button" to={`/buildings/${b.id}/edit`}>
              {t('actions.edit')}
            </Link>
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('actions.delete')}
            </button>
          </>
        }
      />
      <VerifyBar kind="building" id={b.id} verifiedAt={b.verifiedAt} createdAt={b.createdAt} check={b.check} />
      <BuildingTiles b={b} />
      {/* The floors first: staff walking a tower work here; the rest is read less often. */}
      <SpacesViews detail={detail} />
      <LeasesSection buildingId={b.id} leases={leases} spaces={spaces} />
      <AsOfCard scope="building" id={b.id} />
      <h2>{t('detail.facts')}</h2>
      <BuildingFacts b={b} />
      <PhotosSection ownerKind="building" ownerId={b.id} site={{ kind: 'building', id: b.id, lng: b.lng, lat: b.lat }} />
      <SiteVisits kind="building" id={b.id} name={b.name} />
      <section className="building-parks">
        <h2>{t('detail.parks')}</h2>
        {parks.length === 0 ? (
          <p className="muted">{t('detail.noParks')}</p>
        ) : (
          <ul className="link-list">
            {parks.map((p) => (
              <li key={p.id}>
                <Link to={`/parks/${p.id}`}>{p.name}</Link>
                {p.floors && <span className="muted"> · {t('detail.parkFloors', { floors: p.floors })}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ChangeHistory rowId={b.id} site="building" />
      {confirming && (
        <ConfirmDialog
          title={t('detail.deleteTitle')}
          message={t('actions.confirmDelete', { name: b.name })}
          confirmLabel={t('actions.delete')}
          pending={remove.isPending}
          onConfirm={confirmDelete}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  )
}
