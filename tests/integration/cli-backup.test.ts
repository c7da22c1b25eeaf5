import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { parseBackupName } from '../../src/shared/backupNames'
import type { StoreFileSummary } from '../../src/shared/backup'
import { tempDir } from '../helpers/store'
import { writeWorkbook } from '../helpers/importSheets'

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

function integrity(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return db.pragma('integrity_check', { simple: true }) as string
  } finally {
    db.close()
  }
}

describe('cli backup', () => {
  let dir: string
  let db: string
  beforeAll(async () => {
    dir = tempDir()
    db = path.join(dir, 'atlas.db')
    expect((await cli('demo', '--db', db)).code).toBe(0)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('without --out: a manual backup in the data folder\'s backups/, the data file unchanged', async () => {
    const before = digest(db)
    const { code, out, err } = await cli('backup', '--db', db)
    expect(err).toBe('')
    expect(code).toBe(0)
    const made = /^已备份到 (.+)（[\d.]+ MB）$/m.exec(out)?.[1]
    expect(made).toBeDefined()
    expect(path.dirname(made!)).toBe(path.join(dir, 'backups'))
    expect(parseBackupName(path.basename(made!))?.reason).toBe('manual')
    expect(out).toMatch(/内容：楼宇 \d+、空间 \d+、企业 \d+、租约 \d+、地块 \d+、园区 10、照片 \d+；最近修改：\S+（\S+）；数据结构版本 \d+/)
    expect(integrity(made!)).toBe('ok')
    expect(digest(db)).toBe(before)
  })

  it('--out writes that file, refuses an existing one without --force, and answers --json', async () => {
    const out = path.join(dir, '交接', 'copy.db')
    fs.mkdirSync(path.dirname(out))
    const first = await cli('backup', '--db', db, '--out', out, '--json')
    expect(first.code).toBe(0)
    const answer = JSON.parse(first.out) as { path: string; bytes: number; summary: StoreFileSummary }
    expect(answer.path).toBe(out)
    expect(answer.bytes).toBe(fs.statSync(out).size)
    expect(answer.summary.counts.parks).toBe(10)
    expect(answer.summary.newestChange).not.toBeNull()

    const again = await cli('backup', '--db', db, '--out', out)
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/^错误：--out：.*已存在；如确需覆盖，请加 --force/)
    fs.writeFileSync(out, 'to be replaced')
    const forced = await cli('backup', '--db', db, '--out', out, '--force')
    expect(forced.code).toBe(0)
    expect(integrity(out)).toBe('ok')
  })

  it('refuses to write over the data file, into a folder, or without a data file', async () => {
    const before = digest(db)
    const self = await cli('backup', '--db', db, '--out', path.join(dir, '.', 'atlas.db'), '--force')
    expect(self.code).toBe(2)
    expect(self.err).toContain('就是数据文件本身')
    expect(digest(db)).toBe(before)
    const folder = await cli('backup', '--db', db, '--out', dir)
    expect(folder.code).toBe(2)
    expect(folder.err).toContain('是一个文件夹')
    const noFolder = await cli('backup', '--db', db, '--out', path.join(dir, 'nowhere', 'x.db'))
    expect(noFolder.code).toBe(2)
    const missing = await cli('backup', '--db', path.join(dir, 'missing.db'))
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('找不到数据文件')
    expect(fs.existsSync(path.join(dir, 'missing.db'))).toBe(false)
    const flag = await cli('backup', '--db', db, '--table', 'x')
    expect(flag.code).toBe(2)
  })

  it('an import that writes is preceded by a before-import backup of the store as it was', async () => {
    const sheet = await writeWorkbook(path.join(dir, '楼宇.xlsx'), { 楼宇: [['楼宇名称', '所属区县', '总建筑面积'], ['备份测试大厦', '沈河区', 50000]] })
    const { code } = await cli('import', sheet, '--db', db)
    expect(code).toBe(0)
    const backups = fs.readdirSync(path.join(dir, 'backups')).filter((name) => parseBackupName(name)?.reason === 'before-import')
    expect(backups).toHaveLength(1)
    const named = (file: string) => {
      const sqlite = new BetterSqlite3(file, { readonly: true })
      try {
        return (sqlite.prepare("SELECT count(*) AS n FROM buildings WHERE name = '备份测试大厦'").get() as { n: number }).n
      } finally {
        sqlite.close()
      }
    }
    expect(named(db)).toBe(1)
    expect(named(path.join(dir, 'backups', backups[0]!))).toBe(0)
  })

  it('calls a damaged data file damaged and makes no backup of it', async () => {
    const broken = path.join(dir, 'broken.db')
    fs.copyFileSync(db, broken)
    fs.truncateSync(broken, Math.floor(fs.statSync(broken).size / 2))
    const listed = () => (fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')).length : 0)
    const before = listed()
    const result = await cli('backup', '--db', broken)
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/^错误：数据文件已损坏/)
    expect(listed()).toBe(before)
  })
})
