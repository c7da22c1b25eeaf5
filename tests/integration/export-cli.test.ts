import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { WORKBOOK } from '../../src/main/services/workbook/columns'
import { addKnownRows } from '../helpers/exports'
import { openTestApp, tempDir } from '../helpers/store'

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('npm run cli -- export', () => {
  let dir: string
  let db: string
  let before: string

  beforeAll(async () => {
    dir = tempDir()
    db = path.join(dir, 'atlas.db')
    const app = await openTestApp(db)
    await addKnownRows(app)
    await app.ok('savedSearches.create', { name: '测试地块查询', filter: { text: '测试地块' }, area: null })
    await app.services.shutdown()
    await app.store.close()
    before = sha256(db)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('writes the workbook, a CSV table and GeoJSON, leaving the data file unchanged', async () => {
    const xlsx = path.join(dir, 'out', '全部.xlsx')
    const result = await cli('export', '--db', db, '--format', 'xlsx', '--out', xlsx)
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    expect(result.out).toContain('已导出')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(xlsx)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(WORKBOOK.map((s) => s.sheet))
    expect(workbook.getWorksheet('地块')!.rowCount).toBe(2)

    const csv = path.join(dir, 'parcels.csv')
    expect((await cli('export', '--db', db, '--format', 'csv', '--table', 'parcels', '--out', csv)).code).toBe(0)
    expect(fs.readFileSync(csv, 'utf8')).toMatch(/^\ufeff编号,地块编号,地块名称/)

    const geojson = path.join(dir, 'search.geojson')
    expect((await cli('export', '--db', db, '--format', 'geojson', '--search', '测试地块查询', '--out', geojson)).code).toBe(0)
    const features = JSON.parse(fs.readFileSync(geojson, 'utf8')).features as Array<{ properties: { name: string } }>
    expect(features.map((f) => f.properties.name)).toEqual(['测试地块'])

    expect(sha256(db)).toBe(before)
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.part'))).toEqual([])
  })

  it('says clearly what is wrong: unknown saved search, bad format or table, missing --out', async () => {
    const unknown = await cli('export', '--db', db, '--format', 'xlsx', '--search', '不存在的查询', '--out', path.join(dir, 'x.xlsx'))
    expect(unknown.code).toBe(1)
    expect(unknown.err).toBe('错误：找不到名为“不存在的查询”的保存的查询')
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false)
    expect((await cli('export', '--db', db, '--format', 'pdf', '--out', 'x')).err).toContain('--format 应为 xlsx/csv/geojson 之一')
    expect((await cli('export', '--db', db, '--format', 'csv', '--table', 'photos', '--out', 'x')).code).toBe(2)
    expect((await cli('export', '--db', db, '--format', 'xlsx')).err).toContain('缺少 --out')
    expect((await cli('stats', '--db', db, '--out', 'x')).err).toContain('--out 只用于 export')
    expect(sha256(db)).toBe(before)
  })
})
