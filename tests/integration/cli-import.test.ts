import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { LATEST_SCHEMA_VERSION } from '../../src/main/store/migrations'
import { tempDir } from '../helpers/store'
import { sha256, writeWorkbook } from '../helpers/importSheets'

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const dirs: string[] = []
const dir = () => {
  const d = tempDir()
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

const count = (db: string, table: string) => {
  const sqlite = new BetterSqlite3(db, { readonly: true })
  const n = (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n
  sqlite.close()
  return n
}

const HEADER = ['楼宇名称', '所属区县', '总建筑面积', '可租面积', '空置面积']
const GOOD = ['华润大厦', '沈河区', 50000, 42000, 8000]
const BAD = ['财富中心', '沈河区', 30000, 20000, 25000]

describe('npm run cli -- import', () => {
  it('refuses a file with a rejected row: exit 1, the JSON outcome only on stdout, and an empty migrated store', async () => {
    const d = dir()
    const file = await writeWorkbook(path.join(d, '楼宇.xlsx'), { 楼宇: [HEADER, GOOD, BAD] })
    const db = path.join(d, 'new.db')
    const { code, out } = await cli('import', file, '--db', db, '--json')
    expect(code).toBe(1)
    expect(JSON.parse(out)).toEqual({
      created: 1, updated: 0, kind: 'buildings', sheet: '楼宇', warnings: [],
      rejected: [{ row: 3, column: '空置面积', message: '空置面积：大于可租面积（25000 > 20000）' }],
    })
    expect(count(db, 'buildings')).toBe(0)
    const sqlite = new BetterSqlite3(db, { readonly: true })
    expect(sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect((sqlite.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n).toBe(0)
    sqlite.close()
  })

  it('leaves an existing data file byte for byte unchanged when refused, and writes it with --skip-invalid', { timeout: 30_000 }, async () => {
    const d = dir()
    const file = await writeWorkbook(path.join(d, '楼宇.xlsx'), { 楼宇: [HEADER, GOOD, BAD] })
    const db = path.join(d, 'x.db')
    expect((await cli('demo', '--db', db)).code).toBe(0)
    const before = sha256(db)
    const refused = await cli('import', file, '--db', db)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('第 3 行［空置面积］：空置面积：大于可租面积（25000 > 20000）')
    expect(sha256(db)).toBe(before)

    const dry = await cli('import', file, '--db', db, '--dry-run', '--skip-invalid')
    expect(dry).toMatchObject({ code: 0, out: '（试运行，未写入）将导入：新增 1，更新 0，跳过 1 行有问题的数据（楼宇）' })
    expect(sha256(db)).toBe(before)

    const buildings = count(db, 'buildings')
    const done = await cli('import', file, '--db', db, '--skip-invalid', '--json')
    expect(done.code).toBe(0)
    expect(JSON.parse(done.out)).toMatchObject({ created: 1, updated: 0 })
    expect(count(db, 'buildings')).toBe(buildings + 1)
  })

  it('takes --kind, --crs and --sheet, and says what is wrong with them', async () => {
    const d = dir()
    const file = await writeWorkbook(path.join(d, '楼宇.xlsx'), { 说明: [['本表说明']], 楼宇: [HEADER, GOOD] })
    const db = path.join(d, 'x.db')
    expect(await cli('import', file, '--db', db, '--crs', 'mars')).toMatchObject({ code: 2, err: expect.stringContaining('--crs 应为 wgs84|gcj02|bd09 之一：mars') })
    expect(await cli('import', file, '--db', db, '--kind', 'spaces')).toMatchObject({ code: 2 })
    expect(await cli('import', file, '--db', db, '--sheet', '没有')).toMatchObject({ code: 1, err: '错误：工作表：文件中没有名为“没有”的工作表' })
    expect(await cli('stats', '--db', db, '--crs', 'bd09')).toMatchObject({ code: 2, err: expect.stringContaining('--crs 只用于 import') })
    const ok = await cli('import', file, '--db', db, '--sheet', '楼宇', '--kind', 'buildings', '--crs', 'wgs84')
    expect(ok).toMatchObject({ code: 0, out: '已导入：新增 1，更新 0（楼宇）' })
  })
})
