import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { RollupRow, StatsScope } from '../../../../../shared/stats'
import { type RollupLevel, STATS_GROUPINGS } from '../../../../../shared/stats'
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
import { rollupNamer, rollupRowName } from '../buildings/rowNames'
import '../buildings/stats-buildings.css'
import { FOLLOW_MAP_PARAM, type FollowMap, useFollowMap } from '../followMap'
import { FollowMapToggle } from '../FollowMapToggle'
import './overviewI18n'

// The statistics view's first tab: the store's totals, then the buildings grouped by district,
// cluster, sky park, kind or grade, each group opening onto the next level down to the floors
// (the levels kept in the address, so Back goes up again), optionally over what the map shows.
// The building tiles are the rollup's total over the same scope as the table (tenants with a
// current lease, the map's filter when followed); land, park and cluster counts are the store's.

export function BuildingsTab() {
  const { t: th } = useTranslation('home')
  const stats = useStats()
  const followMap = useFollowMap()
  const scope = followMap.follow ? followMap.scope : undefined
  const scopeTotal = useRollup('district', undefined, scope, { enabled: !followMap.follow || !followMap.pending })
  if (stats.isPending) return <Loading />
  if (stats.error) return <ErrorMessage error={stats.error} onRetry={() => void stats.refetch()} />
  const s = stats.data
  if (s.buildings + s.parcels + s.parks + s.clusters === 0) return <EmptyState title={th('emptyTitle')} body={th('emptyBody')} />
  const pending = scopeTotal.isPending || (followMap.follow && followMap.pending)
  return (
    <div className="stats-buildings">
      <OverviewTiles stats={s} buildings={pending ? undefined : scopeTotal.data?.total} />
      <Rollups followMap={followMap} />
    </div>
  )
}

/** The grouping's name; grouped by sky park, the host buildings count whole (said so). */
const useGroupName = () => {
  const { t } = useTranslation('stats')
  const { t: tb } = useTranslation('statsBuildings')
  return useCallback((level: RollupLevel) => (level === 'park' ? tb('parkGrouping') : t(`groupings.${level}`)), [t, tb])
}

function Rollups({ followMap }: { followMap: FollowMap }) {
  const { t } = useTranslation('stats')
  const { t: tb, i18n } = useTranslation('statsBuildings')
  const lang = i18n.language as Language
  const groupName = useGroupName()
  const [params, setParams] = useSearchParams()
  const drill = parseDrill(params)
  const follow = followMap.follow
  const scope = follow ? followMap.scope : undefined
  const within = withinOf(drill.steps)
  const rollup = useRollup(drill.by, within, scope, { enabled: !follow || !followMap.pending })

  // Each level opened is a history entry (Back walks up); the map switch is kept as it is.
  const go = useCallback(
    (next: Drill) => setParams([['tab', 'buildings'], ...drillParams(next), ...(follow ? [[FOLLOW_MAP_PARAM, '1'] as [string, string]] : [])]),
    [setParams, follow],
  )
  const open = useCallback((row: RollupRow) => {
    const next = drillInto(drill, row.key)
    if (next) go(next)
  }, [drill, go])

  const rows = rollup.data?.rows
  const nameOf = useMemo(() => rollupNamer(drill.by, rollup.data?.total, t), [drill.by, rollup.data?.total, t])
  const option = useMemo(() => {
    if (!rows || rows.length === 0) return null
    const leased = rows.map((r) => Math.round((r.occupancyRate ?? 0) * r.leasableArea))
    const reserved = rows.map((r, i) => Math.max(0, Math.round(r.leasableArea - r.vacantArea - leased[i]!)))
    return stackedBarWithRate(
      rows.map(nameOf),
      [
        { name: tb('vacant'), data: rows.map((r) => r.vacantArea), kind: 'area', color: '#f0a020' },
        { name: tb('leased'), data: leased, kind: 'area', color: '#3b82c4' },
        ...(reserved.some((v) => v > 0) ? [{ name: tb('reserved'), data: reserved, kind: 'area' as const, color: '#9aa5b1' }] : []),
      ],
      { name: t('figures.vacancyRate'), data: rows.map((r) => r.vacancyRate), kind: 'rate', color: '#d64545' },
      lang,
    )
  }, [rows, nameOf, t, tb, lang])
  const group = groupName(drill.by)
  const columns = useMemo(() => rollupColumns(drill.by, lang, t, tb, { group, name: nameOf }), [drill.by, lang, t, tb, group, nameOf])
  const canOpen = drill.by !== 'floor'
  // The picture's name says what it shows: 楼宇统计-沈河区-按聚集区.
  const openedName = useStepName(drill.steps, scope)
  const fileName = [tb('fileName'), openedName, tb('chartTitle', { group })].filter(Boolean).join('-')
  const hint = rows && rows.length > 0 && canOpen ? tb('drillHint') : null
  const parkNote = drill.root === 'park' ? tb('parkNote') : null

  return (
    <>
      <div className="stats-buildings__bar">
        <label className="stats-buildings__grouping">
          {tb('grouping')}
          <select value={drill.root} onChange={(e) => go(parseDrill(new URLSearchParams({ by: e.target.value })))}>
            {STATS_GROUPINGS.map((g) => <option key={g} value={g}>{groupName(g)}</option>)}
          </select>
        </label>
        <FollowMapToggle followMap={followMap} badge={false} />
        <ScopeLine followMap={followMap} />
      </div>
      <Breadcrumb drill={drill} scope={scope} onGo={go} />
      {rollup.error ? (
        <ErrorMessage error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : !rollup.data || (follow && followMap.pending) ? (
        <Loading />
      ) : (
        <ChartPanel
          title={tb('chartTitle', { group })}
          note={hint || parkNote ? <>{hint}{hint && parkNote ? <br /> : null}{parkNote && <span data-testid="park-grouping-note">{parkNote}</span>}</> : undefined}
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

function ScopeLine({ followMap: mapScope }: { followMap: FollowMap }) {
  const { t } = useTranslation('statsBuildings')
  const followMap = mapScope.follow
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
  const { t: tb } = useTranslation('statsBuildings')
  const groupName = useGroupName()
  if (drill.steps.length === 0) return null
  return (
    <nav className="stats-breadcrumb" aria-label={tb('back')}>
      <button type="button" className="link-button" onClick={() => onGo(drillUp(drill, 0))}>
        {tb('all')}（{groupName(drill.root)}）
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
  return row ? rollupRowName(step.level, row, t) : step.key === null ? t('noneRow.' + step.level) : '…'
}

function CrumbName({ steps, scope }: { steps: DrillStep[]; scope: StatsScope | undefined }) {
  return <>{useStepName(steps, scope)}</>
}
