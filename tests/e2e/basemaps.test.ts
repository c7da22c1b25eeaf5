import fs from 'node:fs'
import path from 'node:path'
import turfCentroid from '@turf/centroid'
import gcoord from 'gcoord'
import type { Browser, Page, Response } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, recordRequests, startBrowserHost } from '../helpers/browserHost'
import { centreParcelFromList, foldLegend, lngLatToPage, mapGeometry, mapSettled, rpc } from '../helpers/mapPage'
import { tempDir } from '../helpers/store'
import { type FixtureTile, startTileServer, tilePng, type TileServer, writeMbtiles } from '../helpers/tiles'

// Offline basemaps as a person uses them: import an MBTiles package and see its tiles; declare a
// package GCJ-02 and see every overlay shifted onto it; add an online source, browse and save an
// area, then lose the network and still see the map.

/** Tiles of Shenyang's centre at zooms 11–14, each a recognisable colour. */
function shenyangTiles(): FixtureTile[] {
  const tiles: FixtureTile[] = []
  const tileOf = (lng: number, lat: number, z: number) => {
    const n = 2 ** z
    const s = Math.sin((lat * Math.PI) / 180)
    return [Math.floor(((lng + 180) / 360) * n), Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n)] as const
  }
  for (let z = 11; z <= 14; z++) {
    const [x0, y0] = tileOf(123.25, 41.95, z)
    const [x1, y1] = tileOf(123.65, 41.65, z)
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push({ z, x, y, bytes: tilePng(z, x, y) })
  }
  return tiles
}

