import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { RollupRow, StatsScope } from '../../../../../shared/stats'
import { STATS_GROUPINGS } from '../../../../../shared/stats'
import { ChartPanel } from '../../../components/charts/ChartPanel'
import { stackedBarWithRate } from '../../../components/charts/options'
import { EmptyState, ErrorMessage, Loading } from '../../../components/Page'
import type { Language } from '../../../i18n'
import { useStats } from '../../meta/queries'
import { rollupColumns } from '../buildings/columns'
import { type Drill, type DrillStep, drillInto, drillParams, drillUp, parseDrill, withinOf } from '../buildings/drill'
import '../buildings/i18n'
import { OverviewTiles } from '../buildings/OverviewTiles'
import { useRollup } from '../buildings/queries'
import '../buildings/stats-buildings.css'
import { type MapScope, useMapScope } from '../buildings/useMapScope'
import './overviewI18n'

// The statistics view's first tab: the store's totals, then the buildings grouped by district,
// cluster, sky park, kind or grade, each group opening onto the next level down to the floors
// (the levels kept in the address, so Back goes up again), optionally over what the map shows.

export function BuildingsTab() {
  const { t: th } = useTranslation('home')
  const stats = useStats()
  if (stats.isPending) return <Loading />
  if (stats.error) return <ErrorMessage error={stats.error} onRetry={() => void stats.refetch()} />
  const s = stats.data
  if (s.buildings + s.parcels + s.parks + s.clusters === 0) return <EmptyState title={th('emptyTitle')} body={th('emptyBody')} />
  return (
    <div className="stats-buildings">
      <OverviewTiles stats={s} />
      <Rollups />
    </div>
  )
}

