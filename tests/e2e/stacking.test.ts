import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'

// Walking a tower: a person records a 20-floor building, generates its floors in one step, fills
// the floor-walk grid with the keyboard only (statuses and a typed area), undoes one change, and
// sees the building's figures and its stacking plan follow. The plan's picture goes to docs/.
describe('stacking plan and floor walk in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    host = await startBrowserHost()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const tileText = async (key: string) => (await page.locator(`[data-stat="${key}"] .stat-tile__value`).textContent())?.trim()
  const active = () => page.locator('[role="gridcell"][data-active="true"]')
  const press = async (...keys: string[]) => {
    for (const key of keys) await page.keyboard.press(key)
  }
  const settled = () => expect.poll(() => page.locator('[role="gridcell"][data-saving="true"]').count()).toBe(0)

  it('records a 20-floor tower and generates its floors in one step', async () => {
    await page.goto(host.url)
    await page.getByRole('dialog').getByRole('button', { name: '从空白开始' }).click()
    await page.getByRole('link', { name: '楼宇', exact: true }).click()
    await page.getByRole('button', { name: '新增楼宇' }).first().click()
    await page.locator('input[name="name"]').fill('浑南科技大厦')
    await page.locator('select[name="districtCode"]').selectOption('210103')
    await page.locator('input[name="floorsAbove"]').fill('20')
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByRole('heading', { name: '浑南科技大厦' }).waitFor()

    await page.getByRole('tab', { name: '逐层录入' }).click()
    const form = page.getByRole('form', { name: '生成楼层' })
    expect(await form.locator('input[name="toFloor"]').inputValue()).toBe('20')
    await form.locator('input[name="unitsPerFloor"]').fill('3')
    await form.locator('input[name="typicalArea"]').fill('500')
    await form.getByRole('button', { name: '生成楼层' }).click()
    await expect.poll(() => page.locator('[role="grid"] [role="row"][data-floor]').count()).toBe(20)
    await expect.poll(() => tileText('vacant')).toBe('3万 m²')
    // The grid takes the keyboard at once: its first cell (floor 20, unit 2001) has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('20 层 2001，空置，500 m²')
  })

  it('fills floors with the keyboard only, saves each change, undoes one, and the figures follow', async () => {
    await press('z', 'ArrowRight', 's', 'ArrowRight', 'y') // 2001 已租, 2002 已售, 2003 自用
    await press('ArrowDown', 'x') // 1903 意向 (leaving floor 20 marks it verified)
    await press('ArrowLeft', '2', '5', '0', '0', 'Enter') // 1902: 2,500 m²
    await settled()
    expect(await active().getAttribute('aria-label')).toBe('19 层 1902，空置，2,500 m²')
    // Leasable: 30,000 − sold − owner-occupied + 2,000 typed; vacant: that minus leased and reserved.
    await expect.poll(() => tileText('leasable')).toBe('3.1万 m²')
    await expect.poll(() => tileText('vacant')).toBe('3万 m²')

    await press('Control+z')
    await expect.poll(() => page.locator('.walk-grid__status').textContent()).toContain('已撤销')
    await expect.poll(() => tileText('leasable')).toBe('2.9万 m²')
    await expect.poll(() => tileText('vacant')).toBe('2.8万 m²')
    await expect.poll(() => active().getAttribute('aria-label')).toBe('19 层 1902，空置，500 m²')
    expect(await page.locator('[data-floor="20"] [role="gridcell"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status'))))
      .toEqual(['leased', 'sold', 'owner_occupied'])

    // A floor changed in the grid and left counts as verified.
    await press('ArrowDown', 'ArrowDown', 'k')
    await settled()
    await press('ArrowDown')
    await expect.poll(() => page.locator('.walk-grid__status').textContent()).toBe('17 层已核实')
  })

  it('shows the stacking plan: blocks by status, the largest vacant block, floors leased at once', async () => {
    await page.getByRole('tab', { name: '楼宇剖面' }).click()
    const plan = page.locator('.stacking__floors')
    await plan.waitFor()
    expect(await plan.locator('[data-floor]').count()).toBe(20)
    expect(await plan.locator('[data-floor="20"] .stacking__space').evaluateAll((b) => b.map((e) => e.getAttribute('data-status'))))
      .toEqual(['leased', 'sold', 'owner_occupied'])
    // Floors 1–18 are wholly vacant and adjacent (19 has a reserved unit): 18 × 1,500 m².
    await expect.poll(() => page.getByTestId('largest-block').textContent()).toBe('最大连续空置 2.7万 m²（1-18 层）')

    // "12-14 整层 已租 给 …": select the run by typing it, lease it whole to a company named here.
    await page.locator('input[name="floorRange"]').fill('12-14')
    await page.getByRole('button', { name: '选中', exact: true }).click()
    await page.locator('input[name="leaseTenant"]').fill('沈阳数智科技有限公司')
    const soon = new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10)
    await page.locator('input[name="leaseEnd"]').fill(soon)
    await page.getByRole('button', { name: /并出租|^出租$/ }).click()
    await expect.poll(() => plan.locator('[data-floor="13"] .stacking__space[data-status="leased"]').count()).toBe(3)
    expect(await plan.locator('[data-floor="13"] .ending--within6').count()).toBe(3)
    await expect.poll(() => tileText('vacant')).toBe('2.35万 m²')
    await expect.poll(() => page.getByTestId('largest-block').textContent()).toBe('最大连续空置 1.65万 m²（1-11 层）')
    await page.getByRole('button', { name: '取消选择' }).click()

    // Split 1601 (300 + 200 m²) and merge 1801 with 1802, picking blocks with Ctrl-click.
    await plan.locator('[data-floor="16"] .stacking__space').first().click({ modifiers: ['Control'] })
    await page.getByRole('button', { name: '拆分', exact: true }).click()
    const split = page.getByRole('dialog')
    expect(await split.locator('input[name="unitA"]').inputValue()).toBe('1601A')
    await split.locator('input[name="areaA"]').fill('300')
    expect(await split.locator('input[name="areaB"]').inputValue()).toBe('200')
    await split.getByRole('button', { name: '拆分', exact: true }).click()
    await split.waitFor({ state: 'detached' })
    await expect.poll(() => plan.locator('[data-floor="16"] .stacking__unit').allTextContents()).toEqual(['1601A', '1601B', '1602', '1603'])
    for (const unit of ['1801', '1802']) await plan.locator('[data-floor="18"] .stacking__space', { hasText: unit }).click({ modifiers: ['Control'] })
    await page.getByRole('button', { name: '合并', exact: true }).click()
    await expect.poll(() => plan.locator('[data-floor="18"] .stacking__unit').allTextContents()).toEqual(['1801-1802', '1803'])
    await expect.poll(() => tileText('vacant')).toBe('2.35万 m²')

    await page.mouse.move(0, 0)
    await expect.poll(() => page.locator('.toast').count(), { timeout: 15_000 }).toBe(0)
    await page.locator('.spaces-views').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.screenshot({ path: path.resolve(import.meta.dirname, '../../docs/stacking-plan.png') })

    // Undoing the merge (one write) brings 1802 back beside 1801; the figures do not move.
    await page.getByRole('button', { name: /^撤销：合并为/ }).click()
    await expect.poll(() => plan.locator('[data-floor="18"] .stacking__unit').allTextContents()).toEqual(['1801', '1802', '1803'])
    await expect.poll(() => tileText('vacant')).toBe('2.35万 m²')
  })
})
