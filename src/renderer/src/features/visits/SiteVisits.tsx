import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { SiteRef } from '../../../../shared/mapSites'
import { ErrorMessage, Loading } from '../../components/Page'
import { useSiteVisits } from './queries'

/** On a building's, parcel's or park's page: the visits where it was shown, newest first. */
export function SiteVisits({ kind, id, name }: SiteRef & { name: string }) {
  const { t } = useTranslation('visits')
  const visits = useSiteVisits({ kind, id })
  const record = `/visits/new?${new URLSearchParams({ site: `${kind}:${id}`, name })}`
  return (
    <section className="panel site-visits" aria-labelledby={`site-visits-${id}`}>
      <div className="section-header">
        <h2 id={`site-visits-${id}`}>{t('site.title')}</h2>
        <Link className="button" to={record}>{t('site.record')}</Link>
      </div>
      {visits.isPending ? (
        <Loading />
      ) : visits.error ? (
        <ErrorMessage error={visits.error} onRetry={() => void visits.refetch()} />
      ) : visits.data.length === 0 ? (
        <p className="muted">{t('site.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr><th className="nowrap">{t('columns.date')}</th><th>{t('columns.company')}</th><th>{t('columns.staff')}</th></tr>
          </thead>
          <tbody>
            {visits.data.map((v) => (
              <tr key={v.id} data-testid="site-visit-row">
                <td className="nowrap">{v.date}</td>
                <td><Link to={`/visits/${v.id}`}>{v.company}</Link></td>
                <td>{v.staff ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
