import { LATEST_SCHEMA_VERSION } from '../../src/main/store/migrations'
import { openStore } from '../../src/main/store/open'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
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

describe('command line', () => {
  let dir: string
  let db: string
  beforeAll(async () => {
    dir = tempDir()
    db = path.join(dir, 'x.db')
    const demo = await cli('demo', '--db', db)
    expect(demo.err).toBe('')
    expect(demo.code).toBe(0)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('loads the demo and prints real figures as one JSON object', async () => {
    const { code, out } = await cli('stats', '--db', db, '--json')
    expect(code).toBe(0)
    const stats = JSON.parse(out) as InventoryStats
    expect(stats.buildings).toBeGreaterThan(20)
    expect(stats.parcels).toBeGreaterThan(5)
    expect(stats.parks).toBe(10)
    expect(stats.clusters).toBeGreaterThanOrEqual(3)
    expect(stats.vacantArea).toBeGreaterThan(0)
    expect(stats.vacancyRate).toBeCloseTo(stats.vacantArea / stats.leasableArea, 10)
    const shenhe = stats.byDistrict.find((d) => d.code === '210103')
    expect(shenhe).toMatchObject({ name: '沈河区' })
    expect(shenhe!.buildings).toBeGreaterThan(10)
    const summed = stats.byDistrict.reduce((sum, d) => sum + d.leasableArea, 0)
    expect(summed).toBeCloseTo(stats.leasableArea, 6)
  })

  it('prints human figures in Chinese without --json', async () => {
    const { code, out } = await cli('stats', '--db', db)
    expect(code).toBe(0)
    expect(out).toMatch(/楼宇 \d+ 栋/)
    expect(out).toContain('沈河区')
  })

  it('refuses to load the demo twice, pointing at --remove rather than --force, and writes nothing', async () => {
    const before = fs.statSync(db).size
    const count = () => {
      const sqlite = new BetterSqlite3(db, { readonly: true })
      const n = (sqlite.prepare('SELECT count(*) AS n FROM buildings').get() as { n: number }).n
      sqlite.close()
      return n
    }
    const buildings = count()
    const again = await cli('demo', '--db', db)
    expect(again.code).toBe(1)
    expect(again.err).toContain('已载入过演示数据')
    expect(again.err).toContain('--remove')
    expect(again.err).not.toMatch(/--force/)
    expect(again.err.split('\n')).toHaveLength(1)
    expect(count()).toBe(buildings)
    expect(fs.statSync(db).size).toBe(before)
  })

  it('checks a healthy store and prints its schema version', async () => {
    const { code, out } = await cli('check', '--db', db)
    expect(code).toBe(0)
    expect(out).toContain(`数据结构版本：${LATEST_SCHEMA_VERSION}（本程序最新：${LATEST_SCHEMA_VERSION}）`)
    expect(out).toContain('完整性检查：通过')
    expect(out).toContain('外键检查：通过')
  })

  it('fails check on a corrupted file, a foreign file, a newer schema and a missing file', async () => {
    const corrupted = path.join(dir, 'corrupted.db')
    fs.copyFileSync(db, corrupted)
    const fd = fs.openSync(corrupted, 'r+')
    const size = fs.fstatSync(fd).size
    fs.writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096)
    fs.closeSync(fd)
    const broken = await cli('check', '--db', corrupted)
    expect(broken.code).not.toBe(0)
    expect(broken.err).not.toBe('')

    const foreign = path.join(dir, 'foreign.db')
    const other = new BetterSqlite3(foreign)
    other.exec('CREATE TABLE t (x)')
    other.close()
    const notOurs = await cli('check', '--db', foreign)
    expect(notOurs.code).toBe(1)
    expect(notOurs.err).toContain('不是 Site Atlas 数据文件')

    const newer = path.join(dir, 'newer.db')
    fs.copyFileSync(db, newer)
    const sqlite = new BetterSqlite3(newer)
    sqlite.pragma('user_version = 99')
    sqlite.close()
    expect((await cli('check', '--db', newer)).err).toContain('请升级 Site Atlas')
    expect((await cli('stats', '--db', newer, '--json')).code).toBe(1)

    const missing = path.join(dir, 'missing.db')
    const absent = await cli('stats', '--db', missing)
    expect(absent.code).toBe(1)
    expect(absent.err).toContain('找不到数据文件')
    expect(fs.existsSync(missing)).toBe(false)
  })

  it('answers usage errors with exit code 2', async () => {
    expect((await cli('stats')).code).toBe(2)
    expect((await cli('frobnicate', '--db', db)).code).toBe(2)
    expect((await cli('stats', '--db', db, '--bogus')).code).toBe(2)
  })

  it('keeps stdout to the JSON alone when run as a process', () => {
    const root = path.resolve(import.meta.dirname, '../..')
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/main/cli/main.ts', 'stats', '--db', db, '--json'], { cwd: root, encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(() => JSON.parse(result.stdout)).not.toThrow()
    expect(result.stdout.trim().split('\n')).toHaveLength(1)
    // A whole process through tsx: seconds on a busy machine, so more than the default 5 s.
  }, 30_000)

  it('reads without writing: stats leaves the file byte for byte, and an empty database is no store', async () => {
    const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    const before = digest(db)
    expect((await cli('stats', '--db', db, '--json')).code).toBe(0)
    expect(digest(db)).toBe(before)

    const empty = path.join(dir, 'empty.db')
    fs.writeFileSync(empty, '')
    for (const command of ['check', 'stats']) {
      const { code, err } = await cli(command, '--db', empty)
      expect(code).not.toBe(0)
      expect(err).toContain('不是 Site Atlas 数据文件（空的数据库）')
    }
    expect(fs.statSync(empty).size).toBe(0)
  })

  it('asks for an upgrade rather than upgrading an older file when only reading it', async () => {
    const older = path.join(dir, 'older.db')
    const store = await openStore(older, { migrateTo: '001_initial' })
    await store.close()
    const before = fs.readFileSync(older)
    const { code, err } = await cli('stats', '--db', older)
    expect(code).not.toBe(0)
    expect(err).toContain('请先用 Site Atlas 打开一次以升级')
    expect(fs.readFileSync(older).equals(before)).toBe(true)
  })
})
