import fs from 'node:fs'
import type { Browser, JSHandle, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Building } from '../../src/shared/types'
import type { Photo } from '../../src/shared/photos'
import { type BrowserHost, launchBrowser, recordRequests, startBrowserHost } from '../helpers/browserHost'
import { phoneJpeg } from '../helpers/photos'
import { recordConsoleErrors } from '../helpers/screen'

// Photos from the field: a person drops three files at once on a building that has no position
// yet (a phone photo with GPS, a 360° panorama, and a file that is no photo at all), sees each
// one's fate, places the building where the photo was taken, is warned when a building sits far
// from where its photo was taken, and looks around the panorama in the offline 360° viewer.

const SHOTS = 'test-results/photos-field'
const PHOTO_AT = { lng: 123.4567, lat: 41.7765 }

describe('photos from the field in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let requests: string[]
  let errors: string[]
  let buildingId = ''

  const rpc = async <T,>(method: string, input: unknown): Promise<T> => {
    const response = await fetch(`${host.origin}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
      body: JSON.stringify(input),
    })
    const body = (await response.json()) as { ok: boolean; value: T; error?: unknown }
    expect(body.ok, JSON.stringify(body.error)).toBe(true)
    return body.value
  }

  /** Files as the page's drag-and-drop sees them: a DataTransfer made in the page. */
  const filesToDrop = async (files: Array<{ name: string; type: string; bytes: Buffer }>): Promise<JSHandle<DataTransfer>> =>
    page.evaluateHandle((list) => {
      const transfer = new DataTransfer()
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.b64), (c) => c.charCodeAt(0))
        transfer.items.add(new File([bytes], file.name, { type: file.type }))
      }
      return transfer
    }, files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString('base64') })))

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    host = await startBrowserHost()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    requests = recordRequests(page)
    errors = recordConsoleErrors(page)
    buildingId = (await rpc<Building>('buildings.create', { name: '盛京科创大厦', districtCode: '210102' })).id
  })
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await page.screenshot({ path: `${SHOTS}/failed-${context.task.name.slice(0, 40)}.png` })
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it('drops several files at once, each with its own outcome, and places the building from a photo', async () => {
    await page.goto(`${host.url}#/buildings/${buildingId}`)
    const section = page.locator('[data-drop-target="photos"]')
    await section.waitFor()
    const drop = await filesToDrop([
      { name: '大堂.jpg', type: 'image/jpeg', bytes: await phoneJpeg({ width: 4032, height: 3024, taken: '2025:04:18 09:41:07', gps: PHOTO_AT }) },
      { name: '楼顶全景.jpg', type: 'image/jpeg', bytes: await phoneJpeg({ width: 4000, height: 2000, projection: 'equirectangular' }) },
      { name: '说明.jpg', type: 'image/jpeg', bytes: Buffer.from('这不是照片') },
    ])
    await section.dispatchEvent('dragover', { dataTransfer: drop })
    await section.dispatchEvent('drop', { dataTransfer: drop })

    // The refused file says why, in Chinese, beside its name; the other two are added.
    const refused = page.locator('.photo-uploads__row', { hasText: '说明.jpg' })
    await expect.poll(() => refused.getByRole('alert').textContent(), { timeout: 30_000 }).toBe('照片：只支持 JPEG、PNG 或 WebP 图片')
    await expect.poll(() => page.locator('.photo-uploads__row[data-upload-state="done"]').count(), { timeout: 30_000 }).toBe(2)
    await expect.poll(() => page.locator('[data-photo-id] img').evaluateAll((imgs: HTMLImageElement[]) => imgs.filter((i) => i.complete && i.naturalWidth > 0).length)).toBe(2)
    const photos = await rpc<Photo[]>('photos.list', { ownerKind: 'building', ownerId: buildingId })
    expect(photos.map((p) => [p.isPanorama, p.gps !== null, p.takenAt])).toEqual([[false, true, '2025-04-18T09:41:07'], [true, false, null]])
    // The gallery shows thumbnails, not the kept images.
    // (No token in the address: the host's cookie goes with the <img>.)
    expect(await page.locator('[data-photo-id] img').first().getAttribute('src')).toMatch(/^\/photos\/[0-9a-f-]{36}\/thumb$/)
    await page.locator('.photos').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/gallery-1280x720.png` })

    // The full-size viewer: the photo's place, and the building placed there in one click.
    await page.getByRole('button', { name: /查看照片/ }).first().click()
    const viewer = page.getByRole('dialog')
    await viewer.getByText('拍摄位置').waitFor()
    await viewer.getByText('拍摄于 2025-04-18 09:41:07').waitFor()
    await viewer.getByRole('button', { name: '以照片位置定位' }).click()
    await viewer.getByText('已按照片位置更新坐标').waitFor()
    const placed = await rpc<{ building: Building }>('buildings.get', { id: buildingId })
    expect(placed.building.lng).toBeCloseTo(PHOTO_AT.lng, 5)
    expect(placed.building.lat).toBeCloseTo(PHOTO_AT.lat, 5)
    await expect.poll(() => viewer.locator('[data-photo-place]').getAttribute('data-photo-place')).toBe('near')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
  })

  it('warns when the building sits far from where its photo was taken', async () => {
    // 1.2 km south of the photo: 1200 m / 111195 m per degree of latitude.
    await rpc('buildings.update', { id: buildingId, lng: PHOTO_AT.lng, lat: PHOTO_AT.lat - 1200 / 111_195 })
    // Opened afresh (a hash change alone would not load the page again).
    await page.goto('about:blank')
    await page.goto(`${host.url}#/buildings/${buildingId}`)
    await page.getByRole('button', { name: /查看照片/ }).first().click()
    await page.getByRole('dialog').getByText('照片位置与楼宇相距 1.2 公里').waitFor()
    await expect.poll(() => page.locator('.photo-viewer__image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2560)
    await page.screenshot({ path: `${SHOTS}/viewer-far-1280x720.png` })
    await page.keyboard.press('Escape')
  })

  it('opens a panorama in the 360° viewer, and steps through the gallery with the arrow keys', async () => {
    await page.getByRole('button', { name: /查看照片/ }).first().click()
    const viewer = page.getByRole('dialog')
    await viewer.getByText('1 / 2').waitFor()
    await page.keyboard.press('ArrowRight')
    await viewer.getByText('2 / 2').waitFor()
    // Photo Sphere Viewer draws the panorama on a WebGL canvas once the image is loaded.
    const canvas = viewer.locator('.panorama-view canvas')
    await canvas.waitFor({ timeout: 30_000 })
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0)).toBe(true)
    await expect.poll(() => viewer.locator('.psv-loader-container').isVisible(), { timeout: 30_000 }).toBe(false)
    expect(await viewer.getByRole('alert').count()).toBe(0)
    await page.waitForTimeout(1500) // the viewer fades the panorama in: let the screenshot show it settled
    await page.screenshot({ path: `${SHOTS}/panorama-1280x720.png` })
    await page.keyboard.press('ArrowLeft')
    await viewer.getByText('1 / 2').waitFor()
    expect(await viewer.locator('.panorama-view').count()).toBe(0)
    await page.keyboard.press('Escape')
  })

  it('logs no console errors and never reaches beyond 127.0.0.1', () => {
    expect(errors).toEqual([])
    expect(requests.filter((url) => !url.startsWith(host.origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([])
  })
})
