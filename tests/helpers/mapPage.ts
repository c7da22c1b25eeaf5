import type { Page } from 'playwright-core'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'

// Reading and driving the map screen as a person does (clicks at screen positions), and checking
// the results independently: Web Mercator arithmetic done here, not by the app's own code.

const TILE = 256

export interface MapGeometry {
  left: number
  top: number
  width: number
  height: number
  /** The map's centre in the basemap's coordinates, as Leaflet reports it. */
  center: [number, number]
  zoom: number
}

export async function mapGeometry(page: Page): Promise<MapGeometry> {
  // Only a still map has a geometry: after a reload or a selection the map may still be panning.
  await mapSettled(page)
  const map = page.locator('.site-map')
  const box = (await map.boundingBox())!
  const center = (await map.getAttribute('data-center'))!.split(',').map(Number) as [number, number]
  const zoom = Number(await map.getAttribute('data-zoom'))
  return { left: box.x, top: box.y, width: box.width, height: box.height, center, zoom }
}

const worldSize = (zoom: number) => TILE * 2 ** zoom
const project = ([lng, lat]: [number, number], zoom: number): [number, number] => {
  const s = Math.sin((lat * Math.PI) / 180)
  return [((lng + 180) / 360) * worldSize(zoom), (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * worldSize(zoom)]
}
const unproject = ([x, y]: [number, number], zoom: number): [number, number] => {
  const lng = (x / worldSize(zoom)) * 360 - 180
  const n = Math.PI - (2 * Math.PI * y) / worldSize(zoom)
  return [lng, (180 / Math.PI) * Math.atan(Math.sinh(n))]
}

/** The map coordinates under a page position. */
export function pageToLngLat(g: MapGeometry, x: number, y: number): [number, number] {
  const [cx, cy] = project(g.center, g.zoom)
  return unproject([cx + (x - g.left - g.width / 2), cy + (y - g.top - g.height / 2)], g.zoom)
}

/** The page position of map coordinates. */
export function lngLatToPage(g: MapGeometry, point: [number, number]): [number, number] {
  const [cx, cy] = project(g.center, g.zoom)
  const [px, py] = project(point, g.zoom)
  return [g.left + g.width / 2 + (px - cx), g.top + g.height / 2 + (py - cy)]
}

/** Calls the browser host's API with the page's token, as the app does. */
export async function rpc<M extends MethodName>(page: Page, origin: string, token: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await page.request.post(`${origin}/rpc/${method}`, {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    data: input,
  })
  const body = (await response.json()) as { ok: boolean; value: MethodOutput<M>; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
  return body.value
}

export const countOf = async (page: Page, key: string) => Number(await page.locator(`[data-count="${key}"]`).first().getAttribute('data-value'))

/** Folds the map legend (remembered by the window) so that it covers nothing a test clicks. */
export async function foldLegend(page: Page): Promise<void> {
  const toggle = page.locator('.map-legend__toggle')
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click()
}

/** Waits until the map has stopped moving (its centre unchanged over a few frames): a pan or zoom animation may still be running after a selection. */
export async function mapSettled(page: Page): Promise<void> {
  let last = ''
  for (let stable = 0, i = 0; stable < 3 && i < 50; i++) {
    await page.waitForTimeout(100)
    const now = `${await page.locator('.site-map').getAttribute('data-center')}@${await page.locator('.site-map').getAttribute('data-zoom')}`
    stable = now === last ? stable + 1 : 0
    last = now
  }
}

/**
 * Brings a parcel to the middle of the map the way a user would (find it in the list, choose it),
 * then closes its card and clears the search, leaving the parcel in view and nothing selected.
 */
export async function centreParcelFromList(page: Page, code: string): Promise<void> {
  await page.locator('input[name="filter.text"]').fill(code)
  await page.getByRole('tab', { name: /地块/ }).click()
  await page.locator('.map-list__row', { hasText: code }).click()
  await mapSettled(page)
  await page.locator('.site-card').getByRole('button', { name: '关闭' }).click()
  await page.locator('input[name="filter.text"]').fill('')
}
