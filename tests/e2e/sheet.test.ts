import { execFileSync } from 'node:child_process'
import gcoord from 'gcoord'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sheetHash, type SheetBuilding } from '../../src/shared/sheets'
import { formatArea, formatRate } from '../../src/renderer/src/lib/format'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { rpc } from '../helpers/mapPage'
import { addPhotoFromPage, sheetReady, startMapTileServer } from '../helpers/sheetPage'
import { tempDir } from '../helpers/store'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

// A person picks two buildings on the map, opens their inventory sheet, hides the tenants' names,
// and prints it; then makes a district's handbook from the overview. The PDFs are read back with
// pdftotext, as a reader would search them.

const squeeze = (s: string) => s.replace(/\s+/g, '')

describe('inventory sheet in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let dir: string

  beforeAll(async () => {
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    dir = tempDir('site-atlas-sheet-e2e-')
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await page.screenshot({ path: `test-results/sheet-${context.task.name.slice(0, 40)}.png` })
  })

  const call = <M extends Parameters<typeof rpc>[3]>(method: M, input: Parameters<typeof rpc<M>>[4]) => rpc(page, host.origin, host.token, method, input)
  const printed = async (name: string) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
    return { file, text: squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })) }
  }

  it('prints the two sites picked on the map, without the section the person hid', async () => {
    await page.goto(host.url)
    await page.locator('.site-map[data-buildings-placed]').waitFor()
    const rows = page.locator('.map-list__row')
    const names = [(await rows.nth(0).locator('.map-list__name').textContent())!, (await rows.nth(1).locator('.map-list__name').textContent())!]
    // A photo on the first, to see it printed small.
    const sites = decodeMapSites(await call('map.sites', {}))
    const picked = names.map((n) => sites.buildings.find((b) => b.name === n)!)
    await addPhotoFromPage(page, host.token, { ownerKind: 'building', ownerId: picked[0]!.id })
    await rows.nth(0).locator('.map-list__pick').click()
    await rows.nth(1).locator('.map-list__pick').click()
    await page.locator('[data-sheet-link="picks"]', { hasText: '生成清单 (2)' }).click()

    await sheetReady(page)
    expect(await page.locator('.sheet-site__name').allTextContents()).toEqual(names)
    expect(await page.locator('.sheet-summary tbody tr').count()).toBe(2)
    // The photo is downscaled in the page to print size.
    expect(await page.locator('img.sheet-photo').evaluate((img: HTMLImageElement) => [img.src.slice(0, 23), img.naturalWidth])).toEqual(['data:image/jpeg;base64,', 1200])
    // Each site's map is drawn on the built-in district map, with the site's name on it.
    expect(await page.locator('.sheet-map[data-ready="1"]').count()).toBe(2)
    expect(await page.locator('.sheet-map__label', { hasText: names[0]! }).count()).toBe(1)

    const data = await call('sheets.data', { scope: { kind: 'ids', sites: picked.map((b) => ({ kind: 'building', id: b.id })) } })
    const tenants = data.sites.flatMap((s) => (s as SheetBuilding).tenants)
    expect(tenants.length).toBeGreaterThan(0)
    expect(await page.locator('.sheet-tenants').count()).toBe(2)
    // Once (seen once in CI) a click on the box landed while the page re-rendered and did not take:
    // click until it is off. Noted in the stop's note as a possible bug of the panel.
    const tenantsBox = page.locator('input[name="section.tenants"]')
    await expect.poll(async () => {
      if (await tenantsBox.isChecked()) await tenantsBox.click()
      return tenantsBox.isChecked()
    }).toBe(false)
    await expect.poll(() => page.locator('.sheet-tenants').count()).toBe(0)
    await sheetReady(page)

    const { file, text } = await printed('picks.pdf')
    for (const b of picked) {
      expect(text).toContain(squeeze(b.name))
      expect(text).toContain(squeeze(formatArea(b.vacantArea)))
      expect(text).toContain(squeeze(formatRate(b.vacancyRate)))
      expect(text).toContain(squeeze(formatArea(b.largestVacantBlock)))
    }
    expect(text).toContain('可租空间')
    expect(text).not.toContain('入驻企业（')
    for (const tenant of tenants) expect(text).not.toContain(squeeze(tenant))
    // Small enough to send: a photo of 4000 × 3000 px printed at 1200 px.
    expect(fs.statSync(file).size).toBeLessThan(2_000_000)
  })

  it('makes a district handbook from the overview, with a contents page listing its sites', async () => {
    await page.goto(`${host.url}#/overview`)
    const row = page.locator('tr', { hasText: '浑南区' })
    await row.locator('[data-sheet-link="handbook"]').click()
    await sheetReady(page)
    const sites = decodeMapSites(await call('map.sites', {}))
    const inDistrict = [...sites.buildings, ...sites.parcels, ...sites.parks].filter((s) => s.districtCode === '210112').map((s) => s.name)
    const listed = await page.locator('[data-contents-site]').evaluateAll((els) => els.map((e) => e.getAttribute('data-contents-site')))
    expect([...listed].sort()).toEqual([...inDistrict].sort())
    // Every entry has its page number, in order, after the cover, contents and summary.
    const numbers = (await page.locator('.sheet-contents__row:not(.sheet-contents__row--top) b').allTextContents()).map(Number)
    expect(numbers.every((n, i) => n >= 4 && (i === 0 || n > numbers[i - 1]!))).toBe(true)

    const { file, text } = await printed('handbook.pdf')
    expect(text).toContain('目录')
    expect(text).toContain('招商手册')
    for (const name of inDistrict) expect(text).toContain(squeeze(name))
    // The contents send the reader to the right pages: each listed site is on the page it names.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
    expect(numbers.at(-1)).toBeLessThanOrEqual(pages)
    for (const [i, name] of listed.entries()) {
      const onPage = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(numbers[i]), '-l', String(numbers[i]), file, '-'], { encoding: 'utf8' })
      expect(squeeze(onPage), `${name} on page ${numbers[i]}`).toContain(squeeze(name!))
    }
  })

  it('draws each site on the active tile basemap, shifted to GCJ-02 like the map, and keeps twenty sites small', async () => {
    const tiles = await startMapTileServer()
    try {
      const basemap = await call('basemaps.addOnline', { name: '测试瓦片（GCJ-02）', urlTemplate: tiles.template, crs: 'gcj02', maxZoom: 18 })
      await call('basemaps.setActive', { id: basemap.id })
      const sites = decodeMapSites(await call('map.sites', {}))
      const placed = sites.buildings.filter((b) => b.lng != null).slice(0, 20)
      const scope = { kind: 'ids' as const, sites: placed.map((b) => ({ kind: 'building' as const, id: b.id })) }
      await page.goto(`${host.url}${sheetHash({ scope, print: true })}`)
      await sheetReady(page, 180_000)
      expect(tiles.served()).toBeGreaterThan(0)
      // Tiles are flattened into one picture per map; the site sits at its GCJ-02 position.
      expect(await page.locator('.sheet-map img.sheet-map__tiles').count()).toBe(placed.length)
      const centre = (await page.locator('.sheet-map').first().getAttribute('data-center'))!.split(',').map(Number)
      const [lng, lat] = gcoord.transform([placed[0]!.lng!, placed[0]!.lat!], gcoord.WGS84, gcoord.GCJ02)
      expect(centre[0]).toBeCloseTo(lng, 5)
      expect(centre[1]).toBeCloseTo(lat, 5)
      expect(Math.abs(centre[0]! - placed[0]!.lng!)).toBeGreaterThan(0.003)

      const { file, text } = await printed('tiles.pdf')
      for (const b of placed) expect(text).toContain(squeeze(b.name))
      expect(fs.statSync(file).size).toBeLessThan(10_000_000)
    } finally {
      await call('basemaps.setActive', { id: null })
      await tiles.close()
    }
  }, 240_000)
})
