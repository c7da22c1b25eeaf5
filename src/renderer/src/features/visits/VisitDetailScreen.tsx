import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { Visit } from '../../../../shared/visits'
import { DemoBadge, ErrorMessage, Facts, Loading, PageHeader } from '../../components/Page'
import { DeleteControl } from '../parcels/DeleteControl'
import { FollowUp } from './FollowUp'
import { useDeleteVisit, useRestoreVisit } from './mutations'
import { useVisit } from './queries'
import { sheetHref } from './sheetLink'
import { siteRoute } from './siteRoutes'

export function VisitDetailScreen() {
  const { id = '' } = useParams()
  const { t } = useTranslation('visits')
  const navigate = useNavigate()
  const visit = useVisit(id)
  const remove = useDeleteVisit()
  const restore = useRestoreVisit()
  if (visit.isPending) return <Loading />
  if (visit.error) return <ErrorMessage error={visit.error} onRetry={() => void visit.refetch()} />
  const v = visit.data
  const none = t('common:none')
  const title = `${v.company} · ${v.date}`
  return (
    <div className="detail">
      <PageHeader
        title={<>{v.company} <DemoBadge show={v.isDemo} /></>}
        subtitle={[v.date, v.staff].filter(Boolean).join(' · ')}
        actions={
          v.deletedAt ? undefined : (
            <>
              <button type="button" onClick={() => void navigate(`/visits/${v.id}/edit`)}>{t('common:actions.edit')}</button>
              <DeleteControl
                name={title}
                remove={() => remove.mutateAsync({ id: v.id })}
                restore={() => restore.mutateAsync({ id: v.id })}
                afterDelete="/visits"
                afterRestore={`/visits/${v.id}`}
              />
            </>
          )
        }
      />
      {v.deletedAt && <div className="error-box">{t('detail.deleted')}</div>}
      <SheetLink visit={v} />
      <section className="panel">
        <h2>{t('detail.facts')}</h2>
        <Facts
          items={[
            [t('fields.date'), v.date],
            [t('fields.staff'), v.staff ?? none],
            [t('fields.contactName'), v.contactName ?? none],
            [t('fields.contactPhone'), v.contactPhone ?? none],
            [t('fields.followUpDate'), <FollowUp key="f" date={v.followUpDate} />],
          ]}
        />
      </section>
      <section className="panel">
        <h2>{t('detail.sites', { count: v.sites.length })}</h2>
        {v.sites.length === 0 ? (
          <p className="muted">{t('detail.noSites')}</p>
        ) : (
          <ol className="visit-sites" data-testid="visit-sites">
            {v.sites.map((s) => (
              <li key={`${s.kind}-${s.id}`}>
                <span className="badge">{t(`kinds.${s.kind}`)}</span>{' '}
                {s.deleted ? <span className="muted">{s.name} {t('detail.siteDeleted')}</span> : <Link to={siteRoute(s)}>{s.name}</Link>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="panel">
        <h2>{t('detail.notes')}</h2>
        {v.notes ? <p className="notes">{v.notes}</p> : <p className="muted">{t('detail.noNotes')}</p>}
      </section>
    </div>
  )
}

/** The visit's inventory sheet, one click away: the live sites shown, in the order shown. */
function SheetLink({ visit }: { visit: Visit }) {
  const { t } = useTranslation('visits')
  const live = visit.sites.filter((s) => !s.deleted).map((s) => ({ kind: s.kind, id: s.id }))
  if (live.length === 0) return null
  return (
    <div className="visit-sheet">
      <a className="button primary visit-sheet__link" href={sheetHref({ kind: 'ids', sites: live })}>
        {t('detail.sheet')}
      </a>
      <span className="muted">{t('detail.sheetHint', { count: live.length })}</span>
    </div>
  )
}
