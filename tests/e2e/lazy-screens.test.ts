import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, recordRequests, startBrowserHost } from '../helpers/browserHost'
import { rpc } from '../helpers/mapPage'
import { recordConsoleErrors } from '../helpers/screen'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

// The map (the home screen) starts without the other screens' code: each screen's code is fetched
// the first time it is shown, from the navigation or by its address, and the map draws and filters
// as before.
describe('screens loaded when used', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let requests: string[]
  const errors: string[] = []

  beforeAll(async () => {
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    requests = recordRequests(page)
    recordConsoleErrors(page, errors)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const chunksOf = (name: string) => requests.filter((url) => new RegExp(`/assets/${name}-[\\w-]+\\.js$`).test(url))

  it('opens the map without the code of the other screens', async () => {
    await page.goto(host.url)
    await page.locator('.site-map[data-buildings-shown]').waitFor()
    for (const screen of ['BuildingListScreen', 'ParcelListScreen', 'SettingsScreen', 'ImportScreen', 'SheetScreen', 'VisitListScreen', 'ExportScreen', 'StatsScreen', 'EChart']) {
      expect(chunksOf(screen), screen).toEqual([])
    }
  })

  it('opens every screen of the navigation, fetching its code on the way', async () => {
    const links = page.locator('.shell__nav nav a')
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    expect(hrefs.length).toBeGreaterThanOrEqual(10)
    for (const href of hrefs) {
      if (href === '#/') continue
      await page.locator(`.shell__nav nav a[href="${href}"]`).click()
      await page.waitForURL((url) => url.hash === href.slice(1) || url.hash === href)
      // The screen's code arrived: its own heading replaced the loading line.
      await page.locator('main.shell__content h1').first().waitFor()
    }
    for (const screen of ['BuildingListScreen', 'ParcelListScreen', 'SettingsScreen', 'ImportScreen', 'VisitListScreen', 'ExportScreen']) {
      expect(chunksOf(screen).length, screen).toBeGreaterThan(0)
    }
    // Back on the map from the navigation, it draws again.
    await page.locator('.shell__nav nav a[href="#/"]').click()
    await page.locator('.site-map[data-buildings-shown]').waitFor()
  })

  it('opens a screen by its address in a fresh page', async () => {
    const [building] = await rpc(page, host.origin, host.token, 'buildings.list', {})
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    const freshRequests = recordRequests(fresh)
    recordConsoleErrors(fresh, errors)
    try {
      await fresh.goto(host.url.replace(/#.*$/, '') + `#/buildings/${building!.id}`)
      await fresh.getByRole('heading', { name: building!.name }).waitFor()
      expect(freshRequests.some((url) => /\/assets\/BuildingDetailScreen-[\w-]+\.js$/.test(url))).toBe(true)
      await fresh.goto(host.url.replace(/#.*$/, '') + '#/settings')
      await fresh.locator('main.shell__content h1').first().waitFor()
    } finally {
      await fresh.close()
    }
  })

  it('filters the map after the other screens were visited', async () => {
    const sites = decodeMapSites(await rpc(page, host.origin, host.token, 'map.sites', {}))
    const superA = sites.buildings.filter((b) => b.grade === 'super_a').length
    await page.locator('[data-filter="grades"]').getByRole('button', { name: '超甲级', exact: true }).click()
    await expect.poll(async () => Number(await page.locator('.map-counts [data-count="buildings"]').getAttribute('data-value'))).toBe(superA)
    await page.getByRole('button', { name: '清除筛选' }).click()
    await expect.poll(async () => Number(await page.locator('.map-counts [data-count="buildings"]').getAttribute('data-value'))).toBe(sites.buildings.length)
  })

  it('logs no console errors and never reaches beyond 127.0.0.1', () => {
    expect(errors).toEqual([])
    expect(requests.filter((url) => !url.startsWith(host.origin))).toEqual([])
  })
})
