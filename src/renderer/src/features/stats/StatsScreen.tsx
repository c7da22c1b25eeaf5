import { type ComponentType, lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { Loading, PageHeader } from '../../components/Page'
import { FOLLOW_MAP_PARAM } from './followMap'

// The statistics view: one tab per report. The tab is kept in the address (?tab=), so a drill-down
// or a report can be linked and Back returns to it. Each tab is its own chunk.
const TABS: Array<{ id: string; load: () => Promise<{ default: ComponentType }> }> = [
  { id: 'buildings', load: async () => ({ default: (await import('./tabs/BuildingsTab')).BuildingsTab }) },
  { id: 'land', load: async () => ({ default: (await import('./tabs/LandTab')).LandTab }) },
  { id: 'parks', load: async () => ({ default: (await import('./tabs/ParksTab')).ParksTab }) },
  { id: 'rankings', load: async () => ({ default: (await import('./tabs/RankingsTab')).RankingsTab }) },
  { id: 'trends', load: async () => ({ default: (await import('./tabs/TrendsTab')).TrendsTab }) },
  { id: 'targets', load: async () => ({ default: (await import('./tabs/TargetsTab')).TargetsTab }) },
]
const SCREENS = new Map(TABS.map((tab) => [tab.id, lazy(tab.load)]))

export function StatsScreen() {
  const { t } = useTranslation('stats')
  const [params, setParams] = useSearchParams()
  const current = SCREENS.has(params.get('tab') ?? '') ? params.get('tab')! : 'buildings'
  const Tab = SCREENS.get(current)!
  return (
    <div className="stats">
      <PageHeader title={t('title')} />
      <div className="tabs" role="tablist" aria-label={t('title')}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab.id === current}
            className={tab.id === current ? 'tab tab--active' : 'tab'}
            onClick={() => setParams(params.get(FOLLOW_MAP_PARAM) ? { tab: tab.id, [FOLLOW_MAP_PARAM]: '1' } : { tab: tab.id })}
          >
            {t(`tabs.${tab.id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="stats__panel">
        <Suspense fallback={<Loading />}>
          <Tab />
        </Suspense>
      </div>
    </div>
  )
}