describe('offline basemaps in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let requests: string[]
  let dir: string
  let server: TileServer
  const tileResponses: Response[] = []

  beforeAll(async () => {
    dir = tempDir('site-atlas-basemaps-')
    writeMbtiles(path.join(dir, '沈阳影像.mbtiles'), shenyangTiles(), { name: '沈阳影像', minzoom: '11', maxzoom: '14', bounds: '123.25,41.65,123.65,41.95' })
    server = await startTileServer()
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    requests = recordRequests(page)
    page.on('response', (r) => {
      if (r.url().includes('/tiles/')) tileResponses.push(r)
    })
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    await server?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await page.screenshot({ path: `test-results/basemaps-${context.task.name.slice(0, 40)}.png` })
  })

  const call = <M extends Parameters<typeof rpc>[3]>(method: M, input: Parameters<typeof rpc<M>>[4]) => rpc(page, host.origin, host.token, method, input)
  const nav = (label: string) => page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click()
  const loadedTiles = () => page.locator('.site-map img.leaflet-tile-loaded').count()

  async function importPackage(crsLabel: string, name: string) {
    await nav('设置')
    const form = page.locator('form', { has: page.getByRole('heading', { name: '导入离线地图包' }) })
    await form.locator('input[type="file"]').setInputFiles(path.join(dir, '沈阳影像.mbtiles'))
    await form.locator('input[name="basemapName"]').fill(name)
    await form.locator('select[name="basemapCrs"]').selectOption({ label: crsLabel })
    await form.getByRole('button', { name: '导入' }).click()
    const row = page.locator('tr', { hasText: name })
    await row.waitFor()
    return row
  }

  /** Shows 茂业中心 selected in the middle of the map at zoom 13. */
  async function showBuilding() {
    await nav('地图')
    await page.locator('.site-map[data-buildings-placed]').waitFor()
    await foldLegend(page)
    await page.locator('input[name="filter.text"]').fill('茂业中心')
    await page.getByRole('tab', { name: /楼宇/ }).click()
    await page.locator('.map-list__row', { hasText: '茂业中心' }).click()
    await page.locator('input[name="filter.text"]').fill('')
    await page.locator('[data-selected-id]').waitFor()
    await mapSettled(page)
  }

  it('imports an MBTiles package chosen from a file and draws the map with its tiles', async () => {
    await page.goto(host.url)
    const row = await importPackage('WGS-84（天地图、GPS）', '沈阳影像')
    expect(await row.textContent()).toContain('MBTiles')
    expect(await row.textContent()).toContain('11–14 级')
    await row.getByRole('button', { name: '使用' }).click()
    await row.getByText('使用中').waitFor()

    await showBuilding()
    await expect.poll(loadedTiles).toBeGreaterThan(4)
    const served = tileResponses.filter((r) => r.status() === 200)
    expect(served.length).toBeGreaterThan(4)
    // The bytes on screen are the package's: a tile as served equals the fixture's PNG.
    const sample = served[0]!
    const [, z, x, y] = /\/tiles\/[^/]+\/(\d+)\/(\d+)\/(\d+)/.exec(sample.url())!.map(Number) as [number, number, number, number]
    expect(Buffer.from(await sample.body()).equals(Buffer.from(tilePng(z, x, y)))).toBe(true)
    expect(await page.locator('select[name="basemap"] option:checked').textContent()).toContain('沈阳影像')
  })

  it('shifts every overlay onto a basemap declared GCJ-02 by the expected offset', async () => {
    const [building] = await call('buildings.list', { q: '茂业中心' })
    const wgs: [number, number] = [building!.lng!, building!.lat!]
    const ring = page.locator('[data-selected-id]')
    const centre = async () => {
      const box = (await ring.boundingBox())!
      return [box.x + box.width / 2, box.y + box.height / 2] as const
    }
    // On the WGS-84 package the ring sits on the stored point.
    let g = await mapGeometry(page)
    let [x, y] = await centre()
    let [ex, ey] = lngLatToPage(g, wgs)
    expect(Math.hypot(x - ex, y - ey)).toBeLessThan(1.5)
    expect(await ring.getAttribute('data-display')).toBe(`${wgs[0]},${wgs[1]}`)

    await importPackage('GCJ-02（高德、腾讯）', '高德影像')
    await nav('地图')
    await page.locator('select[name="basemap"]').selectOption({ label: '高德影像（GCJ-02）' })
    await expect.poll(() => page.locator('.site-map').getAttribute('data-crs')).toBe('gcj02')
    await ring.waitFor()
    g = await mapGeometry(page)
    ;[x, y] = await centre()
    const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number]
    ;[ex, ey] = lngLatToPage(g, gcj)
    expect(Math.hypot(x - ex, y - ey)).toBeLessThan(1.5)
    // The shift on screen is the GCJ-02 offset: a few hundred metres, many pixels at this zoom.
    const [wx, wy] = lngLatToPage(g, wgs)
    const metresPerPixel = (40_075_016 * Math.cos((wgs[1] * Math.PI) / 180)) / (256 * 2 ** g.zoom)
    const offsetMetres = Math.hypot((gcj[0] - wgs[0]) * 111_320 * Math.cos((wgs[1] * Math.PI) / 180), (gcj[1] - wgs[1]) * 110_574)
    expect(offsetMetres).toBeGreaterThan(100)
    expect(Math.hypot(x - wx, y - wy)).toBeCloseTo(offsetMetres / metresPerPixel, 0)
    // Parcels are shifted too: a click where the GCJ-02 basemap shows a parcel's middle selects it.
    const [parcel] = (await call('parcels.list', { districtCode: '210112' })).filter((p) => p.boundary)
    await centreParcelFromList(page, parcel!.code)
    const middle = turfCentroid(parcel!.boundary!).geometry.coordinates as [number, number]
    const pg = await mapGeometry(page)
    await page.mouse.click(...lngLatToPage(pg, gcoord.transform(middle, gcoord.WGS84, gcoord.GCJ02) as [number, number]))
    await expect.poll(() => page.locator('.site-card').getAttribute('data-card')).toBe(`parcel:${parcel!.id}`)

    // Drawing on another basemap changes nothing stored.
    const [after] = await call('buildings.list', { q: '茂业中心' })
    expect([after!.lng, after!.lat]).toEqual(wgs)
  })

  it('caches an online tile source while online and serves it with the source stopped', async () => {
    await nav('设置')
    const form = page.locator('form', { has: page.getByRole('heading', { name: '添加在线瓦片地址' }) })
    await form.locator('input[name="onlineName"]').fill('本地瓦片服务')
    await form.locator('input[name="urlTemplate"]').fill(server.template)
    await form.locator('input[name="maxZoom"]').fill('16')
    await form.getByRole('button', { name: '添加' }).click()
    const row = page.locator('tr', { hasText: '本地瓦片服务' })
    await row.getByRole('button', { name: '使用' }).click()
    await row.getByText('使用中').waitFor()

    await showBuilding()
    await expect.poll(loadedTiles).toBeGreaterThan(4)
    const fetched = server.requests.length
    expect(fetched).toBeGreaterThan(4)

    // Save the view one level deeper for offline use, with progress and an estimate first.
    await page.getByRole('button', { name: '下载此区域' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('select[name="downloadMaxZoom"]').selectOption(String(Number(await page.locator('.site-map').getAttribute('data-zoom')) + 1))
    await dialog.locator('[data-estimate-tiles]').waitFor()
    expect(Number(await dialog.locator('[data-estimate-tiles]').getAttribute('data-estimate-tiles'))).toBeGreaterThan(fetched)
    await dialog.getByRole('button', { name: '开始下载' }).click()
    await dialog.locator('[data-job-state="done"]').waitFor({ timeout: 30_000 })
    await dialog.getByRole('button', { name: '关闭' }).click()
    // Settings shows what the download added without a reload.
    const cached = (await call('basemaps.list', {})).basemaps.find((m) => m.name === '本地瓦片服务')!.cachedTiles!
    expect(cached).toBeGreaterThan(fetched)
    await nav('设置')
    await expect.poll(() => row.locator('.field__hint').textContent()).toBe(`已缓存 ${cached.toLocaleString('zh-CN')} 张`)
    await nav('地图')

    // The network is gone: the same view and the level below still draw, from the cache.
    await server.close()
    const before = server.requests.length
    tileResponses.length = 0
    await page.reload()
    // Back to the view that was downloaded (the restored view may be one saved a moment earlier).
    await showBuilding()
    await expect.poll(loadedTiles).toBeGreaterThan(4)
    const zoom = Number(await page.locator('.site-map').getAttribute('data-zoom'))
    await page.locator('.leaflet-control-zoom-in').click()
    await expect.poll(async () => Number(await page.locator('.site-map').getAttribute('data-zoom'))).toBe(zoom + 1)
    await page.waitForTimeout(600)
    await expect.poll(loadedTiles).toBeGreaterThan(4)
    expect(tileResponses.filter((r) => r.status() === 200).length).toBeGreaterThan(8)
    expect(server.requests.length).toBe(before)
  })

  it('asks before adding an online source over plain http, and adds it once confirmed', async () => {
    await nav('设置')
    const form = page.locator('form', { has: page.getByRole('heading', { name: '添加在线瓦片地址' }) })
    await form.locator('input[name="onlineName"]').fill('内网明文瓦片')
    // Another machine (never fetched here: adding a source reads no tile).
    await form.locator('input[name="urlTemplate"]').fill('http://10.255.255.1/tiles/{z}/{x}/{y}.png')
    await form.locator('input[name="maxZoom"]').fill('16')
    await form.getByRole('button', { name: '添加' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('10.255.255.1 使用未加密的 http').waitFor()
    // Going back adds nothing.
    await dialog.getByRole('button', { name: '返回修改' }).click()
    await expect.poll(async () => (await call('basemaps.list', {})).basemaps.some((m) => m.name === '内网明文瓦片')).toBe(false)
    // Confirmed: the same input is sent again with the warning accepted.
    await form.getByRole('button', { name: '添加' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '确认无误，保存' }).click()
    const row = page.locator('tr', { hasText: '内网明文瓦片' })
    await row.waitFor()
    const added = (await call('basemaps.list', {})).basemaps.find((m) => m.name === '内网明文瓦片')!
    await call('basemaps.remove', { id: added.id })
  })

  it('adds any district of China from the built-in map, whose boundaries then show on the map', async () => {
    await nav('设置')
    await page.locator('select[name="pickCity"]').selectOption({ label: '大连市' })
    await page.locator('select[name="pickDistrict"]').selectOption({ label: '中山区（210202）' })
    expect(await page.locator('input[name="code"]').inputValue()).toBe('210202')
    expect(await page.locator('input[name="province"]').inputValue()).toBe('辽宁省')
    await page.getByRole('button', { name: '新增区县' }).click()
    await expect.poll(async () => (await call('districts.list', {})).some((d) => d.code === '210202' && d.city === '大连市')).toBe(true)

    // A building there brings Dalian's districts onto the map with their names.
    await page.goto(`${host.origin}/#/buildings/new`)
    await page.locator('input[name="name"]').fill('大连测试大厦')
    await page.locator('select[name="districtCode"]').selectOption('210202')
    await page.locator('input[name="lng"]').fill('121.6436')
    await page.locator('input[name="lat"]').fill('38.9207')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await page.getByRole('heading', { name: '大连测试大厦' }).waitFor()
    await nav('地图')
    await page.locator('select[name="basemap"]').selectOption({ label: '行政区划图（内置）' })
    await page.locator('input[name="filter.text"]').fill('大连测试')
    await page.getByRole('tab', { name: /楼宇/ }).click()
    await page.locator('.map-list__row', { hasText: '大连测试大厦' }).click()
    await expect.poll(() => page.locator('.district-label', { hasText: '中山区' }).count()).toBeGreaterThan(0)
    await page.locator('input[name="filter.text"]').fill('')
  })

  it('never reaches beyond 127.0.0.1 from the page', () => {
    expect(requests.filter((url) => !url.startsWith(host.origin))).toEqual([])
  })
})
