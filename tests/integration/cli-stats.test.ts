import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { formatArea, formatMoney } from '../../src/shared/format'
import { STATS_GROUPINGS } from '../../src/shared/stats'
import { openTestApp, tempDir } from '../helpers/store'

// `cli stats --by / --top` (issue 11, item 8): the JSON keys the issue fixes, the same figures as
// the view's stats.rollup / stats.ranking, the Chinese table, and the flags refused.

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const ROLLUP_KEYS = ['key', 'name', 'buildings', 'leasableArea', 'vacantArea', 'vacancyRate', 'occupancyRate', 'tenants', 'aboveScaleTenants', 'registeredTenants', 'annualTax', 'taxPerLeasedM2', 'comingFree12m']

describe('cli stats --by / --top', () => {
  let dir: string
  let db: string
  beforeAll(async () => {
    dir = tempDir()
    db = path.join(dir, 'x.db')
    expect((await cli('demo', '--db', db)).code).toBe(0)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('prints every grouping as { rows, total } with exactly the issue\'s keys and the view\'s figures', async () => {
    const app = await openTestApp(db)
    try {
      for (const by of STATS_GROUPINGS) {
        const r = await cli('stats', '--db', db, '--by', by, '--json')
        expect(r.code, r.err).toBe(0)
        const printed = JSON.parse(r.out) as { rows: Array<Record<string, unknown>>; total: Record<string, unknown> }
        expect(Object.keys(printed)).toEqual(['rows', 'total'])
        for (const row of [...printed.rows, printed.total]) expect(Object.keys(row)).toEqual(ROLLUP_KEYS)
        const view = await app.ok('stats.rollup', { by })
        // The view's figures, rounded as the usage line says: areas and money to 0.01, rates to 1e-6.
        const viewRows = [...view.rows, view.total] as unknown as Array<Record<string, unknown>>
        ;[...printed.rows, printed.total].forEach((row, i) => {
          for (const key of ROLLUP_KEYS) {
            const v = viewRows[i]![key]
            const places = /Rate$/.test(key) ? 6 : 2
            expect(row[key], `${by} ${key}`).toEqual(typeof v === 'number' && !['buildings', 'tenants', 'aboveScaleTenants', 'registeredTenants'].includes(key) ? Math.round(v * 10 ** places) / 10 ** places : v)
          }
        })
        // No float noise (357917.39999999997) reaches a script.
        expect(r.out).not.toMatch(/\d\.\d{7,}/)
      }
      const districts = JSON.parse((await cli('stats', '--db', db, '--by', 'district', '--json')).out) as { rows: Array<{ key: string }> }
      expect(districts.rows.map((r) => r.key)).toEqual([...districts.rows.map((r) => r.key)].sort())
    } finally {
      await app.close()
    }
  })

  it('prints a readable Chinese table without --json', async () => {
    const r = await cli('stats', '--db', db, '--by', 'cluster')
    expect(r.code).toBe(0)
    const lines = r.out.split('\n')
    expect(lines[0]).toMatch(/^聚集区\t楼宇\t可租面积\t空置面积\t空置率\t出租率/)
    expect(lines.at(-1)).toMatch(/^合计\t28\t/)
    expect(r.out).toContain('未归入聚集区')
    expect(r.out).toMatch(/万 m²/)
  })

  it('prints the ranking with its tags, as JSON and as a table', async () => {
    const r = await cli('stats', '--db', db, '--top', 'tax', '--limit', '3', '--json')
    expect(r.code, r.err).toBe(0)
    const ranking = JSON.parse(r.out) as { by: string; rows: Array<{ rank: number; value: number; annualTax: number; tags: string[] }>; tagCounts: Record<string, number> }
    expect(ranking.by).toBe('tax')
    expect(ranking.rows.map((row) => row.rank)).toEqual([1, 2, 3])
    expect(ranking.rows.map((row) => row.value)).toEqual([...ranking.rows.map((row) => row.value)].sort((a, b) => b - a))
    for (const row of ranking.rows) expect(row.tags).toEqual(row.annualTax >= 1e8 ? ['yiyuan'] : row.annualTax >= 1e7 ? ['qianwan'] : [])
    expect(ranking.tagCounts.qianwan).toBeGreaterThanOrEqual(ranking.tagCounts.yiyuan!)
    const table = await cli('stats', '--db', db, '--top', 'vacantArea', '--limit', '2')
    const lines = table.out.split('\n')
    // The ranked figure comes first, in its own unit; the fixed columns follow without repeating it.
    expect(lines[0]).toBe('名次\t楼宇\t区县\t空置面积\t年税收\t空置率\t12个月内到期\t标签')
    expect(lines[1]).toMatch(/^1\t[^\t]+\t[^\t]+\t[\d.,]+(万)? m²\t/)
    expect(lines).toHaveLength(4)
    expect(lines[3]).toMatch(/^按空置面积排序 · 千万元楼 \d+ 栋（其中亿元楼 \d+ 栋）$/)
  })

  it('prints the ranked figure of taxPerMu (元/亩, with 楼宇 or 产业园) and comingFree (m²) as its own column', async () => {
    const json = JSON.parse((await cli('stats', '--db', db, '--top', 'taxPerMu', '--limit', '50', '--json')).out) as { rows: Array<{ kind: string; name: string; value: number }> }
    expect(json.rows.length).toBeGreaterThan(0)
    const table = (await cli('stats', '--db', db, '--top', 'taxPerMu', '--limit', '50')).out.split('\n')
    expect(table[0]).toBe('名次\t名称\t类别\t区县\t亩均税收\t年税收\t空置率\t空置面积\t12个月内到期\t标签')
    json.rows.forEach((row, i) => {
      const cells = table[i + 1]!.split('\t')
      expect(cells[1]).toBe(row.name)
      expect(cells[2]).toBe(row.kind === 'park' ? '产业园' : '楼宇')
      expect(cells[4]).toBe(`${formatMoney(row.value)}/亩`)
    })
    expect(table.at(-1)).toMatch(/^按亩均税收排序 · 千万元楼 \d+ 栋（其中亿元楼 \d+ 栋）$/)
    const free = JSON.parse((await cli('stats', '--db', db, '--top', 'comingFree', '--limit', '3', '--json')).out) as { rows: Array<{ value: number }> }
    const freeTable = (await cli('stats', '--db', db, '--top', 'comingFree', '--limit', '3')).out.split('\n')
    expect(freeTable[0]).toBe('名次\t楼宇\t区县\t12个月内到期\t年税收\t空置率\t空置面积\t标签')
    free.rows.forEach((row, i) => expect(freeTable[i + 1]!.split('\t')[3]).toBe(formatArea(row.value)))
  })

  it('refuses wrong or conflicting flags before opening the file', async () => {
    const missing = path.join(dir, 'none.db')
    expect(await cli('stats', '--db', missing, '--by', 'street')).toMatchObject({ code: 2, err: expect.stringContaining('--by 应为 district|cluster|park|kind|grade') })
    expect(await cli('stats', '--db', missing, '--top', 'rent')).toMatchObject({ code: 2, err: expect.stringContaining('--top 应为') })
    expect(await cli('stats', '--db', missing, '--top', 'tax', '--limit', '0')).toMatchObject({ code: 2, err: expect.stringContaining('--limit 应为 1 到 1000 的整数') })
    expect(await cli('stats', '--db', missing, '--limit', '5')).toMatchObject({ code: 2, err: expect.stringContaining('--limit 只与 --top 一起用') })
    expect(await cli('stats', '--db', missing, '--by', 'district', '--land')).toMatchObject({ code: 2, err: expect.stringContaining('只能选一个') })
    expect(fs.existsSync(missing)).toBe(false)
  })

  it('keeps the old stats --json keys', async () => {
    const r = await cli('stats', '--db', db, '--json')
    expect(Object.keys(JSON.parse(r.out) as object).sort()).toEqual(
      ['aboveScaleTenants', 'buildings', 'byDistrict', 'clusters', 'leasableArea', 'leasedArea', 'occupancyRate', 'parcelArea', 'parcels', 'parks', 'spaces', 'tenants', 'vacancyRate', 'vacantArea'],
    )
  })
})
