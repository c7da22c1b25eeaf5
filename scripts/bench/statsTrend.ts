// The trend and watch-list rows of `npm run bench` (issue 11): stats.trend over 24 months for the
// whole store and for one district, and stats.watch, through services.dispatch at issue 8's scale.
// Measured twice: on the generated store as it is (no change log: a store filled in one load), and
// after writing a change log as a store filled by an import 23 months ago and worked on since would
// have (every space's insert, 50,000 status changes, 2,000 re-measures, 2,000 deletions over the
// months), so the log's reading is in the figure. The figures themselves are printed in `detail`.
import path from 'node:path'
import { createServices } from '../../src/main/services'
import { openStore } from '../../src/main/store/open'
import type { StatsTrend, WatchRow } from '../../src/shared/stats'
import { addDays, addMonths } from '../../src/shared/tenancy'
import { atMost, type Spread, spread } from './goals'
import type { BenchContext, BenchPart, BenchRow } from './rows'

const RUNS = 3
const GOAL_MS = 1000

async function timed(runs: number, work: () => Promise<unknown>): Promise<Spread> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  return spread(times)
}

/** A first call's answer and time: cold (statements prepared, pages read), as after a write. */
async function first<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await work()
  return [value, performance.now() - start]
}

const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1))
const coldText = (ms: number) => `cold (first call) ${fmt(ms)} ms; the median is warm`
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`)
const trendDetail = (t: StatsTrend, s: Spread) => {
  const first = t.points[0]!
  const last = t.points.at(-1)!
  return `${first.month} vacancy ${pct(first.vacancyRate)} of ${Math.round(first.leasableArea)} m² → ${last.month} ${pct(last.vacancyRate)} of ${Math.round(last.leasableArea)} m²; min ${fmt(s.min)} / max ${fmt(s.max)} ms`
}
const watchDetail = (rows: WatchRow[], s: Spread) => {
  const count = (kind: string) => rows.filter((r) => r.reasons.some((x) => x.kind === kind)).length
  return `${rows.length} buildings (occupancy ${count('occupancy')}, tax ${count('tax')}, ending ${count('ending')}); min ${fmt(s.min)} / max ${fmt(s.max)} ms`
}

/** A change log as an import 23 months ago and the work since would have left it, written as the writer writes rows. */
function writeHistory(sqlite: import('better-sqlite3').Database, today: string): number {
  const fill = `${addMonths(today, -23).slice(0, 7)}-05T02:00:00.000Z`
  const spaces = sqlite.prepare('SELECT id, building_id, floor_label, area, status FROM spaces').all() as Array<{ id: string; building_id: string; floor_label: string; area: number; status: string }>
  const insert = sqlite.prepare(`INSERT INTO change_log (hlc, device_id, actor, table_name, row_id, op, field, old_value, new_value, at)
    VALUES (?, 'bench', 'bench', 'spaces', ?, ?, ?, ?, ?, ?)`)
  let n = 0
  let seed = 7
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const dayIn = () => `${addDays(fill.slice(0, 10), 1 + Math.floor(rand() * 690))}T03:00:00.000Z`
  sqlite.transaction(() => {
    for (const s of spaces) {
      for (const [field, value] of [['buildingId', s.building_id], ['floorLabel', s.floor_label], ['area', s.area], ['status', s.status], ['divisible', 0]] as const) {
        insert.run(`hlc-${n}`, s.id, 'insert', field, null, JSON.stringify(value), fill)
        n++
      }
    }
    const statuses = ['vacant', 'leased', 'reserved']
    for (let i = 0; i < 50_000; i++) {
      const s = spaces[Math.floor(rand() * spaces.length)]!
      insert.run(`hlc-${n++}`, s.id, 'update', 'status', JSON.stringify(statuses[Math.floor(rand() * 3)]), JSON.stringify(s.status), dayIn())
    }
    for (let i = 0; i < 2_000; i++) {
      const s = spaces[Math.floor(rand() * spaces.length)]!
      insert.run(`hlc-${n++}`, s.id, 'update', 'area', JSON.stringify(Math.round(s.area * 1.1)), JSON.stringify(s.area), dayIn())
      const d = spaces[Math.floor(rand() * spaces.length)]!
      insert.run(`hlc-${n++}`, d.id, 'restore', 'deletedAt', JSON.stringify(fill), null, dayIn())
    }
  })()
  return n
}

export const run: BenchPart = async (ctx: BenchContext) => {
  // This part writes a change log: on a copy of its own.
  const dataDir = await ctx.copyStore('stats-trend')
  const store = await openStore(path.join(dataDir, 'site-atlas.db'), { mustExist: true })
  const services = await createServices(store, 'bench')
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await services.dispatch(method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as T
  }
  const rows: BenchRow[] = []
  try {
    const sqlite = store.sqlite
    const today = (sqlite.prepare(`SELECT date('now', 'localtime') AS d`).get() as { d: string }).d
    const district = (sqlite.prepare(`SELECT district_code AS code, count(*) AS n FROM buildings WHERE deleted_at IS NULL GROUP BY district_code ORDER BY n DESC LIMIT 1`).get() as { code: string; n: number })
    const since = addMonths(today, -6)
    const measure = async (suffix: string, label: string) => {
      const [all, allFirst] = await first(() => call<StatsTrend>('stats.trend', {}))
      const allTimes = await timed(RUNS, () => call('stats.trend', {}))
      rows.push({ name: `statsTrend.all${suffix}`, label: `stats.trend, 24 months, whole store${label}, median`, ms: allTimes.median, ...atMost(allTimes.median, GOAL_MS, 'ms'), detail: `${trendDetail(all, allTimes)}; ${coldText(allFirst)}` })
      const [one, oneFirst] = await first(() => call<StatsTrend>('stats.trend', { within: { districtCode: district.code } }))
      const oneTimes = await timed(RUNS, () => call('stats.trend', { within: { districtCode: district.code } }))
      rows.push({ name: `statsTrend.district${suffix}`, label: `stats.trend, 24 months, one district (${district.n} buildings)${label}, median`, ms: oneTimes.median, ...atMost(oneTimes.median, GOAL_MS, 'ms'), detail: `${trendDetail(one, oneTimes)}; ${coldText(oneFirst)}` })
      const [watch, watchFirst] = await first(() => call<WatchRow[]>('stats.watch', { since }))
      const watchTimes = await timed(RUNS, () => call('stats.watch', { since }))
      rows.push({ name: `statsTrend.watch${suffix}`, label: `stats.watch since ${since}${label}, median`, ms: watchTimes.median, ...atMost(watchTimes.median, GOAL_MS, 'ms'), detail: `${watchDetail(watch, watchTimes)}; ${coldText(watchFirst)}` })
    }
    ctx.log('  stats.trend and stats.watch on the store as generated …')
    await measure('', '')
    ctx.log('  writing a change log of 23 months …')
    const logged = writeHistory(sqlite, today)
    sqlite.exec('ANALYZE')
    ctx.log(`  ${logged} change-log rows; stats.trend and stats.watch again …`)
    await measure('.withLog', `, ${Math.round(logged / 1000)}k change-log rows`)
  } finally {
    await services.shutdown()
    await store.close()
  }
  return rows
}
