import { useTranslation } from 'react-i18next'
import { PhotosSection } from '../photos/PhotosSection'
import { SiteHistory } from '../history/SiteHistory'
import { SiteVisits } from '../visits/SiteVisits'
import { Link, useNavigate, useParams } from 'react-router'
import type { Park } from '../../../../shared/types'
import { DemoBadge, ErrorMessage, Facts, Loading, PageHeader } from '../../components/Page'
import type { Language } from '../../i18n'
import { formatArea, formatMoney } from '../../lib/format'
import { formatLandArea } from '../../lib/landArea'
import { DeleteControl } from '../parcels/DeleteControl'
import { useDeletePark, useRestorePark } from './mutations'
import { usePark } from './queries'

export function ParkDetailScreen() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation('parks')
  const lang = i18n.language as Language
  const navigate = useNavigate()
  const park = usePark(id)
  const remove = useDeletePark()
  const restore = useRestorePark()
  if (park.isPending) return <Loading />
  if (park.error) return <ErrorMessage error={park.error} onRetry={() => void park.refetch()} />
  const p = park.data
  const none = t('common:none')
  return (
    <div className="detail">
      <PageHeader
        title={<>{p.name} <DemoBadge show={p.isDemo} /></>}
        subtitle={`${p.theme} · ${p.districtName}`}
        actions={
          p.deletedAt ? undefined : (
            <>
              <button type="button" onClick={() => void navigate(`/parks/${p.id}/edit`)}>{t('common:actions.edit')}</button>
              <DeleteControl
                name={p.name}
                remove={() => remove.mutateAsync({ id: p.id })}
                restore={() => restore.mutateAsync({ id: p.id })}
                afterDelete="/parks"
                afterRestore={`/parks/${p.id}`}
              />
            </>
          )
        }
      />
      {p.deletedAt && <div className="error-box">{t('detail.deleted')}</div>}
      <section className="panel">
        <h2>{t('detail.facts')}</h2>
        <Facts
          items={[
            [t('fields.theme'), p.theme],
            [t('fields.status'), t(`common:vocab.parkStatus.${p.status}`)],
            [t('fields.plannedInvestment'), formatMoney(p.plannedInvestment, lang)],
            [t('fields.totalArea'), formatArea(p.totalArea, lang)],
            [t('fields.landArea'), formatLandArea(p.landArea, lang)],
            [t('fields.operator'), p.operator ?? none],
            [t('fields.contactName'), p.contactName ?? none],
            [t('fields.contactPhone'), p.contactPhone ?? none],
          ]}
        />
        {p.description && <p className="notes">{p.description}</p>}
      </section>
      <SubParks park={p} lang={lang} />
      <Hosts park={p} lang={lang} />
      <PhotosSection ownerKind="park" ownerId={p.id} />
      <SiteVisits kind="park" id={p.id} name={p.name} />
      <SiteHistory filter={{ site: { kind: 'park', id: p.id } }} />
    </div>
  )
}

function SubParks({ park, lang }: { park: Park; lang: Language }) {
  const { t } = useTranslation('parks')
  return (
    <section className="panel">
      <h2>{t('detail.subParks')}</h2>
      {park.subParks.length === 0 ? <p className="muted">{t('detail.noSubParks')}</p> : (
        <table className="table">
          <thead>
            <tr><th>{t('subPark.name')}</th><th>{t('subPark.theme')}</th><th className="num">{t('subPark.area')}</th><th>{t('subPark.status')}</th></tr>
          </thead>
          <tbody>
            {park.subParks.map((s) => (
              <tr key={s.id}><td>{s.name}</td><td>{s.theme ?? '—'}</td><td className="num">{formatArea(s.area, lang)}</td><td>{t(`common:vocab.parkStatus.${s.status ?? park.status}`)}{s.status === null && <span className="muted">{t('subPark.asParkNote')}</span>}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function Hosts({ park, lang }: { park: Park; lang: Language }) {
  const { t } = useTranslation('parks')
  return (
    <section className="panel">
      <h2>{t('detail.hosts')}</h2>
      {park.hosts.length === 0 ? <p className="muted">{t('detail.noHosts')}</p> : (
        <table className="table">
          <thead>
            <tr><th>{t('host.buildingId')}</th><th>{t('detail.floors')}</th><th className="num">{t('host.area')}</th></tr>
          </thead>
          <tbody>
            {park.hosts.map((h) => (
              <tr key={h.id}>
                <td><Link to={`/buildings/${h.buildingId}`}>{h.buildingName}</Link></td>
                <td>{h.floors ?? '—'}</td>
                <td className="num">{formatArea(h.area, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
