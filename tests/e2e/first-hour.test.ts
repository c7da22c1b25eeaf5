import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vacancyClass } from '../../src/shared/vacancyColors'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { mapSettled, rpc } from '../helpers/mapPage'
import { errorBeside, recordConsoleErrors, textOf } from '../helpers/screen'

// Issue 9, items 5–7, as a new user meets them on the demo data: figures, forms, then taking the
// demo out again. The window is a laptop's (1280×720) and the system locale English, so date
// fields must follow the interface, not the operating system.
describe('the first hour on the demo data', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US', timezoneId: 'America/New_York' })
    page = await context.newPage()
    errors = recordConsoleErrors(page)
    await page.goto(host.url)
    await page.locator('.shell__content').waitFor()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const go = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash)
  const call = <M extends Parameters<typeof rpc>[3]>(method: M, input: Parameters<typeof rpc<M>>[4]) => rpc(page, host.origin, host.token, method, input)

  it('shows a lease over two units of one floor with that floor once', async () => {
    const building = (await call('buildings.list', {}))[0]!
    const tenant = await call('tenants.create', { name: '沈阳首小时科技有限公司' })
    const unit = async (u: string) => (await call('spaces.create', { buildingId: building.id, floorLabel: '88', unit: u, area: 300, status: 'vacant' })).id
    const lease = await call('leases.create', { tenantId: tenant.id, spaceIds: [await unit('01'), await unit('02')] })
    await go(`#/buildings/${building.id}`)
    const row = page.locator(`[data-testid="lease-row"][data-id="${lease.id}"]`)
    expect(await textOf(row.locator('td').nth(1))).toBe('88')
  })

  it('keeps the eight figure tiles of a building in even rows at 1280×720 and 1366×768', async () => {
    const building = (await call('buildings.list', {}))[0]!
    await go(`#/buildings/${building.id}`)
    for (const [width, height] of [[1280, 720], [1366, 768]] as const) {
      await page.setViewportSize({ width, height })
      const tiles = page.locator('.building-tiles .stat-tile')
      await expect.poll(() => tiles.count()).toBe(8)
      const boxes = await tiles.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), left: r.left, right: r.right })))
      const rows = new Map<number, number>()
      for (const b of boxes) rows.set(b.top, (rows.get(b.top) ?? 0) + 1)
      // No tile alone on a row: every row holds as many tiles as the first.
      expect([...rows.values()], `${width}×${height}`).toEqual([...rows.values()].map(() => boxes.filter((b) => b.top === boxes[0]!.top).length))
      expect(rows.size, `${width}×${height}`).toBeLessThanOrEqual(2)
      const content = (await page.locator('.shell__content').boundingBox())!
      for (const b of boxes) expect(b.right).toBeLessThanOrEqual(content.x + content.width)
    }
    await page.setViewportSize({ width: 1280, height: 720 })
  })

  it('colours the building list’s vacancy bars by the map’s vacancy classes', async () => {
    const buildings = await call('buildings.list', {})
    await go('#/buildings')
    const rows = page.locator('[data-testid="building-row"]')
    await expect.poll(() => rows.count()).toBe(buildings.length)
    const bars = await page.locator('.vacancy-bar').evaluateAll((els) =>
      els.map((e) => ({ name: e.closest('tr')!.querySelector('a')!.textContent, cls: e.getAttribute('data-vacancy-class'), color: getComputedStyle(e.querySelector('span')!).backgroundColor })),
    )
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`
    for (const bar of bars) {
      const b = buildings.find((x) => x.name === bar.name)!
      expect(bar, b.name).toEqual({ name: b.name, cls: vacancyClass(b.vacancyRate).key, color: rgb(vacancyClass(b.vacancyRate).color) })
    }
    expect(new Set(bars.map((b) => b.color)).size).toBeGreaterThanOrEqual(3)
  })

  it('captions the parcel card’s area in m²', async () => {
    const parcel = (await call('parcels.list', {})).find((p) => p.area != null && p.area >= 10_000)!
    await go(`#/?site=parcel:${parcel.id}`)
    const figure = page.locator(`[data-card="parcel:${parcel.id}"] [data-figure="areaM2"]`)
    expect(await textOf(figure.locator('.site-card__value'))).toMatch(/万 m²$/)
    expect(await textOf(figure.locator('.site-card__label'))).toBe('折合平方米')
    // Leave only a still map: Leaflet throws when its map goes away in the middle of a pan.
    await mapSettled(page)
  })

  it('says beside a number filter that "abc" is not a number', async () => {
    await go('#/')
    const input = page.locator('input[name="vacantArea.min"]')
    await input.fill('abc')
    const message = page.locator('[data-filter="vacantArea"] [data-field-error]')
    expect(await textOf(message)).toBe('“abc”不是数字，请填写数字（如 1500），这一项暂不筛选')
    // Beside the field: just under it, within the filter's own box.
    const [field, note] = [(await input.boundingBox())!, (await message.boundingBox())!]
    expect(note.y).toBeGreaterThanOrEqual(field.y + field.height - 1)
    expect(note.y).toBeLessThan(field.y + field.height + 40)
    await input.fill('')
    expect(await message.count()).toBe(0)
    await mapSettled(page)
  })

  it('asks to choose a district when 区县 is left empty', async () => {
    await go('#/buildings/new')
    await page.locator('input[name="name"]').fill('首小时大厦')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    expect(await textOf(errorBeside(page, 'districtCode'))).toBe('所属区县：请选择区县')
  })

  it('tells on the parcel form how to draw the boundary on the map, with a link there', async () => {
    const parcel = (await call('parcels.list', {}))[0]!
    await go(`#/parcels/${parcel.id}/edit`)
    const hint = page.getByTestId('draw-on-map')
    expect(await hint.textContent()).toContain('绘制边界')
    expect(await page.locator('form').textContent()).not.toContain('将随地图功能提供')
    await hint.getByRole('link', { name: '在地图上描画边界' }).click()
    await page.locator(`[data-card="parcel:${parcel.id}"]`).waitFor()
    expect(await page.locator(`[data-card="parcel:${parcel.id}"]`).getByRole('button', { name: /绘制边界|编辑边界/ }).count()).toBe(1)
    await mapSettled(page)
  })

  it('writes dates year-month-day in the interface language whatever the system locale', async () => {
    expect(await page.evaluate(() => navigator.language)).toBe('en-US')
    await go('#/visits/new')
    const date = page.locator('input[name="followUpDate"]')
    expect(await date.getAttribute('type')).toBe('text')
    expect(await date.getAttribute('placeholder')).toBe('年-月-日')
    await date.fill('2025/6/1')
    await date.blur()
    expect(await date.inputValue()).toBe('2025-06-01')
    await page.getByRole('combobox', { name: '界面语言', exact: true }).selectOption('en')
    await expect.poll(() => page.locator('input[name="followUpDate"]').getAttribute('placeholder')).toBe('YYYY-MM-DD')
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('zh')
    await expect.poll(() => page.locator('input[name="followUpDate"]').getAttribute('placeholder')).toBe('年-月-日')
  })

  it('removes the demo data from settings, keeping the building a person renamed, and the banner goes', async () => {
    const building = (await call('buildings.list', {}))[1]!
    await call('buildings.update', { id: building.id, name: '首小时改名大厦' })
    await go('#/buildings')
    await page.getByRole('note').getByRole('link', { name: '移除演示数据…' }).click()
    await page.getByRole('button', { name: '移除演示数据', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: '移除演示数据' })
    const kept = dialog.getByRole('checkbox', { name: /首小时改名大厦/ })
    expect(await kept.isChecked()).toBe(true)
    expect(await dialog.getByText('改过：楼宇名称').count()).toBe(1)
    // The person's own lease on a demo building keeps that building (in use).
    expect(await dialog.textContent()).toContain('被您自己的记录用到')
    await dialog.getByRole('button', { name: '移除', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByRole('note').count()).toBe(0)

    const left = await call('buildings.list', {})
    expect(left.map((b) => b.name)).toContain('首小时改名大厦')
    expect(left.every((b) => !b.isDemo)).toBe(true)
    expect((await call('meta.info', {})).hasDemoData).toBe(false)
    await go('#/settings')
    await page.getByRole('heading', { name: '设置' }).waitFor()
    expect(await page.getByRole('button', { name: '移除演示数据' }).count()).toBe(0)
    expect(errors).toEqual([])
  })
})
