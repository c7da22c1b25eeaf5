import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { lngLatToPage, mapGeometry, rpc } from '../helpers/mapPage'
import { recordConsoleErrors } from '../helpers/screen'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

// Buildings and parcels are painted onto the map's one canvas, not made one element each: a person
// still points at a building or a parcel on the map to see its name and clicks it to open its card,
// with the building found above the parcel it stands on.
describe('sites painted on the map canvas', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    recordConsoleErrors(page, errors)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const call = <M extends Parameters<typeof rpc>[3]>(method: M, input: Parameters<typeof rpc<M>>[4]) => rpc(page, host.origin, host.token, method, input)

  /** Opens the map looking at a point at a zoom, as a kept view would. */
  async function openAt(point: [number, number], zoom: number): Promise<void> {
    await call('settings.set', { key: 'map.view', value: JSON.stringify({ center: point, zoom }) })
    await call('settings.set', { key: 'map.filter', value: '{}' })
    await page.goto(host.url)
    await page.locator('.site-map[data-buildings-shown]').waitFor()
  }

  it('shows a building’s name on hover and opens its card on a click', async () => {
    const sites = decodeMapSites(await call('map.sites', {}))
    const building = sites.buildings.find((b) => b.lng != null && b.lat != null)!
    // Zoom 17 is past the clustering: every building is its own circle.
    await openAt([building.lng!, building.lat!], 17)
    const [x, y] = lngLatToPage(await mapGeometry(page), [building.lng!, building.lat!])
    await page.mouse.move(x, y)
    await expect.poll(() => page.locator('.leaflet-tooltip').textContent()).toContain(building.name)
    await page.mouse.click(x, y)
    await expect.poll(() => page.locator('.site-card').getAttribute('data-card')).toBe(`building:${building.id}`)
    await page.locator('.site-card').getByRole('button', { name: '关闭' }).click()
  })

  it('opens a parcel’s card from a click inside it, and lets a tool take the click instead', async () => {
    const sites = decodeMapSites(await call('map.sites', {}))
    const buildings = sites.buildings.filter((b) => b.lng != null)
    // A parcel with no building within 60 m of its middle, so the click lands on the parcel only.
    const parcel = sites.parcels.find(
      (p) => p.boundary && p.lng != null && buildings.every((b) => Math.hypot((b.lng! - p.lng!) * 83_000, (b.lat! - p.lat!) * 111_000) > 60),
    )!
    await openAt([parcel.lng!, parcel.lat!], 17)
    const [x, y] = lngLatToPage(await mapGeometry(page), [parcel.lng!, parcel.lat!])
    await page.mouse.move(x, y)
    await expect.poll(() => page.locator('.leaflet-tooltip').textContent()).toContain(parcel.code)
    await page.mouse.click(x, y)
    await expect.poll(() => page.locator('.site-card').getAttribute('data-card')).toBe(`parcel:${parcel.id}`)
    await page.locator('.site-card').getByRole('button', { name: '关闭' }).click()
    await page.locator('.site-card').waitFor({ state: 'detached' })

    // While measuring, the same click is a point of the measurement, not a selection.
    await page.getByRole('button', { name: '量距离', exact: true }).click()
    await expect.poll(() => page.locator('.site-map').getAttribute('data-tool')).toBe('measure')
    await expect.poll(() => page.locator('.site-map').getAttribute('data-tool-loading')).toBeNull()
    await page.mouse.click(x, y)
    await page.mouse.dblclick(x + 120, y)
    await expect.poll(async () => Number(await page.locator('.map-hint').getAttribute('data-reading'))).toBeGreaterThan(0)
    expect(await page.locator('.site-card').count()).toBe(0)
    await page.getByRole('button', { name: '退出工具' }).click()
  })

  it('logs no console errors', () => {
    expect(errors).toEqual([])
  })
})
