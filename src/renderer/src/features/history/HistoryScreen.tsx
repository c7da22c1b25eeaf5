import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { HISTORY_TABLES, type HistoryTable } from '../../../../shared/history'
import { DateInput } from '../../components/DateInput'
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { isoDateOf } from '../../lib/dateText'
import { useSettings } from '../meta/queries'
import { useUrlFilters } from '../parcels/useUrlFilters'
import { ChangeList } from './ChangeList'
import { type ChangeFilter, useChangeActors, useChangePages } from './queries'
import { dayRange } from './dayRange'
import './history.css'

const FILTERS = ['actor', 'table', 'from', 'to'] as const

/** The whole change log, by person, kind and date, a page at a time. */
export function HistoryScreen() {
  const { t } = useTranslation('history')
  const filters = useUrlFilters(FILTERS)
  const { actor, table, from, to } = filters.values
  const fromIso = from ? isoDateOf(from) : null
  const toIso = to ? isoDateOf(to) : null
  const badDate = (from !== '' && !fromIso) || (to !== '' && !toIso)
  const filter: ChangeFilter = {
    ...(actor ? { actor } : {}),
    ...((HISTORY_TABLES as readonly string[]).includes(table) ? { table: table as HistoryTable } : {}),
    ...dayRange(fromIso, toIso),
  }
  const pages = useChangePages(filter, !badDate)
  const actors = useChangeActors()
  const entries = pages.data?.pages.flat() ?? []

  return (
    <div className="history">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <NamePrompt />
      <div className="toolbar history-filters">
        <label className="history-filters__item">
          {t('filters.actor')}
          <select name="actor" value={actor} onChange={(e) => filters.set('actor', e.target.value)}>
            <option value="">{t('filters.anyActor')}</option>
            {(actors.data ?? []).map((a) => <option key={a.actor} value={a.actor}>{a.actor}（{a.changes}）</option>)}
          </select>
        </label>
        <label className="history-filters__item">
          {t('filters.kind')}
          <select name="table" value={table} onChange={(e) => filters.set('table', e.target.value)}>
            <option value="">{t('filters.anyKind')}</option>
            {HISTORY_TABLES.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
          </select>
        </label>
        <span className="history-filters__item">
          <label htmlFor="history-from">{t('filters.from')}</label>
          <DateInput id="history-from" name="from" value={from} invalid={from !== '' && !fromIso} onChange={(v) => filters.set('from', v)} />
        </span>
        <span className="history-filters__item">
          <label htmlFor="history-to">{t('filters.to')}</label>
          <DateInput id="history-to" name="to" value={to} invalid={to !== '' && !toIso} onChange={(v) => filters.set('to', v)} />
        </span>
        {filters.active && <button type="button" onClick={filters.clear}>{t('filters.clear')}</button>}
      </div>
      {badDate ? (
        <div className="form-error" role="alert">{t('badDate')}</div>
      ) : pages.isPending ? (
        <Loading />
      ) : pages.error ? (
        <ErrorMessage error={pages.error} onRetry={() => void pages.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={filters.active ? t('noMatch') : t('empty')} />
      ) : (
        <>
          <ChangeList entries={entries} />
          <div className="history__more">
            {pages.hasNextPage ? (
              <button type="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
                {pages.isFetchingNextPage ? t('loadingMore') : t('more')}
              </button>
            ) : (
              <span className="muted">{t('end', { count: entries.length })}</span>
            )}
          </div>
        </>
      )}
    </div>
  )
}

/** A gentle word when no name is set: changes are signed with it from then on. */
export function NamePrompt() {
  const { t } = useTranslation('history')
  const settings = useSettings()
  if (settings.isPending || (settings.data?.['user.name'] ?? '').trim() !== '') return null
  return (
    <div className="notice" role="note" data-testid="name-prompt">
      {t('noName')} <Link to="/settings">{t('setName')}</Link>
    </div>
  )
}
