import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import type { InventoryStats } from '../../src/shared/types'
import { tempDir } from '../helpers/store'

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const TABLES = ['clusters', 'buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'sub_parks', 'park_hosts'] as const

function read<T>(file: string, query: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    return query(db)
  } finally {
    db.close()
  }
}

const counts = (file: string) =>
  read(file, (db) => Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n])))

describe('command line: generate', () => {
  let dir: string
  let db: string
  const args = ['--buildings', '40', '--parcels', '25', '--seed', '7']
  beforeAll(async () => {
    dir = tempDir()
    db = path.join(dir, 'gen.db')
    const result = await cli('generate', '--db', db, ...args)
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^已生成合成数据（种子 7，标记为演示数据）到 .*gen\.db：楼宇 40、空间 600、企业 \d+、租约 \d+、地块 25、园区 \d+、聚集区 \d+，用时 [\d.]+ 秒$/)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('writes the requested counts, as stats --json shows', async () => {
    const { code, out } = await cli('stats', '--db', db, '--json')
    expect(code).toBe(0)
    const stats = JSON.parse(out) as InventoryStats
    expect(stats).toMatchObject({ buildings: 40, spaces: 600, parcels: 25, parks: 1, clusters: 1 })
    expect(stats.tenants).toBeGreaterThan(20)
    expect(stats.vacancyRate).toBeGreaterThan(0.05)
    expect(stats.vacancyRate).toBeLessThan(0.5)
    expect(stats.parcelArea).toBeGreaterThan(25 * 5 * (10000 / 15))
    expect(stats.byDistrict.reduce((sum, d) => sum + d.buildings, 0)).toBe(40)
    expect(stats.byDistrict.every((d) => d.code.startsWith('2101'))).toBe(true)
  })

  it('marks every row as demo data, logs each row once and passes check', async () => {
    read(db, (sqlite) => {
      for (const table of TABLES) {
        expect((sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE is_demo <> 1`).get() as { n: number }).n, table).toBe(0)
      }
      const logged = (sqlite.prepare("SELECT count(*) AS n FROM change_log WHERE op = 'insert' AND field IS NULL").get() as { n: number }).n
      expect(logged).toBe(Object.values(counts(db)).reduce((a, b) => a + b, 0))
      const lease = sqlite.prepare("SELECT row_id, new_value FROM change_log WHERE table_name = 'leases' LIMIT 1").get() as { row_id: string; new_value: string }
      const spaceIds = (sqlite.prepare('SELECT space_id FROM lease_spaces WHERE lease_id = ? ORDER BY space_id').all(lease.row_id) as Array<{ space_id: string }>).map((r) => r.space_id)
      expect(JSON.parse(lease.new_value)).toMatchObject({ isDemo: 1, spaceIds })
      const parcel = sqlite.prepare('SELECT boundary, area FROM parcels LIMIT 1').get() as { boundary: string; area: number }
      expect(JSON.parse(parcel.boundary).type).toBe('Polygon')
    })
    const check = await cli('check', '--db', db)
    expect(check.code).toBe(0)
    expect(check.out).toContain('外键检查：通过')
    const info = await cli('stats', '--db', db)
    expect(info.out).toMatch(/楼宇 40 栋/)
  })

  it('refuses a non-empty store without --force and writes nothing', async () => {
    const before = counts(db)
    const size = fs.statSync(db).size
    const again = await cli('generate', '--db', db, '--buildings', '5', '--parcels', '5', '--seed', '8')
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/已有数据.*--force/)
    expect(again.err.split('\n')).toHaveLength(1)
    expect(counts(db)).toEqual(before)
    expect(fs.statSync(db).size).toBe(size)
  })

  it('with --force, refuses the same seed twice as a whole and writes nothing', async () => {
    const before = counts(db)
    const again = await cli('generate', '--db', db, ...args, '--force')
    expect(again.code).toBe(1)
    expect(again.err).toContain('重复')
    expect(again.err).toContain('未写入任何数据')
    expect(counts(db)).toEqual(before)
  })

  it('with --force, adds to the demo without touching it', async () => {
    const file = path.join(dir, 'demo.db')
    expect((await cli('demo', '--db', file)).code).toBe(0)
    const demo = counts(file)
    const added = await cli('generate', '--db', file, '--buildings', '10', '--parcels', '10', '--seed', '3', '--force')
    expect(added.err).toBe('')
    expect(added.code).toBe(0)
    expect(counts(file).buildings).toBe(demo.buildings! + 10)
    expect(counts(file).parcels).toBe(demo.parcels! + 10)
  })

  it('answers bad arguments with a Chinese message, exit code 2 and no file', async () => {
    const file = path.join(dir, 'bad.db')
    const cases: Array<[string[], RegExp]> = [
      [['--buildings', 'abc', '--parcels', '1', '--seed', '1'], /--buildings 应为整数/],
      [['--buildings', '-3', '--parcels', '1', '--seed', '1'], /--buildings 不能为负数/],
      [['--buildings', '2.5', '--parcels', '1', '--seed', '1'], /--buildings 应为整数/],
      [['--buildings', '50001', '--parcels', '1', '--seed', '1'], /--buildings 不能超过 50,000/],
      [['--buildings', '1', '--parcels', '20001', '--seed', '1'], /--parcels 不能超过 20,000/],
      [['--buildings', '1', '--parcels', '1', '--seed', '1', '--spaces', '1000001'], /--spaces 不能超过 1,000,000/],
      [['--buildings', '1', '--parcels', '1', '--seed', '1', '--spaces', '201'], /--spaces 不能超过楼宇数的 200 倍/],
      [['--buildings', '1', '--parcels', '1'], /缺少 --seed/],
      [['--parcels', '1', '--seed', '1'], /缺少 --buildings/],
      [['--buildings', '1', '--parcels', '1', '--seed', 'x'], /--seed 应为整数/],
    ]
    for (const [argv, message] of cases) {
      const result = await cli('generate', '--db', file, ...argv)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.err, argv.join(' ')).toMatch(message)
      expect(result.err).toMatch(/^错误：/)
    }
    expect(fs.existsSync(file)).toBe(false)
    expect((await cli('stats', '--db', db, '--seed', '1')).code).toBe(2)
  })

  it('gives identical buildings and parcels for the same seed, different ones for another', async () => {
    const snapshot = (file: string) =>
      read(file, (sqlite) => ({
        buildings: sqlite.prepare('SELECT id, name, district_code, lng, lat FROM buildings ORDER BY id').all(),
        parcels: sqlite.prepare('SELECT id, code, boundary, area FROM parcels ORDER BY id').all(),
        tenants: sqlite.prepare('SELECT id, name, credit_code FROM tenants ORDER BY id').all(),
      }))
    const twin = path.join(dir, 'twin.db')
    const other = path.join(dir, 'other.db')
    expect((await cli('generate', '--db', twin, ...args)).code).toBe(0)
    expect((await cli('generate', '--db', other, '--buildings', '40', '--parcels', '25', '--seed', '8')).code).toBe(0)
    expect(snapshot(twin)).toEqual(snapshot(db))
    const different = snapshot(other)
    expect(different.buildings).not.toEqual(snapshot(db).buildings)
    expect(different.parcels).not.toEqual(snapshot(db).parcels)
  })
})
