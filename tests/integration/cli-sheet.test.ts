import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import type { MapSites } from '../../src/shared/mapSites'
import { formatArea, formatRate } from '../../src/renderer/src/lib/format'
import { openTestApp, tempDir } from '../helpers/store'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

// `npm run cli -- sheet`: the sheet page printed by the system's Chromium through the browser
// host's server in-process, checked with pdftotext as a reader of the PDF would find it.

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** The PDF's text with all white space removed, so a name broken over two lines still matches. */
const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
const squeeze = (s: string) => s.replace(/\s+/g, '')

describe('cli sheet', () => {
  let dir: string
  let db: string
  let sites: MapSites
  beforeAll(async () => {
    dir = tempDir()
    db = path.join(dir, 'demo.db')
    expect((await cli('demo', '--db', db)).code).toBe(0)
    const app = await openTestApp(db)
    sites = decodeMapSites(await app.ok('map.sites', {}))
    await app.ok('savedSearches.create', { name: '浑南推介', filter: { districtCodes: ['210112'] }, area: null })
    await app.ok('settings.set', { key: 'sheet.contact', value: JSON.stringify({ organisation: '沈河区投资促进局', name: '李娜', phone: '024-22223333', address: null }) })
    await app.close()
  }, 60_000)
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('prints the picked sites of every kind with their names and figures as text', async () => {
    const buildings = sites.buildings.filter((b) => b.vacantArea > 0).slice(0, 3)
    const parcel = sites.parcels.find((p) => p.boundary && p.area)!
    const park = sites.parks[0]!
    const out = path.join(dir, 'picks.pdf')
    const ids = [...buildings.map((b) => b.id), parcel.id, park.id].join(',')
    const result = await cli('sheet', '--db', db, '--out', out, '--ids', ids)
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    expect(result.out).toContain('5 处资源')
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')
    const text = pdfText(out)
    for (const b of buildings) {
      expect(text).toContain(squeeze(b.name))
      expect(text).toContain(squeeze(formatArea(b.vacantArea)))
      expect(text).toContain(squeeze(formatRate(b.vacancyRate)))
      expect(text).toContain(squeeze(formatArea(b.largestVacantBlock)))
    }
    expect(text).toContain(squeeze(parcel.name))
    expect(text).toContain(parcel.code)
    expect(text).toContain(squeeze(formatArea(parcel.area)))
    expect(text).toContain(squeeze(park.name))
    // The cover carries the contact from the settings.
    expect(text).toContain('沈河区投资促进局')
    expect(text).toContain('024-22223333')
    // Cover, summary, then at least one page per site.
    expect(pageCount(out)).toBeGreaterThanOrEqual(7)
  }, 240_000)

  it('prints a district handbook with a contents page, and a saved search by name', async () => {
    const out = path.join(dir, 'handbook.pdf')
    const result = await cli('sheet', '--db', db, '--out', out, '--district', '210112', '--handbook')
    expect(result.code).toBe(0)
    const text = pdfText(out)
    expect(text).toContain('目录')
    const inDistrict = [...sites.buildings, ...sites.parcels, ...sites.parks].filter((s) => s.districtCode === '210112')
    expect(inDistrict.length).toBeGreaterThan(3)
    for (const s of inDistrict) expect(text).toContain(squeeze(s.name))

    const searched = path.join(dir, 'search.pdf')
    expect((await cli('sheet', '--db', db, '--out', searched, '--search', '浑南推介')).code).toBe(0)
    const searchText = pdfText(searched)
    expect(searchText).toContain('浑南推介')
    for (const s of inDistrict) expect(searchText).toContain(squeeze(s.name))
  }, 240_000)

  it('says in one line, in Chinese and English, that no Chromium was found, and writes nothing', async () => {
    const saved = process.env.CHROMIUM_PATH
    process.env.CHROMIUM_PATH = path.join(dir, 'no-such-chromium')
    try {
      const out = path.join(dir, 'none.pdf')
      const result = await cli('sheet', '--db', db, '--out', out)
      expect(result.code).toBe(1)
      expect(result.err.split('\n')).toHaveLength(1)
      expect(result.err).toMatch(/找不到 Chromium.*Chromium not found/)
      expect(fs.existsSync(out)).toBe(false)
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = saved
    }
  })

  it('refuses unknown ids, an unknown saved search and a missing --out with a sentence', async () => {
    const out = path.join(dir, 'x.pdf')
    expect(await cli('sheet', '--db', db, '--out', out, '--ids', 'no-such-id')).toMatchObject({ code: 1, err: expect.stringContaining('--ids：找不到这些资源：no-such-id') })
    expect(await cli('sheet', '--db', db, '--out', out, '--search', '没有这个查询')).toMatchObject({ code: 1, err: expect.stringContaining('找不到名为“没有这个查询”') })
    expect(await cli('sheet', '--db', db)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --out') })
    expect(await cli('stats', '--db', db, '--handbook')).toMatchObject({ code: 2, err: expect.stringContaining('--handbook 只用于 sheet') })
    expect(fs.existsSync(out)).toBe(false)
  })
})
