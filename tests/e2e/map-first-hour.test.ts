import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { countOf, lngLatToPage, mapGeometry, mapSettled, rpc } from '../helpers/mapPage'
import { recordConsoleErrors } from '../helpers/screen'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

// Issue 9, items 1–4: the map as a new user meets it on a laptop (1280×720) and a large screen.
// Positions are read on screen: where the selected site's ring is against the card, the legend and
// the controls; where a park's badge is against the bubble it belongs to.

type Box = { left: number; top: number; right: number; bottom: number }
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
const SHOTS = 'test-results/map-first-hour'

describe('the map in the first hour', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    recordConsoleErrors(page, errors)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const call = <M extends Parameters<typeof rpc>[3]>(method: M, input: Parameters<typeof rpc<M>>[4]) => rpc(page, host.origin, host.token, method, input)
  const legendOpen = async () => (await page.locator('.map-legend__toggle').getAttribute('aria-expanded')) === 'true'
  const boxes = (selector: string) =>
    page.locator(selector).evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
    )
  /** Opens the app afresh (a goto that changes only the address's hash would not reload it). */
  async function openMap(): Promise<void> {
    await page.goto(host.url)
    await page.reload()
    await page.locator('.site-map[data-buildings-shown]').waitFor()
  }
  /** Opens the map at a kept view with no filter (set while away from the map, so the open map's own writes cannot follow ours). */
  async function openAt(view: { center: [number, number]; zoom: number }): Promise<void> {
    if (!page.url().startsWith(host.origin)) await page.goto(host.url)
    await page.evaluate(() => (window.location.hash = '#/settings'))
    await page.locator('.settings').waitFor()
    await call('settings.set', { key: 'map.view', value: JSON.stringify(view) })
    await call('settings.set', { key: 'map.filter', value: '{}' })
    await openMap()
  }
  async function choose(name: string): Promise<void> {
    await page.locator('input[name="filter.text"]').fill(name)
    await page.getByRole('tab', { name: /楼宇/ }).click()
    await page.locator('.map-list__row', { hasText: name }).first().click()
    await page.locator('.site-card', { hasText: name }).waitFor()
    await mapSettled(page)
  }

  /** The selected site's ring: wholly on the map, under no card, legend or control, and reached by a click at its middle. */
  async function expectClear(name: string): Promise<void> {
    const ring = (await boxes('.selected-site'))[0]!
    const map = (await boxes('.site-map'))[0]!
    // Wholly on the map…
    expect(ring.left, name).toBeGreaterThanOrEqual(map.left)
    expect(ring.right, name).toBeLessThanOrEqual(map.right)
    expect(ring.top, name).toBeGreaterThanOrEqual(map.top)
    expect(ring.bottom, name).toBeLessThanOrEqual(map.bottom)
    // …under nothing that floats over it…
    for (const selector of ['.site-card', '.map-legend', '.map-corner', '.leaflet-control-zoom', '.leaflet-bottom.leaflet-right .leaflet-control']) {
      for (const box of await boxes(selector)) expect(overlap(ring, box), `${name} under ${selector}`).toBe(false)
    }
    // …and the click at its middle reaches it.
    const middle = { x: (ring.left + ring.right) / 2, y: (ring.top + ring.bottom) / 2 }
    const hit = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.selected-site'), middle)
    expect(hit, name).toBe(true)
    const under = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-map-overlay]') === null, middle)
    expect(under, name).toBe(true)
  }

  it('starts with the legend folded on a small window, and keeps it as the person leaves it', async () => {
    await openMap()
    expect(await legendOpen()).toBe(false)
    await page.locator('.map-legend__toggle').click()
    await page.reload()
    await page.locator('.site-map[data-buildings-shown]').waitFor()
    await expect.poll(legendOpen).toBe(true)
    expect(JSON.parse((await call('settings.get', {}))['map.legend']!)).toEqual({ open: true })
    // Folded, it stays folded, also on a tall window.
    await page.locator('.map-legend__toggle').click()
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.reload()
    await page.locator('.site-map[data-buildings-shown]').waitFor()
    await expect.poll(legendOpen).toBe(false)
    await page.setViewportSize({ width: 1280, height: 720 })
  })

  for (const [width, height] of [[1280, 720], [1366, 768], [1920, 1080]] as const) {
    it(`shows a chosen site clear of the card, the open legend and the controls at ${width}×${height}`, async () => {
      await page.setViewportSize({ width, height })
      await openMap()
      if (!(await legendOpen())) await page.locator('.map-legend__toggle').click()
      const sites = decodeMapSites(await call('map.sites', {}))
      const names = ['茂业中心', ...sites.buildings.filter((b) => b.lng != null && b.districtCode.startsWith('2101')).map((b) => b.name).slice(0, 4)]
      for (const name of names) {
        await choose(name)
        await expectClear(name)
        if (name === '茂业中心' && width !== 1366) await page.screenshot({ path: `${SHOTS}/selected-${width}x${height}.png` })
      }
      await page.locator('input[name="filter.text"]').fill('')
      await page.locator('.site-card').getByRole('button', { name: '关闭' }).click()
      await page.locator('.map-legend__toggle').click()
    })
  }

  it('keeps the chosen site clear when the legend is opened over it', async () => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await openMap()
    if (await legendOpen()) await page.locator('.map-legend__toggle').click()
    const sites = decodeMapSites(await call('map.sites', {}))
    for (const b of sites.buildings.filter((x) => x.lng != null && x.districtCode.startsWith('2101')).slice(0, 3)) {
      await choose(b.name)
      await expectClear(b.name)
      await page.locator('.map-legend__toggle').click()
      await mapSettled(page)
      await expectClear(b.name)
      await page.locator('.map-legend__toggle').click()
    }
    await page.locator('input[name="filter.text"]').fill('')
    await page.locator('.site-card').getByRole('button', { name: '关闭' }).click()
  })

  it('moves to a district chosen in another city, and frames every kept site with 显示全部', async () => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await openMap()
    const gongshu = (await call('buildings.list', { districtCode: '330105' })).filter((b) => b.lng != null)
    expect(gongshu.length).toBeGreaterThan(0)
    await page.locator('[data-filter="districtCodes"]').getByRole('button', { name: '拱墅区', exact: true }).click()
    await mapSettled(page)
    const g = await mapGeometry(page)
    for (const b of gongshu) {
      const [x, y] = lngLatToPage(g, [b.lng!, b.lat!])
      expect(x, b.name).toBeGreaterThan(g.left)
      expect(x, b.name).toBeLessThan(g.left + g.width)
      expect(y, b.name).toBeGreaterThan(g.top)
      expect(y, b.name).toBeLessThan(g.top + g.height)
    }
    await expect.poll(async () => Number(await page.locator('.site-map').getAttribute('data-buildings-shown'))).toBe(gongshu.length)
    await page.getByRole('button', { name: '清除筛选' }).click()
    await page.locator('[data-action="show-all"]').click()
    await mapSettled(page)
    const sites = decodeMapSites(await call('map.sites', {}))
    const placed = sites.buildings.filter((b) => b.lng != null)
    await expect.poll(async () => Number(await page.locator('.site-map').getAttribute('data-buildings-shown'))).toBe(placed.length)
    const all = await mapGeometry(page)
    const corner = (await boxes('.map-corner'))[0]!
    for (const b of placed) {
      const [x, y] = lngLatToPage(all, [b.lng!, b.lat!])
      expect(x, b.name).toBeGreaterThan(all.left)
      expect(x, b.name).toBeLessThan(all.left + all.width)
      expect(y, b.name).toBeGreaterThan(corner.bottom)
      expect(y, b.name).toBeLessThan(all.top + all.height)
    }
    await page.screenshot({ path: `${SHOTS}/show-all-1280x720.png` })
    // Back to 拱墅区, for a person to see the district in the other city.
    await page.locator('[data-filter="districtCodes"]').getByRole('button', { name: '拱墅区', exact: true }).click()
    await mapSettled(page)
    await page.screenshot({ path: `${SHOTS}/district-gongshu-1280x720.png` })
    await page.getByRole('button', { name: '清除筛选' }).click()
  })

  it('says so when the kept view holds no site, and offers 显示全部', async () => {
    await openAt({ center: [100.2, 31.5], zoom: 13 })
    const notice = page.locator('[data-nothing-in-view]')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('此处没有符合条件的资源')
    await page.screenshot({ path: `${SHOTS}/nothing-in-view-1280x720.png` })
    await notice.getByRole('button', { name: '显示全部' }).click()
    await notice.waitFor({ state: 'detached' })
    await expect.poll(async () => Number(await page.locator('.site-map').getAttribute('data-buildings-shown'))).toBeGreaterThan(0)
  })

  it('closes the card of a site the filter has just hidden', async () => {
    await openMap()
    const [hunnan] = (await call('buildings.list', { districtCode: '210112' })).filter((b) => b.lng != null)
    await choose(hunnan!.name)
    await page.locator('input[name="filter.text"]').fill('')
    expect(await page.locator('.site-card').getAttribute('data-card')).toBe(`building:${hunnan!.id}`)
    await page.locator('[data-filter="districtCodes"]').getByRole('button', { name: '拱墅区', exact: true }).click()
    await page.locator('.site-card').waitFor({ state: 'detached' })
    expect(await countOf(page, 'buildings')).toBeGreaterThan(0)
    await page.getByRole('button', { name: '清除筛选' }).click()
  })

  it('keeps both a park’s badge and the bubble it stands beside clickable', async () => {
    // Shenyang, where the demo's parks are.
    const shenyang = { center: [123.43, 41.8] as [number, number], zoom: 12 }
    await openAt(shenyang)
    const grouped = page.locator('.park-badge span[data-beside^="cluster:"]')
    // Zoomed out until some park's host building is grouped into a bubble.
    for (let i = 0; i < 6 && (await grouped.count()) === 0; i++) {
      await page.locator('.leaflet-control-zoom-out').click()
      await mapSettled(page)
    }
    expect(await grouped.count()).toBeGreaterThan(0)
    // The bubble nearest the map's middle (one at an edge may be under a control).
    const g0 = await mapGeometry(page)
    const candidates = await Promise.all(
      (await grouped.all()).map(async (el, i) => {
        const at = (await el.getAttribute('data-beside-at'))!.split(',').map(Number) as [number, number]
        const [x, y] = lngLatToPage(g0, at)
        return { i, at, d: Math.hypot(x - g0.left - g0.width / 2, y - g0.top - g0.height / 2) }
      }),
    )
    const nearest = candidates.sort((a, b) => a.d - b.d)[0]!
    expect(nearest.d).toBeLessThan(Math.min(g0.width, g0.height) / 2 - 40)
    const span = grouped.nth(nearest.i)
    const radius = Number(await span.getAttribute('data-beside-radius'))
    const [cx, cy] = lngLatToPage(g0, nearest.at)
    const badge = (await boxes('.park-badge span[data-beside^="cluster:"]'))[nearest.i]!
    // Beside the bubble, not over it: the bubble's middle and most of its disc are uncovered.
    expect(overlap(badge, { left: cx - radius * 0.7, top: cy - radius * 0.7, right: cx + radius * 0.7, bottom: cy + radius * 0.7 })).toBe(false)
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, { x: cx, y: cy })).toBe('CANVAS')

    // The badge keeps its element over a small pan: badges are not made again on every move.
    await span.evaluate((el) => ((el as HTMLElement).dataset.kept = 'yes'))
    const g = await mapGeometry(page)
    const [sx, sy] = [g.left + g.width * 0.5, g.top + g.height * 0.85]
    await page.mouse.move(sx, sy)
    await page.mouse.down()
    await page.mouse.move(sx + 15, sy + 10, { steps: 3 })
    await page.mouse.up()
    await mapSettled(page)
    expect(await page.locator('.park-badge span[data-kept="yes"]').count()).toBe(1)

    // The badge opens its park (or, for several, zooms in on them) …
    const ids = (await span.getAttribute('data-park-id'))!.split(' ')
    const zoom = Number(await page.locator('.site-map').getAttribute('data-zoom'))
    await span.click()
    if (ids.length === 1) await expect.poll(() => page.locator('.site-card').getAttribute('data-card')).toBe(`park:${ids[0]}`)
    else await expect.poll(async () => Number(await page.locator('.site-map').getAttribute('data-zoom'))).toBeGreaterThan(zoom)
    // … and a click in the middle of a bubble with a badge beside it zooms in.
    await openAt(shenyang)
    for (let i = 0; i < 6 && (await grouped.count()) === 0; i++) {
      await page.locator('.leaflet-control-zoom-out').click()
      await mapSettled(page)
    }
    const before = await mapGeometry(page)
    const [bx, by] = lngLatToPage(before, nearest.at)
    await page.mouse.click(bx, by)
    await expect.poll(async () => Number(await page.locator('.site-map').getAttribute('data-zoom'))).toBeGreaterThan(before.zoom)
  })

  it('says on the card where a site is: its address and its cluster, or the nearest', async () => {
    await openAt({ center: [123.43, 41.8], zoom: 12 })
    const sites = decodeMapSites(await call('map.sites', {}))
    const inCluster = sites.buildings.find((b) => b.clusterId && b.address && b.lng != null)!
    await choose(inCluster.name)
    const card = page.locator('.site-card')
    expect(await card.locator('[data-place-address]').textContent()).toBe(`地址：${inCluster.address}`)
    const cluster = sites.clusters.find((c) => c.id === inCluster.clusterId)!
    expect(await card.locator('[data-place-cluster]').textContent()).toBe(`所属聚集区：${cluster.name}`)
    // A parcel has no address: the nearest building and cluster, with how far they are.
    await page.locator('input[name="filter.text"]').fill('')
    const parcel = sites.parcels.find((p) => p.lng != null && p.districtCode.startsWith('2101'))!
    await page.locator('input[name="filter.text"]').fill(parcel.code)
    await page.getByRole('tab', { name: /地块/ }).click()
    await page.locator('.map-list__row', { hasText: parcel.code }).click()
    await expect.poll(() => card.getAttribute('data-card')).toBe(`parcel:${parcel.id}`)
    expect(await card.locator('[data-place-near]').textContent()).toMatch(/^附近楼宇：.+（[\d.]+ (米|公里)）$/)
    expect(await card.locator('[data-place-cluster]').textContent()).toMatch(/^最近聚集区：.+（[\d.]+ (米|公里)）$/)
    await page.locator('input[name="filter.text"]').fill('')
    await card.getByRole('button', { name: '关闭' }).click()
  })

  it('leads from the basemap switch to the three ways of getting a street map', async () => {
    await openMap()
    await page.locator('[data-link="basemap-help"]').click()
    const ways = page.locator('[data-basemap-ways] li')
    await expect.poll(() => ways.count()).toBe(3)
    const texts = await ways.allTextContents()
    expect(texts[0]).toContain('.mbtiles')
    expect(texts[1]).toContain('缓存')
    expect(texts[2]).toContain('下载此区域')
    // Scrolled to, so it is in the window.
    const box = (await page.locator('[data-section="basemaps"] h2').boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeLessThan(720)
  })

  it('labels the districts again after zooming out past the city overview and back', async () => {
    await openAt({ center: [123.43, 41.8], zoom: 10 })
    await expect.poll(() => page.locator('.district-label', { hasText: '沈河区' }).count()).toBe(1)
    const shown = Number(await page.locator('.site-map').getAttribute('data-districts-shown'))
    for (let i = 0; i < 3; i++) {
      await page.locator('.leaflet-control-zoom-out').click()
      await mapSettled(page)
    }
    expect(Number(await page.locator('.site-map').getAttribute('data-zoom'))).toBe(7)
    await expect.poll(() => page.locator('.district-label').count()).toBe(0)
    for (let i = 0; i < 3; i++) {
      await page.locator('.leaflet-control-zoom-in').click()
      await mapSettled(page)
    }
    await expect.poll(() => page.locator('.district-label', { hasText: '沈河区' }).count()).toBe(1)
    await expect.poll(async () => Number(await page.locator('.site-map').getAttribute('data-districts-shown'))).toBeGreaterThanOrEqual(shown)
  })

  it('logs no console errors', () => {
    expect(errors).toEqual([])
  })
})
