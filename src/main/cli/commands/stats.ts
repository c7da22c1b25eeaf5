import { formatArea, formatCount, formatMu, formatRate } from '../../../shared/format'
import { RANKINGS, type Ranking, STATS_GROUPINGS, type StatsGrouping, type StatsLand, type StatsRanking, type StatsRollup } from '../../../shared/stats'
import type { InventoryStats } from '../../../shared/types'
import { LATEST_SCHEMA_VERSION } from '../../store/migrations'
import { CliError, type Output } from '../output'
import { openForCommand, servicesFor } from '../store'
import { landJson, landTable, rankingJson, rankingTable, rollupJson, rollupTable } from './statsReports'

export interface StatsOptions {
  json: boolean
  by?: string
  land?: boolean
  top?: string
  limit?: string
}

/** Which report the flags ask for; a wrong or conflicting flag is refused before the file is opened. */
type Report = { kind: 'summary' } | { kind: 'rollup'; by: StatsGrouping } | { kind: 'land' } | { kind: 'top'; by: Ranking; limit?: number }

export function statsReport(o: StatsOptions): Report {
  const chosen = [o.by !== undefined && '--by', o.land && '--land', o.top !== undefined && '--top'].filter(Boolean)
  if (chosen.length > 1) throw new CliError(`参数有误：${chosen.join('、')} 只能选一个 / choose one of ${chosen.join(', ')}`, 2)
  if (o.limit !== undefined && o.top === undefined) throw new CliError('参数有误：--limit 只与 --top 一起用 / --limit goes with --top', 2)
  if (o.by !== undefined) {
    if (!(STATS_GROUPINGS as readonly string[]).includes(o.by)) {
      throw new CliError(`参数有误：--by 应为 ${STATS_GROUPINGS.join('|')}，收到 “${o.by}” / --by must be one of ${STATS_GROUPINGS.join('|')}`, 2)
    }
    return { kind: 'rollup', by: o.by as StatsGrouping }
  }
  if (o.land) return { kind: 'land' }
  if (o.top !== undefined) {
    if (!(RANKINGS as readonly string[]).includes(o.top)) {
      throw new CliError(`参数有误：--top 应为 ${RANKINGS.join('|')}，收到 “${o.top}” / --top must be one of ${RANKINGS.join('|')}`, 2)
    }
    let limit: number | undefined
    if (o.limit !== undefined) {
      limit = Number(o.limit)
      if (!/^\d+$/.test(o.limit) || limit < 1 || limit > 1000) throw new CliError(`参数有误：--limit 应为 1 到 1000 的整数，收到 “${o.limit}” / --limit must be 1..1000`, 2)
    }
    return { kind: 'top', by: o.top as Ranking, ...(limit === undefined ? {} : { limit }) }
  }
  return { kind: 'summary' }
}

export async function statsCommand(file: string, options: StatsOptions, output: Output): Promise<void> {
  const report = statsReport(options)
  const json = options.json
  // Read-only: figures are read, nothing is written, not even an upgrade of an older file.
  const store = await openForCommand(file, { readonly: true })
  if (store.schemaVersion < LATEST_SCHEMA_VERSION) {
    await store.close()
    throw new CliError(`${file} 的数据结构版本为 ${store.schemaVersion}，比本程序的 ${LATEST_SCHEMA_VERSION} 旧：请先用 Site Atlas 打开一次以升级（升级前会自动备份），再读取统计`)
  }
  try {
    const { dispatch } = await servicesFor(store)
    const print = (value: unknown, lines: string[]) => {
      if (json) output.out(JSON.stringify(value))
      else for (const line of lines) output.out(line)
    }
    if (report.kind === 'rollup') {
      const r = await dispatch('stats.rollup', { by: report.by })
      if (!r.ok) throw new CliError(r.error.message)
      const rollup = r.value as StatsRollup
      return print(rollupJson(rollup), rollupTable(rollup))
    }
    if (report.kind === 'land') {
      const r = await dispatch('stats.land', {})
      if (!r.ok) throw new CliError(r.error.message)
      const land = r.value as StatsLand
      return print(landJson(land), landTable(land))
    }
    if (report.kind === 'top') {
      const r = await dispatch('stats.ranking', { by: report.by, ...(report.limit === undefined ? {} : { limit: report.limit }) })
      if (!r.ok) throw new CliError(r.error.message)
      const ranking = r.value as StatsRanking
      return print(rankingJson(ranking), rankingTable(ranking))
    }
    const result = await dispatch('stats.summary', {})
    if (!result.ok) throw new CliError(result.error.message)
    const stats = result.value as InventoryStats
    if (json) output.out(JSON.stringify(stats))
    else for (const line of formatStats(stats)) output.out(line)
  } finally {
    await store.close()
  }
}

// The figures as the interface prints them (shared/format.ts): 2,135.98 亩, 10.84万 m², 16.1%.
export function formatStats(s: InventoryStats): string[] {
  const n = formatCount
  return [
    `楼宇 ${n(s.buildings)} 栋 · 楼层/单元 ${n(s.spaces)} 个 · 入驻企业 ${n(s.tenants)} 家（规上 ${n(s.aboveScaleTenants)} 家）`,
    `可租面积 ${formatArea(s.leasableArea)} · 空置 ${formatArea(s.vacantArea)} · 空置率 ${formatRate(s.vacancyRate)} · 出租率 ${formatRate(s.occupancyRate)}`,
    `地块 ${n(s.parcels)} 宗，共 ${formatMu(s.parcelArea)} · 空中产业园 ${n(s.parks)} 个 · 楼宇聚集区 ${n(s.clusters)} 个`,
    '',
    '区县\t楼宇\t可租面积\t空置面积\t空置率',
    ...s.byDistrict.map((d) => `${d.name}\t${n(d.buildings)}\t${formatArea(d.leasableArea)}\t${formatArea(d.vacantArea)}\t${formatRate(d.vacancyRate)}`),
  ]
}
