import { describe, expect, it } from 'vitest'
import { allOf, atLeast, atMost, percentile, ratioAtLeast, ratioAtMost, spread } from '../../scripts/bench/goals'
import { displayWidth, formatNumber, formatTable, parseArgs, rowCells, TABLE_HEADER, toJson } from '../../scripts/bench/report'
import type { BenchRow, BenchScale } from '../../scripts/bench/rows'

// The bench runner's pure parts: its options, goals, table and JSON. No timing here.

const PARTS = ['store', 'import', 'export', 'map']
const SCALE: BenchScale = { buildings: 10_000, spaces: 199_873, leases: 50_000, parcels: 5_000 }

describe('bench options', () => {
  it('reads --json, --only and --db, in either spelling of a value', () => {
    expect(parseArgs([], PARTS)).toEqual({ json: false, only: null, db: null, help: false })
    expect(parseArgs(['--json', '--only', 'store,map', '--db', '/data/big.db'], PARTS)).toEqual({ json: true, only: ['store', 'map'], db: '/data/big.db', help: false })
    expect(parseArgs(['--only=map', '--db=x.db'], PARTS)).toMatchObject({ only: ['map'], db: 'x.db' })
    expect(parseArgs(['--only', ' store , import '], PARTS).only).toEqual(['store', 'import'])
    expect(parseArgs(['--help'], PARTS).help).toBe(true)
  })

  it('refuses an unknown option, an unknown part and a missing value, naming them', () => {
    expect(() => parseArgs(['--fast'], PARTS)).toThrow('unknown option --fast')
    expect(() => parseArgs(['--only', 'store,maps'], PARTS)).toThrow(/unknown part maps \(parts: store, import, export, map\)/)
    expect(() => parseArgs(['--only'], PARTS)).toThrow('--only needs a value')
    expect(() => parseArgs(['--db', '--json'], PARTS)).toThrow('--db needs a value')
    expect(() => parseArgs(['--only', ','], PARTS)).toThrow('--only needs at least one part')
  })
})

