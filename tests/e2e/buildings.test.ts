import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, recordRequests, startBrowserHost } from '../helpers/browserHost'

// A person's first session: start empty, record a building with two floors, mark a floor leased,
// find it again by a Chinese substring, reload, and see everything kept.
describe('buildings in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let requests: string[]

  beforeAll(async () => {
    host = await startBrowserHost()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    requests = recordRequests(page)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const tile = (key: string) => page.locator(`[data-stat="${key}"] .stat-tile__value`)
  const tileText = async (key: string) => (await tile(key).textContent())?.trim()

  it('starts empty from the first-start choice', async () => {
    await page.goto(host.url)
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('heading')).toBeDefined()
    await dialog.getByRole('button', { name: '从空白开始' }).click()
    await page.getByText('地图上还没有资源').waitFor()
  })

  it('creates a building and adds its floors', async () => {
    await page.getByRole('link', { name: '楼宇', exact: true }).click()
    await page.getByRole('button', { name: '新增楼宇' }).first().click()
    await page.locator('input[name="name"]').fill('测试金融中心')
    await page.locator('select[name="districtCode"]').selectOption('210103')
    await page.locator('input[name="address"]').fill('沈河区青年大街 100 号')
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByRole('heading', { name: '测试金融中心' }).waitFor()
    // The page opens on the stacking plan; this person prefers the table (remembered from now on).
    await page.getByRole('tab', { name: '表格' }).click()

    for (const [floor, area, status] of [['12', '1500', 'vacant'], ['13', '500', 'leased']] as const) {
      await page.getByRole('button', { name: '新增空间' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.locator('input[name="floorLabel"]').fill(floor)
      await dialog.locator('input[name="area"]').fill(area)
      await dialog.locator('select[name="status"]').selectOption(status)
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.waitFor({ state: 'detached' })
    }
    await expect.poll(() => page.locator('[data-testid="space-row"]').count()).toBe(2)
    await expect.poll(() => tileText('vacancyRate')).toBe('75.0%')
  })

  it('shows the field and reason beside the field for bad input', async () => {
    await page.getByRole('button', { name: '新增空间' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('input[name="floorLabel"]').fill('14')
    await dialog.locator('input[name="area"]').fill('-3')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.locator('[data-field-error]', { hasText: '面积：应大于 0' }).waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()
    expect(await page.locator('[data-testid="space-row"]').count()).toBe(2)
  })

  it('edits vacancy in place and the figures follow', async () => {
    const row = page.locator('[data-testid="space-row"]', { hasText: '1,500' })
    await row.locator('select[name="status"]').selectOption('leased')
    await expect.poll(() => row.getAttribute('data-save-state')).toBe('saved')
    await expect.poll(() => tileText('vacancyRate')).toBe('0.0%')
    await expect.poll(() => tileText('occupancyRate')).toBe('100.0%')
  })

  it('finds the building by a Chinese substring and keeps everything across a reload', async () => {
    await page.getByRole('link', { name: '统计分析' }).click()
    const search = page.getByRole('searchbox')
    await search.fill('金融中')
    await page.getByRole('option', { name: /测试金融中心/ }).click()
    await page.getByRole('heading', { name: '测试金融中心' }).waitFor()
    // The page opens on the stacking plan; this person prefers the table (remembered from now on).
    await page.getByRole('tab', { name: '表格' }).click()

    await page.reload()
    await page.getByRole('heading', { name: '测试金融中心' }).waitFor()
    // The page opens on the stacking plan; this person prefers the table (remembered from now on).
    await page.getByRole('tab', { name: '表格' }).click()
    const row = page.locator('[data-testid="space-row"]', { hasText: '1,500' })
    expect(await row.locator('select[name="status"]').inputValue()).toBe('leased')
    await expect.poll(() => tileText('vacancyRate')).toBe('0.0%')
  })

  it('never reaches beyond 127.0.0.1', () => {
    expect(requests.length).toBeGreaterThan(5)
    expect(requests.filter((url) => !url.startsWith(host.origin))).toEqual([])
  })
})
