import fs from 'node:fs'
import path from 'node:path'
import turfArea from '@turf/area'
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import turfCentroid from '@turf/centroid'
import gcoord from 'gcoord'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, recordRequests, startBrowserHost } from '../helpers/browserHost'
import { centreParcelFromList, countOf, foldLegend, lngLatToPage, mapGeometry, mapSettled, pageToLngLat, rpc } from '../helpers/mapPage'
import { recordConsoleErrors } from '../helpers/screen'
import { tempDir } from '../helpers/store'
import { png1x1 } from '../helpers/tiles'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

// The map as home screen with the demo data: filters moving map, list and counts together; a
// building placed by a click; a parcel traced with the right area; picks and filters kept.
describe('the map in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let requests: string[]
  const errors: string[] = []

  beforeAll(async () => {
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    requests = recordRequests(page)
    recordConsoleErrors(page, errors)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await page.screenshot({ path: `test-results/map-${context.task.name.slice(0, 40)}.png` })
  })

  const call = <M extends Parameters<typeof rpc>[3]>(method: M, input: Parameters<typeof rpc<M>>[4]) => rpc(page, host.origin, host.token, method, input)
  const map = () => page.locator('.site-map')
  const mapData = async (key: string) => Number(await map().getAttribute(`data-${key}`))
  const listCount = async (tab: string) => Number(await page.locator(`[data-tab-count="${tab}"]`).textContent())
  const chip = (group: string, label: string) => page.locator(`[data-filter="${group}"]`).getByRole('button', { name: label, exact: true })

  it('opens on the map with every demo site placed and counted', async () => {
    await page.goto(host.url)
    await page.locator('.site-map[data-buildings-placed]').waitFor()
    const sites = decodeMapSites(await call('map.sites', {}))
    await expect.poll(() => mapData('buildings-placed')).toBe(sites.buildings.filter((b) => b.lng != null).length)
    expect(await countOf(page, 'buildings')).toBe(sites.buildings.length)
    expect(await countOf(page, 'parcels')).toBe(sites.parcels.length)
    expect(await countOf(page, 'parks')).toBe(sites.parks.length)
    expect(await listCount('buildings')).toBe(sites.buildings.length)
    // Parcels in view are drawn; the legend explains vacancy colours and land uses.
    expect(await mapData('parcels-shown')).toBeGreaterThan(0)
    expect(await page.locator('[data-legend^="vacancy-"]').count()).toBe(6)
    expect(await page.locator('[data-legend="landuse-m0"]').textContent()).toContain('新型产业用地')
    // The built-in basemap: Shenyang's districts with their names, from the app's own resources.
    // Each city's districts are drawn as they arrive (the demo's two cities, Shenyang and
    // Hangzhou, in either order): wait for Shenyang's, not merely for some city's.
    await expect.poll(() => page.locator('.district-label', { hasText: '沈河区' }).count()).toBe(1)
    expect(await mapData('districts-shown')).toBeGreaterThanOrEqual(10)
    // Folded for the rest of the tests, so that it covers nothing they click; it stays folded.
    await foldLegend(page)
    await page.reload()
    await expect.poll(() => page.locator('.map-legend__toggle').getAttribute('aria-expanded')).toBe('false')
  })

  it('narrows map, list and counts together when a filter changes', async () => {
    const hunnan = await call('buildings.list', { districtCode: '210112' })
    const hunnanParcels = await call('parcels.list', { districtCode: '210112' })
    expect(hunnan.length).toBeGreaterThan(0)
    await chip('districtCodes', '浑南区').click()
    await expect.poll(() => countOf(page, 'buildings')).toBe(hunnan.length)
    expect(await listCount('buildings')).toBe(hunnan.length)
    await expect.poll(() => mapData('buildings-placed')).toBe(hunnan.filter((b) => b.lng != null).length)
    // The view frames every placed site, so what the layer drew is what matches.
    await expect.poll(() => mapData('buildings-shown')).toBe(hunnan.filter((b) => b.lng != null).length)
    await expect.poll(() => countOf(page, 'parcels')).toBe(hunnanParcels.length)
    expect(await listCount('parcels')).toBe(hunnanParcels.length)

    // Vacancy of at least 30 %: the same buildings the API's figures say.
    await page.locator('input[name="vacancyRate.min"]').fill('30')
    const expected = hunnan.filter((b) => b.vacancyRate !== null && b.vacancyRate >= 0.3).length
    await expect.poll(() => countOf(page, 'buildings')).toBe(expected)
    expect(await listCount('buildings')).toBe(expected)
    await expect.poll(() => mapData('buildings-placed')).toBe(expected)
  })

  it('keeps the filter when the app is opened again', async () => {
    await page.reload()
    await expect.poll(() => page.locator('input[name="vacancyRate.min"]').inputValue()).toBe('30')
    await expect.poll(() => chip('districtCodes', '浑南区').getAttribute('aria-pressed')).toBe('true')
    const hunnan = await call('buildings.list', { districtCode: '210112' })
    const expected = hunnan.filter((b) => b.vacancyRate !== null && b.vacancyRate >= 0.3).length
    await expect.poll(() => countOf(page, 'buildings')).toBe(expected)
    expect(await listCount('buildings')).toBe(expected)
    await page.getByRole('button', { name: '清除筛选' }).click()
    const all = decodeMapSites(await call('map.sites', {}))
    await expect.poll(() => countOf(page, 'buildings')).toBe(all.buildings.length)
  })

  it('opens a card from the list and picks the site', async () => {
    const first = page.locator('.map-list__row').first()
    const name = (await first.locator('.map-list__name').textContent())!
    await first.click()
    const card = page.locator('.site-card')
    await expect.poll(() => card.locator('h2').textContent()).toBe(name)
    expect(await card.locator('[data-figure="vacancyRate"] .site-card__value').textContent()).toMatch(/%$/)
    await card.getByRole('button', { name: '☆ 加入选择' }).click()
    await expect.poll(() => listCount('selection')).toBe(1)
    await page.reload()
    await expect.poll(() => listCount('selection')).toBe(1)
  })

  it('stores a building placed by a click at the clicked WGS-84 position', async () => {
    await page.getByRole('button', { name: '新增楼宇', exact: true }).click()
    const g = await mapGeometry(page)
    const [x, y] = [g.left + g.width * 0.3, g.top + g.height * 0.35]
    const expected = pageToLngLat(g, x, y)
    await page.mouse.click(x, y)
    const dialog = page.getByRole('dialog')
    await dialog.locator('input[name="name"]').fill('点击放置测试大厦')
    await dialog.locator('select[name="districtCode"]').selectOption('210103')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'detached' })
    const [saved] = await call('buildings.list', { q: '点击放置测试' })
    // One screen pixel at this zoom is a few metres; the stored point is within half a pixel.
    const metresPerPixel = (40_075_016 * Math.cos((expected[1] * Math.PI) / 180)) / (256 * 2 ** g.zoom)
    expect(Math.abs(saved!.lng! - expected[0]) * 111_320 * Math.cos((expected[1] * Math.PI) / 180)).toBeLessThan(metresPerPixel)
    expect(Math.abs(saved!.lat! - expected[1]) * 110_574).toBeLessThan(metresPerPixel)
    // It is selected and brought to the middle of the map, its ring drawn at the stored point.
    const ring = page.locator('[data-selected-id]')
    await ring.waitFor()
    await mapSettled(page)
    const after = await mapGeometry(page)
    const box = (await ring.boundingBox())!
    const [rx, ry] = lngLatToPage(after, [saved!.lng!, saved!.lat!])
    expect(Math.abs(box.x + box.width / 2 - rx)).toBeLessThan(2)
    expect(Math.abs(box.y + box.height / 2 - ry)).toBeLessThan(2)
    // … in the middle of the part of the map the card leaves free.
    const card = (await page.locator('.site-card').boundingBox())!
    expect(Math.abs(rx - (after.left + (card.x - after.left) / 2))).toBeLessThan(20)
    // Vertically in the middle, give or take the controls above and the folded legend below.
    expect(Math.abs(ry - (after.top + after.height / 2))).toBeLessThan(40)
  })

  it('moves the building by dragging it', async () => {
    const ring = page.locator('[data-selected-id]')
    const id = (await ring.getAttribute('data-selected-id'))!
    await page.locator('.site-card').getByRole('button', { name: '拖动调整位置' }).click()
    const box = (await ring.boundingBox())!
    const from: [number, number] = [box.x + box.width / 2, box.y + box.height / 2]
    const to: [number, number] = [from[0] + 80, from[1] + 40]
    const g = await mapGeometry(page)
    await page.mouse.move(...from)
    await page.mouse.down()
    await page.mouse.move(from[0] + 40, from[1] + 20, { steps: 5 })
    await page.mouse.move(...to, { steps: 5 })
    await page.mouse.up()
    const start = pageToLngLat(g, ...from)
    await expect.poll(async () => (await call('buildings.get', { id })).building.lng, { timeout: 5000 }).not.toBeCloseTo(start[0], 6)
    const { building } = await call('buildings.get', { id })
    // Where it was dropped, within two screen pixels.
    const [px, py] = lngLatToPage(g, [building.lng!, building.lat!])
    expect(Math.hypot(px - to[0], py - to[1])).toBeLessThan(2)
    await page.locator('.site-card').getByRole('button', { name: '完成' }).click()
  })

  it('traces a parcel whose area is the drawn polygon’s', async () => {
    await page.getByRole('button', { name: '绘制地块', exact: true }).click()
    const g = await mapGeometry(page)
    // Whole pixels: a mouse event lands on a whole CSS pixel.
    const at = (fx: number, fy: number): [number, number] => [Math.round(g.left + g.width * fx), Math.round(g.top + g.height * fy)]
    const corners = [at(0.55, 0.55), at(0.68, 0.57), at(0.66, 0.72), at(0.54, 0.7)]
    for (const [x, y] of corners) await page.mouse.click(x, y)
    // The live area is shown while drawing.
    await expect.poll(async () => Number(await page.locator('.map-hint').getAttribute('data-reading'))).toBeGreaterThan(0)
    await page.mouse.click(...corners[0]!)
    const ring = [...corners, corners[0]!].map(([x, y]) => pageToLngLat(g, x, y))
    const expected = turfArea({ type: 'Polygon', coordinates: [ring] })

    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    expect(Number(await dialog.locator('[data-area]').getAttribute('data-area')) / expected).toBeCloseTo(1, 3)
    await dialog.locator('input[name="code"]').fill('MAP-001')
    await dialog.locator('input[name="name"]').fill('地图绘制测试地块')
    await dialog.locator('select[name="districtCode"]').selectOption('210112')
    await dialog.locator('select[name="landUse"]').selectOption('m0')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'detached' })
    const [parcel] = await call('parcels.list', { q: 'MAP-001' })
    expect(parcel!.area! / expected).toBeCloseTo(1, 3)
    expect(await page.locator('.site-card [data-figure="areaMu"] .site-card__value').textContent()).toContain('亩')
  })

  it('edits the traced parcel’s boundary by dragging a corner, with its area following', async () => {
    const [before] = await call('parcels.list', { q: 'MAP-001' })
    await mapSettled(page)
    await page.locator('.site-card').getByRole('button', { name: '编辑边界' }).click()
    // Geoman's corner handles (not the mid-edge ones that add a corner); the leftmost one is
    // dragged straight left, away from the parcel, so the parcel must grow. The card is on the
    // right; the legend is folded.
    const corners = page.locator('.leaflet-marker-icon.marker-icon:not(.marker-icon-middle)')
    await corners.first().waitFor()
    const boxes = await Promise.all((await corners.all()).map((c) => c.boundingBox()))
    const left = boxes.filter((b) => b !== null).sort((a, b) => a.x - b.x)[0]!
    const [x, y] = [left.x + left.width / 2, left.y + left.height / 2]
    await page.mouse.move(x, y)
    await page.mouse.down()
    await page.mouse.move(x - 20, y, { steps: 4 })
    await page.mouse.move(x - 40, y, { steps: 4 })
    await page.mouse.up()
    await page.locator('.site-card').getByRole('button', { name: '保存边界' }).click()
    await expect.poll(async () => (await call('parcels.get', { id: before!.id })).area).not.toBe(before!.area)
    const after = await call('parcels.get', { id: before!.id })
    // The stored area is the stored boundary's, and the corner moved outwards: the parcel grew.
    expect(after.area! / turfArea(after.boundary!)).toBeCloseTo(1, 4)
    expect(after.area!).toBeGreaterThan(before!.area!)
    const shown = () => page.locator('.site-card [data-figure="areaMu"] .site-card__value').textContent()
    await expect.poll(shown).toBe(`${(after.area! / (10000 / 15)).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 亩`)
  })

  it('keeps only the sites inside a drawn polygon', async () => {
    await page.locator('.site-card').getByRole('button', { name: '关闭' }).click()
    await page.getByRole('button', { name: '框选范围', exact: true }).click()
    const g = await mapGeometry(page)
    const at = (fx: number, fy: number): [number, number] => [Math.round(g.left + g.width * fx), Math.round(g.top + g.height * fy)]
    // Clear of the legend (bottom left) and the zoom buttons (top left).
    const corners = [at(0.3, 0.15), at(0.9, 0.15), at(0.9, 0.55), at(0.45, 0.55)]
    for (const [x, y] of corners) await page.mouse.click(x, y)
    await page.mouse.click(...corners[0]!)
    await page.locator('[data-area="polygon"]').waitFor()
    const ring = [...corners, corners[0]!].map(([x, y]) => pageToLngLat(g, x, y))
    const sites = decodeMapSites(await call('map.sites', {}))
    const inside = sites.buildings.filter((b) => b.lng != null && booleanPointInPolygon([b.lng, b.lat!], { type: 'Polygon', coordinates: [ring] })).length
    await expect.poll(() => countOf(page, 'buildings')).toBe(inside)
    expect(await listCount('buildings')).toBe(inside)
    await page.getByRole('button', { name: '清除范围' }).click()
    await expect.poll(() => countOf(page, 'buildings')).toBe(sites.buildings.length)
  })

  it('finds the sites within a radius of a point', async () => {
    const sites = decodeMapSites(await call('map.sites', {}))
    const target = sites.buildings.find((b) => b.name === '茂业中心')!
    // Choosing it in the list brings it to the middle of the map.
    await page.locator('input[name="filter.text"]').fill('茂业中心')
    await page.getByRole('tab', { name: /楼宇/ }).click()
    await page.locator('.map-list__row', { hasText: '茂业中心' }).click()
    await page.locator('input[name="filter.text"]').fill('')
    await page.getByRole('button', { name: '半径范围', exact: true }).click()
    await page.locator('input[name="radiusKm"]').fill('1')
    await mapSettled(page)
    const g = await mapGeometry(page)
    const [x, y] = lngLatToPage(g, [target.lng!, target.lat!])
    const card = (await page.locator('.site-card').boundingBox())!
    expect(x).toBeGreaterThan(g.left)
    expect(x).toBeLessThan(card.x)
    // In the part of the map no card, legend or control covers (map-first-hour.test.ts checks where).
    expect(y).toBeGreaterThan(g.top + 40)
    expect(y).toBeLessThan(g.top + g.height - 40)
    await page.mouse.click(x, y)
    await page.locator('[data-area="circle"]').waitFor()
    const center = pageToLngLat(g, x, y)
    const within = sites.buildings.filter((b) => b.lng != null && haversine(center, [b.lng, b.lat!]) <= 1000).length
    await expect.poll(() => countOf(page, 'buildings')).toBe(within)
    await page.getByRole('button', { name: '退出工具' }).click()
    await page.getByRole('button', { name: '清除范围' }).click()
    await expect.poll(() => countOf(page, 'buildings')).toBe(sites.buildings.length)
  })

  it('measures a distance between two clicks', async () => {
    await page.getByRole('button', { name: '量距离', exact: true }).click()
    const g = await mapGeometry(page)
    const a: [number, number] = [Math.round(g.left + g.width * 0.3), Math.round(g.top + g.height * 0.4)]
    const b: [number, number] = [Math.round(g.left + g.width * 0.6), Math.round(g.top + g.height * 0.6)]
    await page.mouse.click(...a)
    await page.mouse.dblclick(...b)
    const expected = haversine(pageToLngLat(g, ...a), pageToLngLat(g, ...b))
    await expect.poll(async () => Number(await page.locator('.map-hint').getAttribute('data-reading'))).toBeGreaterThan(0)
    const reading = Number(await page.locator('.map-hint').getAttribute('data-reading'))
    expect(Math.abs(reading - expected) / expected).toBeLessThan(0.005)
    expect(await page.locator('.map-hint').textContent()).toMatch(/距离：[\d.]+ (公里|米)/)
    await page.getByRole('button', { name: '退出工具' }).click()
  })

  it('keeps a parcel clickable that a filter hid while a tool was in use', async () => {
    const [parcel] = (await call('parcels.list', { districtCode: '210112' })).filter((p) => p.boundary)
    await centreParcelFromList(page, parcel!.code)
    // A tool makes sites click-through; the parcel leaves the map meanwhile and comes back after.
    await page.getByRole('button', { name: '量距离', exact: true }).click()
    await page.locator('input[name="filter.text"]').fill('没有这样的地块')
    await expect.poll(() => countOf(page, 'parcels')).toBe(0)
    await page.getByRole('button', { name: '退出工具' }).click()
    await page.locator('input[name="filter.text"]').fill('')
    await expect.poll(() => mapData('parcels-shown')).toBeGreaterThan(0)
    const middle = turfCentroid(parcel!.boundary!).geometry.coordinates as [number, number]
    await page.mouse.click(...lngLatToPage(await mapGeometry(page), middle))
    await expect.poll(() => page.locator('.site-card').getAttribute('data-card')).toBe(`parcel:${parcel!.id}`)
    await page.locator('.site-card').getByRole('button', { name: '关闭' }).click()
  })

  it('saves a search under a name and opens it again', async () => {
    const superA = decodeMapSites(await call('map.sites', {})).buildings.filter((b) => b.grade === 'super_a').length
    expect(superA).toBeGreaterThan(0)
    await chip('grades', '超甲级').click()
    await expect.poll(() => countOf(page, 'buildings')).toBe(superA)
    await page.getByRole('button', { name: '保存当前查询' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('input[name="savedSearchName"]').fill('超甲级写字楼')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '清除筛选' }).click()
    await expect.poll(() => countOf(page, 'buildings')).toBeGreaterThan(superA)
    await page.locator('select[name="savedSearch"]').selectOption({ label: '超甲级写字楼' })
    await expect.poll(() => countOf(page, 'buildings')).toBe(superA)
    expect(await chip('grades', '超甲级').getAttribute('aria-pressed')).toBe('true')
    expect(await call('savedSearches.list', {})).toMatchObject([{ name: '超甲级写字楼', filter: { grades: ['super_a'] } }])
    await page.getByRole('button', { name: '清除筛选' }).click()
  })

  it('converts a point pasted from Gaode to WGS-84 when a building is entered', async () => {
    await page.goto(`${host.origin}/#/buildings/new`)
    await page.locator('input[name="name"]').fill('高德坐标测试楼')
    await page.locator('select[name="districtCode"]').selectOption('210103')
    const gaode: [number, number] = [123.432703, 41.803311]
    await page.locator('input[name="pastedCoordinates"]').fill(`${gaode[0]},${gaode[1]}`)
    await page.locator('select[name="pastedSystem"]').selectOption('gcj02')
    await page.getByRole('button', { name: '转换并填入' }).click()
    const expected = gcoord.transform(gaode, gcoord.GCJ02, gcoord.WGS84) as [number, number]
    expect(Number(await page.locator('input[name="lng"]').inputValue())).toBeCloseTo(expected[0], 6)
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await page.getByRole('heading', { name: '高德坐标测试楼' }).waitFor()
    const [saved] = await call('buildings.list', { q: '高德坐标测试' })
    expect(saved!.lng).toBeCloseTo(expected[0], 6)
    expect(saved!.lat).toBeCloseTo(expected[1], 6)
    // Hundreds of metres from the pasted numbers: stored as pasted, it would sit off its building.
    expect(Math.abs(saved!.lng! - gaode[0]) * 83_000).toBeGreaterThan(300)
  })

  it('shows a photo added on the building page on its card', async () => {
    const [building] = await call('buildings.list', { q: '茂业中心' })
    await page.goto(`${host.origin}/#/buildings/${building!.id}`)
    const dir = tempDir()
    const file = path.join(dir, '大堂.png')
    fs.writeFileSync(file, png1x1(30, 120, 200))
    await page.locator('input[name="photoFiles"]').setInputFiles(file)
    await page.locator('[data-photo-id] img').waitFor()
    const [photo] = await call('photos.list', { ownerKind: 'building', ownerId: building!.id })
    fs.rmSync(dir, { recursive: true, force: true })

    await page.getByRole('navigation').getByRole('link', { name: '地图', exact: true }).click()
    await page.locator('input[name="filter.text"]').fill('茂业中心')
    await page.getByRole('tab', { name: /楼宇/ }).click()
    await page.locator('.map-list__row', { hasText: '茂业中心' }).click()
    const img = page.locator('.site-card img.site-card__photo')
    await expect.poll(() => img.getAttribute('data-photo-id')).toBe(photo!.id)
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1)
    await page.locator('input[name="filter.text"]').fill('')
  })

  it('logs no console errors and never reaches beyond 127.0.0.1', () => {
    expect(errors).toEqual([])
    expect(requests.filter((url) => !url.startsWith(host.origin))).toEqual([])
  })
})

function haversine([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const r = 6_371_008.8
  const toRad = (d: number) => (d * Math.PI) / 180
  const a = Math.sin(toRad(lat2 - lat1) / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(toRad(lng2 - lng1) / 2) ** 2
  return 2 * r * Math.asin(Math.sqrt(a))
}
