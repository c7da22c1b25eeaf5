import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { tempDir } from '../helpers/store'

// What a new user trips over on the command line: removing the demo, --db paths, flag errors.

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const count = (file: string, query: string) => {
  const sqlite = new BetterSqlite3(file, { readonly: true })
  try {
    return (sqlite.prepare(query).get() as { n: number }).n
  } finally {
    sqlite.close()
  }
}

describe('command line, first hour', () => {
  let dir: string
  beforeEach(() => {
    dir = tempDir()
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('demo --remove on a file that is not there says so and makes no file', async () => {
    const db = path.join(dir, 'mistyped.db')
    const removed = await cli('demo', '--db', db, '--remove')
    expect(removed.code).toBe(1)
    expect(removed.err).toContain('找不到数据文件')
    expect(fs.existsSync(db)).toBe(false)
  })

  it('demo --force on a store that holds the demo says it is loaded, and demo --remove takes it out', async () => {
    const db = path.join(dir, 'x.db')
    expect((await cli('demo', '--db', db)).code).toBe(0)
    const forced = await cli('demo', '--db', db, '--force')
    expect(forced.code).toBe(1)
    expect(forced.err).toContain('已载入过演示数据')
    expect(forced.err).toContain(`demo --db ${db} --remove`)

    const removed = await cli('demo', '--db', db, '--remove')
    expect(removed.err).toBe('')
    expect(removed.code).toBe(0)
    expect(removed.out).toMatch(/^已从 .* 移除演示数据 \d+ 条$/)
    expect(count(db, 'SELECT count(*) AS n FROM buildings WHERE deleted_at IS NULL')).toBe(0)
    expect(count(db, 'SELECT count(*) AS n FROM spaces WHERE deleted_at IS NULL')).toBe(0)
    // Now the demo loads again without --force.
    expect((await cli('demo', '--db', db)).code).toBe(0)
    expect(count(db, 'SELECT count(*) AS n FROM buildings WHERE deleted_at IS NULL')).toBeGreaterThan(20)

    const stats = await cli('stats', '--db', db, '--remove')
    expect(stats.code).toBe(2)
    expect(stats.err.split('\n')[0]).toBe('错误：参数有误：--remove 只用于 demo / --remove is for demo only')
  })

  it('demo --remove lists and keeps a demo building someone edited', async () => {
    const db = path.join(dir, 'x.db')
    await cli('demo', '--db', db)
    const sqlite = new BetterSqlite3(db)
    const building = sqlite.prepare('SELECT id, name FROM buildings LIMIT 1').get() as { id: string; name: string }
    sqlite.close()
    const { openTestApp } = await import('../helpers/store')
    const app = await openTestApp(db)
    await app.ok('buildings.update', { id: building.id, name: '改过的楼' })
    await app.close()

    const removed = await cli('demo', '--db', db, '--remove')
    expect(removed.code).toBe(0)
    expect(removed.out.split('\n').slice(0, 2)).toEqual(['以下演示记录有人修改过，予以保留：', '  楼宇 改过的楼（改过的字段：name）'])
    expect(count(db, 'SELECT count(*) AS n FROM buildings WHERE deleted_at IS NULL')).toBe(1)
    expect(count(db, 'SELECT count(*) AS n FROM buildings WHERE deleted_at IS NULL AND is_demo = 1')).toBe(0)
  })

  it('refuses a --db file in a folder that does not exist, and makes no folder', async () => {
    const missing = path.join(dir, 'no-such-folder')
    const result = await cli('demo', '--db', path.join(missing, 'x.db'))
    expect(result.code).toBe(1)
    expect(result.err).toBe(`错误：--db：文件夹 ${missing} 不存在，请检查路径是否有误 / the folder ${missing} does not exist`)
    expect(fs.existsSync(missing)).toBe(false)
  })

  it('says so when --db names a folder', async () => {
    for (const command of ['demo', 'stats', 'check']) {
      const result = await cli(command, '--db', dir)
      expect(result.code).toBe(1)
      expect(result.err).toBe(`错误：--db：${dir} 是一个文件夹，请给出其中的数据文件，如 ${path.join(dir, 'atlas.db')} / --db names a folder, not a data file`)
    }
  })

  it('answers flag errors in one Chinese line with the English after it, then the usage', async () => {
    const missing = await cli('stats', '--db')
    expect(missing.code).toBe(2)
    const [first, second] = missing.err.split('\n')
    expect(first).toBe("错误：参数有误：--db 后面缺少取值 / Option '--db <value>' argument missing")
    expect(second).toMatch(/^用法 \/ usage/)

    expect((await cli('stats', '--bogus')).err.split('\n')[0]).toBe("错误：参数有误：没有 --bogus 这个选项 / Unknown option '--bogus'.")
    expect((await cli('stats', '--json=1', '--db', 'x')).err.split('\n')[0]).toBe("错误：参数有误：--json 是开关，不带取值 / Option '--json' does not take an argument")
    expect((await cli('stats', '--db', '--json')).err.split('\n')[0]).toMatch(/^错误：参数有误：--db 后面缺少取值（下一个参数以 - 开头；如果它就是取值，请写成 --db=取值） \/ Option '--db' argument is ambiguous\.$/)
    // An error that is not about the flags comes without the usage.
    const folder = await cli('stats', '--db', dir)
    expect(folder.err.split('\n')).toHaveLength(1)
  })
})
