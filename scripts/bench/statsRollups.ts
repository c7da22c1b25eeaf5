// The statistics rows of `npm run bench` (issue 11, item 1 and 4): every rollup grouping, a drill
// down to buildings and to floors, and each building ranking, through services.dispatch on the
// generated store at issue 8's scale. Goal: under 100 ms each (median when warm); each row also
// gives the first call after a write (cold). Writes only the version count of the bench's own copy.
import path from 'node:path'
import { createServices } from '../../src/main/services'
import { openStore } from '../../src/main/store/open'
import { STATS_GROUPINGS } from '../../src/shared/stats'
import { atMost, spread } from './goals'
import type { BenchContext, BenchPart, BenchRow } from './rows'

const RUNS = 5
const GOAL_MS = 100

const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1))

export const run: BenchPart = async (ctx: BenchContext) => {
  const store = await openStore(path.join(ctx.dataDir, 'site-atlas.db'), { mustExist: true })
  const services = await createServices(store, 'bench')
  const call = async (method: string, input: unknown) => {
    const result = await services.dispatch(method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }
  const rows: BenchRow[] = []
  const time = async (name: string, label: string, method: string, input: unknown) => {
    ctx.log(`  ${name} ×${RUNS} …`)
    // Cold: the first call after a write refills the kept per-building facts (store/statsKept.ts);
    // a write is stood in for by moving the store's version as the triggers of migration 007 do.
    store.sqlite.prepare('UPDATE sites_version SET n = n + 1 WHERE id = 1').run()
    const coldStart = performance.now()
    const answer = await call(method, input)
    const cold = performance.now() - coldStart
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now()
      await call(method, input)
      times.push(performance.now() - start)
    }
    const s = spread(times)
    const count = (answer as { rows: unknown[] }).rows.length
    rows.push({ name, label, ms: s.median, ...atMost(s.median, GOAL_MS, 'ms'), detail: `warm min ${fmt(s.min)} / max ${fmt(s.max)} ms; cold (first after a write) ${fmt(cold)} ms; ${count} rows` })
    return answer
  }
  try {
    for (const by of STATS_GROUPINGS) await time(`stats.rollup.${by}`, `stats.rollup by ${by}, median`, 'stats.rollup', { by })
    // The drill-down a person makes: the largest district → its clusters → one cluster's buildings → one building's floors.
    const sqlite = store.sqlite
    const district = (sqlite.prepare(`SELECT district_code AS code FROM buildings WHERE deleted_at IS NULL GROUP BY district_code ORDER BY count(*) DESC LIMIT 1`).get() as { code: string }).code
    await time('stats.rollup.districtClusters', 'stats.rollup: a district\'s clusters, median', 'stats.rollup', { by: 'cluster', within: { districtCode: district } })
    const cluster = sqlite.prepare(`SELECT cluster_id AS id FROM buildings WHERE deleted_at IS NULL AND district_code = ? AND cluster_id IS NOT NULL GROUP BY cluster_id ORDER BY count(*) DESC LIMIT 1`).get(district) as { id: string } | undefined
    await time('stats.rollup.buildings', 'stats.rollup: a cluster\'s buildings, median', 'stats.rollup', { by: 'building', within: { districtCode: district, ...(cluster ? { clusterId: cluster.id } : {}) } })
    await time('stats.rollup.allBuildings', 'stats.rollup: every building, median', 'stats.rollup', { by: 'building' })
    const building = (sqlite.prepare(`SELECT building_id AS id FROM spaces WHERE deleted_at IS NULL GROUP BY building_id ORDER BY count(*) DESC, building_id LIMIT 1`).get() as { id: string }).id
    await time('stats.rollup.floors', 'stats.rollup: the largest building\'s floors, median', 'stats.rollup', { by: 'floor', within: { buildingId: building } })
    for (const by of ['tax', 'vacancy', 'vacantArea', 'comingFree', 'taxPerMu'] as const) {
      await time(`stats.ranking.${by}`, `stats.ranking by ${by} (top 20), median`, 'stats.ranking', { by })
    }
    // The map's filter: half the buildings, as the view sends their ids.
    const half = (sqlite.prepare(`SELECT id FROM buildings WHERE deleted_at IS NULL ORDER BY id`).all() as Array<{ id: string }>).filter((_, i) => i % 2 === 0).map((r) => r.id)
    await time('stats.rollup.scoped', `stats.rollup by district over ${half.length} buildings of the map's filter, median`, 'stats.rollup', { by: 'district', scope: { buildingIds: half } })
  } finally {
    await store.close()
  }
  return rows
}
