import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorMessage, Loading } from '../../components/Page'
import { ChangeList } from './ChangeList'
import { type ChangeFilter, useChangePages } from './queries'
import './history.css'

/**
 * The history on a site's page: the site and its children (a building's spaces and leases, a
 * park's sub-parks and hosts). Collapsed and fetched only when opened: consulted now and then,
 * not on every visit.
 */
export function SiteHistory({ filter }: { filter: ChangeFilter }) {
  const { t } = useTranslation('history')
  const [open, setOpen] = useState(false)
  const pages = useChangePages(filter, open)
  const entries = pages.data?.pages.flat() ?? []
  return (
    <details className="change-history" data-testid="site-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('site.title')}</summary>
      {!open ? null : pages.isPending ? (
        <Loading />
      ) : pages.error ? (
        <ErrorMessage error={pages.error} onRetry={() => void pages.refetch()} />
      ) : entries.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <>
          <ChangeList entries={entries} />
          <div className="history__more">
            {pages.hasNextPage && (
              <button type="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
                {pages.isFetchingNextPage ? t('loadingMore') : t('more')}
              </button>
            )}{' '}
            <Link to="/history">{t('site.all')}</Link>
          </div>
        </>
      )}
    </details>
  )
}