function Rollups() {
  const { t } = useTranslation('stats')
  const { t: tb, i18n } = useTranslation('statsBuildings')
  const lang = i18n.language as Language
  const [params, setParams] = useSearchParams()
  const drill = parseDrill(params)
  const followMap = params.get('map') === '1'
  const mapScope = useMapScope(followMap)
  const scope = followMap ? mapScope.scope : undefined
  const within = withinOf(drill.steps)
  const rollup = useRollup(drill.by, within, scope, { enabled: !followMap || !mapScope.pending })

  const go = useCallback(
    (next: Drill, map = followMap) => setParams([['tab', 'buildings'], ...drillParams(next), ...(map ? [['map', '1'] as [string, string]] : [])]),
    [setParams, followMap],
  )
  const open = useCallback((row: RollupRow) => {
    const next = drillInto(drill, row.key)
    if (next) go(next)
  }, [drill, go])

  const rows = rollup.data?.rows
  const option = useMemo(() => {
    if (!rows || rows.length === 0) return null
    const leased = rows.map((r) => Math.round((r.occupancyRate ?? 0) * r.leasableArea))
    const reserved = rows.map((r, i) => Math.max(0, Math.round(r.leasableArea - r.vacantArea - leased[i]!)))
    return stackedBarWithRate(
      rows.map((r) => r.name || t('none')),
      [
        { name: tb('vacant'), data: rows.map((r) => r.vacantArea), kind: 'area', color: '#f0a020' },
        { name: tb('leased'), data: leased, kind: 'area', color: '#3b82c4' },
        ...(reserved.some((v) => v > 0) ? [{ name: tb('reserved'), data: reserved, kind: 'area' as const, color: '#9aa5b1' }] : []),
      ],
      { name: t('figures.vacancyRate'), data: rows.map((r) => r.vacancyRate), kind: 'rate', color: '#d64545' },
      lang,
    )
  }, [rows, t, tb, lang])
  const columns = useMemo(() => rollupColumns(drill.by, lang, t, tb), [drill.by, lang, t, tb])
  const group = t(`groupings.${drill.by}`)
  const canOpen = drill.by !== 'floor'
  // The picture's name says what it shows: 楼宇统计-沈河区-按聚集区.
  const openedName = useStepName(drill.steps, scope)
  const fileName = ['楼宇统计', openedName, tb('chartTitle', { group })].filter(Boolean).join('-')

  return (
    <>
      <div className="stats-buildings__bar">
        <label className="stats-buildings__grouping">
          {tb('grouping')}
          <select value={drill.root} onChange={(e) => go(parseDrill(new URLSearchParams({ by: e.target.value })))}>
            {STATS_GROUPINGS.map((g) => <option key={g} value={g}>{t(`groupings.${g}`)}</option>)}
          </select>
        </label>
        <label className="stats-buildings__follow">
          <input type="checkbox" checked={followMap} onChange={(e) => go(drill, e.target.checked)} />
          {t('followMap')}
        </label>
        <ScopeLine followMap={followMap} mapScope={mapScope} />
      </div>
      <Breadcrumb drill={drill} scope={scope} onGo={go} />
      {mapScope.error ? <ErrorMessage error={mapScope.error} /> : null}
      {rollup.error ? (
        <ErrorMessage error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : !rollup.data || (followMap && mapScope.pending) ? (
        <Loading />
      ) : (
        <ChartPanel
          title={tb('chartTitle', { group })}
          note={rows && rows.length > 0 && canOpen ? tb('drillHint') : undefined}
          option={option}
          rows={rollup.data.rows}
          columns={columns}
          total={rollup.data.total}
          fileName={fileName}
          rowKey={(row) => row.key ?? '~'}
          onRowClick={canOpen ? open : undefined}
          chartHeight={300}
        />
      )}
      {rollup.data && rollup.data.rows.length === 0 ? <p className="muted">{tb('noRows')}</p> : null}
    </>
  )
}

function ScopeLine({ followMap, mapScope }: { followMap: boolean; mapScope: MapScope }) {
  const { t } = useTranslation('statsBuildings')
  let text: string
  if (!followMap) text = t('scopeAll')
  else if (mapScope.pending) text = t('readingMap')
  else if (!mapScope.scope) text = t('scopeMapAll')
  else {
    const what = [mapScope.conditions > 0 ? t('conditions', { count: mapScope.conditions }) : null, mapScope.area ? t('area') : null].filter(Boolean).join('、')
    text = t('scopeMap', { what, buildings: mapScope.buildings })
  }
  return <span className="stats-buildings__scope muted" data-stats-scope={followMap ? 'map' : 'all'}>{text}</span>
}

/** 全部楼宇 › 沈河区 › 金廊 › 某大厦: each step goes back up to it. */
function Breadcrumb({ drill, scope, onGo }: { drill: Drill; scope: StatsScope | undefined; onGo: (next: Drill) => void }) {
  const { t } = useTranslation('stats')
  const { t: tb } = useTranslation('statsBuildings')
  if (drill.steps.length === 0) return null
  return (
    <nav className="stats-breadcrumb" aria-label={tb('back')}>
      <button type="button" className="link-button" onClick={() => onGo(drillUp(drill, 0))}>
        {tb('all')}（{t(`groupings.${drill.root}`)}）
      </button>
      {drill.steps.map((step, i) => (
        <span key={`${step.level}:${step.key ?? '~'}`}>
          <span className="stats-breadcrumb__sep" aria-hidden="true">›</span>
          {i === drill.steps.length - 1 ? (
            <b aria-current="location"><CrumbName steps={drill.steps.slice(0, i + 1)} scope={scope} /></b>
          ) : (
            <button type="button" className="link-button" onClick={() => onGo(drillUp(drill, i + 1))}>
              <CrumbName steps={drill.steps.slice(0, i + 1)} scope={scope} />
            </button>
          )}
        </span>
      ))}
    </nav>
  )
}

/** The last opened group's name, from its level's rollup (read on the way down, so usually cached); '' at the top. */
function useStepName(steps: DrillStep[], scope: StatsScope | undefined): string {
  const { t } = useTranslation('stats')
  const step = steps.at(-1)
  const parent = useRollup(step?.level ?? 'district', withinOf(steps.slice(0, -1)), scope, { enabled: step !== undefined })
  if (!step) return ''
  const row = parent.data?.rows.find((r) => r.key === step.key)
  return row ? row.name || t('none') : step.key === null ? t('none') : '…'
}

function CrumbName({ steps, scope }: { steps: DrillStep[]; scope: StatsScope | undefined }) {
  return <>{useStepName(steps, scope)}</>
}
