import { useDeferredValue } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { BuildingFilterBar, filtersFromParams, FILTER_KEYS, type FilterKey } from './BuildingFilters'
import { BuildingTable } from './BuildingTable'
import { useBuildings } from './queries'

export function BuildingListScreen() {
  const { t } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  // Typing in the search box updates the URL at once; the query follows a beat later.
  const deferredQ = useDeferredValue(params.get('q') ?? '')
  const filters = filtersFromParams(params)
  if (deferredQ.trim()) filters.q = deferredQ.trim().slice(0, 100)
  else delete filters.q
  const buildings = useBuildings(filters)
  const filtered = FILTER_KEYS.some((k) => params.get(k))

  const setFilter = (key: FilterKey, value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    // A cluster belongs to one district: changing the district drops a cluster from elsewhere.
    if (key === 'districtCode') next.delete('clusterId')
    setParams(next, { replace: true })
  }

  const add = (
    <Link className="button primary" to="/buildings/new">
      {t('list.add')}
    </Link>
  )
  return (
    <div className="buildings-list">
      <PageHeader
        title={t('list.title')}
        subtitle={buildings.data ? t('list.count', { count: buildings.data.length }) : undefined}
        actions={
          <button type="button" className="primary" onClick={() => void navigate('/buildings/new')}>
            {t('list.add')}
          </button>
        }
      />
      <BuildingFilterBar params={params} onChange={setFilter} />
      {buildings.isPending ? (
        <Loading />
      ) : buildings.error ? (
        <ErrorMessage error={buildings.error} onRetry={() => void buildings.refetch()} />
      ) : buildings.data.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t('list.noMatchTitle')}
            action={
              <button type="button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                {t('list.clearFilters')}
              </button>
            }
          />
        ) : (
          <EmptyState title={t('list.emptyTitle')} body={t('list.emptyBody')} action={add} />
        )
      ) : (
        <BuildingTable buildings={buildings.data} />
      )}
    </div>
  )
}
