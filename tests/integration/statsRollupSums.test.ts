import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { ADDITIVE_ROLLUP_FIGURES, type RollupRow, type RollupWithin, STATS_GROUPINGS, type StatsRollup } from '../../src/shared/stats'
import { openTestApp, type TestApp, tempDir } from '../helpers/store'

// Rollups add up (issue 11): on the demo dataset and on a generated one, for every grouping the
// rows of each additive figure sum to the total, and every drill-down level sums to its parent row
// (whose figures, additive or not, equal the drilled rollup's total).

const CLOSE = 6

function expectRowsSumTo(r: StatsRollup, label: string, weight: (row: RollupRow) => number = () => 1): void {
  for (const figure of ADDITIVE_ROLLUP_FIGURES) {
    // A floor row counts the buildings having that floor: not additive across floors.
    if (figure === 'buildings' && r.by === 'floor') continue
    const sum = r.rows.reduce((s, row) => s + row[figure] * weight(row), 0)
    expect(sum, `${label}: ${figure}`).toBeCloseTo(r.total[figure], CLOSE)
  }
}

function expectSameFigures(total: RollupRow, parent: RollupRow, label: string): void {
  const { key: _a, name: _b, ...drilled } = total
  const { key: _c, name: _d, ...expected } = parent
  for (const [figure, value] of Object.entries(expected)) {
    const got = drilled[figure as keyof typeof drilled]
    if (value === null) expect(got, `${label}: ${figure}`).toBeNull()
    else expect(got, `${label}: ${figure}`).toBeCloseTo(value, CLOSE)
  }
}

async function cli(...argv: string[]): Promise<void> {
  const err: string[] = []
  const code = await runCli(argv, { out: () => {}, err: (l) => err.push(l) })
  if (code !== 0) throw new Error(`${argv.join(' ')}: ${err.join('\n')}`)
}

const DATASETS = [
  { name: 'demo', make: (db: string) => cli('demo', '--db', db) },
  { name: 'generated', make: (db: string) => cli('generate', '--db', db, '--buildings', '120', '--parcels', '5', '--spaces', '2400', '--seed', '11') },
]

describe.each(DATASETS)('rollups add up on the $name dataset', ({ make }) => {
  let dir: string
  let app: TestApp
  const rollup = async (by: StatsRollup['by'], within?: RollupWithin) => app.ok('stats.rollup', { by, ...(within ? { within } : {}) })

  beforeAll(async () => {
    dir = tempDir()
    const db = path.join(dir, 'atlas.db')
    await make(db)
    app = await openTestApp(db)
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('every grouping: rows sum to the total, and the total is the same for every grouping', async () => {
    const whole = await rollup('building')
    expect(whole.rows.length).toBeGreaterThan(10)
    expectRowsSumTo(whole, 'building')
    // A building hosting k sky parks is in k park rows: it weighs k in the park rows' sum.
    const parks = await app.ok('parks.list', {})
    const hosted = new Map<string, number>()
    for (const park of parks) for (const host of new Set(park.hosts.map((h) => h.buildingId))) hosted.set(host, (hosted.get(host) ?? 0) + 1)
    for (const by of STATS_GROUPINGS) {
      const r = await rollup(by)
      expectSameFigures(r.total, whole.total, `${by} total`)
      if (by !== 'park') {
        expectRowsSumTo(r, by)
        continue
      }
      for (const figure of ADDITIVE_ROLLUP_FIGURES) {
        const sum = r.rows.reduce((s, row) => s + row[figure], 0)
        const weighted = whole.rows.reduce((s, row) => s + row[figure] * Math.max(1, hosted.get(row.key!) ?? 0), 0)
        expect(sum, `park: ${figure}`).toBeCloseTo(weighted, CLOSE)
      }
    }
  })

  it('every drill level sums to its parent row: district → cluster → building → floor, park → building, kind/grade → building', async () => {
    const districts = await rollup('district')
    for (const d of districts.rows) {
      const clusters = await rollup('cluster', { districtCode: d.key! })
      expectSameFigures(clusters.total, d, `district ${d.name}`)
      expectRowsSumTo(clusters, `clusters of ${d.name}`)
      for (const c of clusters.rows) {
        const buildings = await rollup('building', { districtCode: d.key!, clusterId: c.key })
        expectSameFigures(buildings.total, c, `cluster ${c.name}`)
        expectRowsSumTo(buildings, `buildings of ${c.name}`)
      }
    }
    for (const by of ['park', 'kind', 'grade'] as const) {
      const groups = await rollup(by)
      for (const g of groups.rows) {
        const within: RollupWithin = by === 'park' ? { parkId: g.key } : by === 'kind' ? { kind: g.key as never } : { grade: g.key as never }
        const buildings = await rollup('building', within)
        expectSameFigures(buildings.total, g, `${by} ${g.name}`)
        expectRowsSumTo(buildings, `buildings of ${by} ${g.name}`)
      }
    }
    const buildings = await rollup('building')
    // The floors of a sample of buildings (every seventh, and the largest).
    const largest = [...buildings.rows].sort((a, b) => b.leasableArea - a.leasableArea)[0]!
    for (const b of [largest, ...buildings.rows.filter((_, i) => i % 7 === 0)]) {
      const floors = await rollup('floor', { buildingId: b.key! })
      expectSameFigures(floors.total, b, `building ${b.name}`)
      expectRowsSumTo(floors, `floors of ${b.name}`)
    }
  })
})