describe('bench goals', () => {
  it('says the goal and whether the figure meets it, limits included', () => {
    expect(atMost(100, 100, 'ms')).toEqual({ goal: '≤ 100 ms', met: true })
    expect(atMost(100.01, 100, 'ms')).toEqual({ goal: '≤ 100 ms', met: false })
    expect(atLeast(54.9, 55, 'fps')).toEqual({ goal: '≥ 55 fps', met: false })
    expect(ratioAtMost(1.2, 1.2, 'raw')).toEqual({ goal: '≤ 1.2× raw', met: true })
    expect(ratioAtMost(1.21, 1.2, 'raw').met).toBe(false)
    expect(ratioAtLeast(10, 10, 'one <Marker> each')).toEqual({ goal: '≥ 10× one <Marker> each', met: true })
  })

  it('never meets a goal with a figure that is not a number', () => {
    expect(atMost(Number.NaN, 100, 'ms').met).toBe(false)
    expect(ratioAtMost(Number.POSITIVE_INFINITY, 1.2, 'raw').met).toBe(false)
    expect(atLeast(Number.NaN, 55, 'fps').met).toBe(false)
  })

  it('joins goals that must all be met', () => {
    expect(allOf(atMost(9000, 10_000, 'ms'), atMost(520, 500, 'MB'))).toEqual({ goal: '≤ 10000 ms; ≤ 500 MB', met: false })
    expect(allOf(atMost(9000, 10_000, 'ms'), atMost(480, 500, 'MB')).met).toBe(true)
  })

  it('takes the median, the spread and a nearest-rank percentile', () => {
    expect(spread([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5 })
    expect(spread([4, 1, 3, 2]).median).toBe(3)
    expect(percentile([...Array(100).keys()].map((i) => i + 1), 99)).toBe(99)
    expect(percentile([7], 99)).toBe(7)
    expect(() => spread([])).toThrow()
  })
})

const ROWS: BenchRow[] = [
  { name: 'store.buildingGet', label: 'buildings.get', ms: 0.2345, baseline: 0.21, ratio: 1.1166, goal: '≤ 1.2× raw', met: true, detail: '21 spaces' },
  { name: 'map.panFps', label: '平移 pan', fps: 57.5, goal: '≥ 55 fps', met: true },
  { name: 'export.spaces200k', label: 'export', ms: 12_345.6, goal: '≤ 10000 ms', met: false },
]

describe('bench table', () => {
  it('prints every row with its figure in its unit, the ratio, the goal and ✓ or ✗', () => {
    expect(rowCells(ROWS[0]!)).toEqual(['store.buildingGet', 'buildings.get', '0.23 ms', '0.21 ms', '1.12×', '≤ 1.2× raw', '✓', '21 spaces'])
    expect(rowCells(ROWS[1]!)).toEqual(['map.panFps', '平移 pan', '57.5 fps', '—', '—', '≥ 55 fps', '✓', ''])
    expect(rowCells(ROWS[2]!).slice(2, 7)).toEqual(['12346 ms', '—', '—', '≤ 10000 ms', '✗'])
    const table = formatTable(SCALE, ROWS, ['part map skipped: scripts/bench/map.ts is not on this branch yet'])
    const lines = table.trimEnd().split('\n')
    expect(lines[0]).toBe('Site Atlas bench: 10,000 buildings, 199,873 spaces, 50,000 leases, 5,000 parcels')
    expect(lines[2]!.split(/\s{2,}/)).toEqual([...TABLE_HEADER])
    expect(lines.filter((l) => l.startsWith('store.') || l.startsWith('map.') || l.startsWith('export.'))).toHaveLength(3)
    expect(table).toContain('2 of 3 goals met')
    expect(table).toContain('part map skipped')
  })

  it('lines the columns up, a Chinese character taking two cells', () => {
    expect(displayWidth('平移 pan')).toBe(8)
    expect(displayWidth('≤ 1.2×')).toBe(6)
    const lines = formatTable(SCALE, ROWS).split('\n')
    const goalAt = (line: string, goal: string) => displayWidth(line.slice(0, line.indexOf(goal)))
    expect(goalAt(lines[4]!, '≤ 1.2× raw')).toBe(goalAt(lines[5]!, '≥ 55 fps'))
    expect(goalAt(lines[5]!, '≥ 55 fps')).toBe(goalAt(lines[6]!, '≤ 10000 ms'))
  })

  it('gives a figure the precision it deserves', () => {
    expect([0.04, 2.456, 45.67, 812.4, 1642].map(formatNumber)).toEqual(['0.04', '2.46', '45.7', '812', '1642'])
  })
})

describe('bench --json', () => {
  it('is { scale, rows } with name, ms or fps, baseline, ratio, goal and met on each row', () => {
    const json = toJson({ ...SCALE, extra: 1 } as BenchScale, ROWS)
    expect(Object.keys(json)).toEqual(['scale', 'rows'])
    expect(json.scale).toEqual(SCALE)
    expect(json.rows[0]).toEqual({ name: 'store.buildingGet', ms: 0.235, baseline: 0.21, ratio: 1.117, goal: '≤ 1.2× raw', met: true, label: 'buildings.get', detail: '21 spaces' })
    expect(json.rows[1]).toEqual({ name: 'map.panFps', fps: 57.5, goal: '≥ 55 fps', met: true, label: '平移 pan' })
    expect(Object.keys(json.rows[2]!)).toEqual(['name', 'ms', 'goal', 'met', 'label'])
    // It survives a round trip through text unchanged (what a script reading stdout gets).
    expect(JSON.parse(JSON.stringify(json))).toEqual(json)
  })

  it('keeps fields a part adds to its rows', () => {
    const row = { ...ROWS[0]!, p99: 180 } as BenchRow
    expect(toJson(SCALE, [row]).rows[0]).toMatchObject({ p99: 180 })
  })
})
