import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, recordRequests, startBrowserHost } from '../helpers/browserHost'
import { recordConsoleErrors, textOf } from '../helpers/screen'

// A person tries the app on the demo data, then works in English: the choice is kept in the
// store, so it survives a reload and follows them into a window that has no cached choice.
describe('demo data and the interface language in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let requests: string[]
  let errors: string[]
  const otherContexts: BrowserContext[] = []

  beforeAll(async () => {
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    requests = recordRequests(page)
    errors = recordConsoleErrors(page)
  })
  afterAll(async () => {
    for (const context of otherContexts) await context.close()
    await browser?.close()
    await host?.stop()
  })

  const navLink = (p: Page, label: string) => p.getByRole('navigation').getByRole('link', { name: label, exact: true })

  /** Picks a language in the sidebar and waits until the store has it. */
  async function chooseLanguage(p: Page, selectLabel: string, language: 'zh' | 'en') {
    const saved = p.waitForResponse((r) => r.url().endsWith('/rpc/settings.set') && r.ok())
    await p.getByRole('combobox', { name: selectLabel, exact: true }).selectOption(language)
    expect(await (await saved).json()).toMatchObject({ ok: true })
  }

  it('opens on the demo data with its banner and Chinese figures', async () => {
    await page.goto(host.url)
    // The map is the home screen; the figures by district are on the overview.
    await page.locator('.site-map[data-buildings-placed]').waitFor()
    expect(await page.getByRole('dialog').count()).toBe(0)
    await navLink(page, '统计分析').click()
    await page.getByRole('heading', { name: '统计分析' }).waitFor()
    const banner = page.getByRole('note')
    expect(await banner.locator('.badge--demo').textContent()).toBe('演示数据')
    expect(await banner.textContent()).toContain('当前显示的是演示数据')

    // The building tiles are the rollup's total: a placeholder until it answers.
    const buildingsTile = page.locator('[data-stat="楼宇"] .stat-tile__value')
    await expect.poll(async () => /^[\d,]+$/.test((await textOf(buildingsTile)) ?? '')).toBe(true)
    const buildings = Number((await textOf(buildingsTile))?.replace(/,/g, ''))
    expect(buildings).toBeGreaterThan(20)
    const shenhe = page.locator('table tbody tr', { has: page.getByRole('cell', { name: '沈河区', exact: true }) })
    await expect.poll(() => shenhe.count()).toBe(1)
    expect(Number(await textOf(shenhe.locator('td').nth(1)))).toBeGreaterThan(0)
    expect(await textOf(page.locator('[data-stat="空置率"] .stat-tile__value'))).toMatch(/^\d+\.\d%$/)
  })

  it('marks every demo building in the list', async () => {
    await navLink(page, '楼宇').click()
    const rows = page.locator('[data-testid="building-row"]')
    await expect.poll(() => rows.count()).toBeGreaterThan(20)
    const count = await rows.count()
    expect(await rows.locator('.badge--demo', { hasText: '演示数据' }).count()).toBe(count)
  })

  it('finds the digital economy park by a Chinese substring', async () => {
    await page.getByRole('searchbox', { name: '搜索', exact: true }).fill('数字经济')
    const hit = page.getByRole('option', { name: /数字经济产业园/ })
    expect(await hit.locator('.search-box__kind').textContent()).toBe('园区')
    await hit.click()
    await page.getByRole('heading', { level: 1, name: /数字经济产业园/ }).waitFor()
    expect(page.url()).toMatch(/#\/parks\/[^/]+$/)
    expect(await page.locator('h1 .badge--demo').textContent()).toBe('演示数据')
  })

  it('switches to English and keeps it across a reload', async () => {
    await chooseLanguage(page, '界面语言', 'en')
    await navLink(page, 'Buildings').waitFor()
    expect(await navLink(page, '楼宇').count()).toBe(0)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    const parkUrl = page.url()

    await page.reload()
    await page.getByRole('heading', { level: 1, name: /数字经济产业园/ }).waitFor()
    await navLink(page, 'Buildings').waitFor()
    expect(await page.getByRole('note').textContent()).toContain('You are looking at demo data')
    expect(page.url()).toBe(parkUrl)
  })

  it('remembers English in the store, not only in this window', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    otherContexts.push(context)
    const fresh = await context.newPage()
    recordConsoleErrors(fresh, errors)
    const freshRequests = recordRequests(fresh)
    // A new context starts with empty localStorage: only the store can say English.
    // The page's address no longer holds the token (the host keeps it in a cookie of the first
    // context): a new context opens the printed address, on the same screen.
    await fresh.goto(host.url + new URL(page.url()).hash)

    await navLink(fresh, 'Buildings').waitFor()
    await navLink(fresh, 'Statistics').click()
    await fresh.getByRole('heading', { name: 'Statistics' }).waitFor()
    await fresh.getByRole('columnheader', { name: 'District', exact: true }).waitFor()
    // On the map, sky parks wear an English badge too (园 in Chinese).
    await navLink(fresh, 'Map').click()
    const badges = fresh.locator('.leaflet-marker-pane .park-badge span')
    await badges.first().waitFor()
    expect(new Set((await badges.allTextContents()).map((text) => text.replace(/ \d+$/, '')))).toEqual(new Set(['P']))
    requests.push(...freshRequests)
  })

  it('switches back to Chinese', async () => {
    await chooseLanguage(page, 'Language', 'zh')
    await navLink(page, '楼宇').waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await page.reload()
    await navLink(page, '楼宇').waitFor()
    expect(await navLink(page, 'Buildings').count()).toBe(0)
  })

  it('logs no console errors and never reaches beyond 127.0.0.1', () => {
    expect(errors).toEqual([])
    expect(requests.length).toBeGreaterThan(10)
    expect(requests.filter((url) => !url.startsWith(host.origin))).toEqual([])
  })
})
