import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { rpc } from '../helpers/mapPage'
import { recordConsoleErrors } from '../helpers/screen'
import { creditCodeCheckChar } from '../../src/shared/creditCode'

const JINLANG_CODE = `91210103MA0JL0001${creditCodeCheckChar('91210103MA0JL0001')}`

// A person leasing space in a building finds the tenant by typing part of its name, or its pinyin
// initials, in the lease dialog (no list of every tenant), makes a new one without leaving the
// dialog, then sees the tenants' buildings in the list and their leases on the tenant's page; a
// credit code from an early pilot area is kept once the person confirms it. 1280×720.
describe('tenants in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let errors: string[]
  let buildingId = ''

  beforeAll(async () => {
    host = await startBrowserHost()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    errors = recordConsoleErrors(page)
    await page.goto(host.url)
    await page.getByRole('dialog').getByRole('button', { name: '从空白开始' }).click()
    const call = <M extends Parameters<typeof rpc>[3]>(method: M, input: Parameters<typeof rpc<M>>[4]) => rpc(page, host.origin, host.token, method, input)
    buildingId = (await call('buildings.create', { name: '测试金融中心', districtCode: '210103' })).id
    for (const floor of ['12', '13', '14']) await call('spaces.create', { buildingId, floorLabel: floor, area: 500, status: 'vacant' })
    await call('tenants.create', { name: '沈阳中海科技有限公司', industry: 'I' })
    await call('tenants.create', { name: '辽宁金廊商贸有限公司', industry: 'F', creditCode: JINLANG_CODE })
    await call('tenants.create', { name: '中海物业管理有限公司' })
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const go = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash)
  const leaseRows = () => page.locator('[data-testid="lease-row"]')

  /** Opens 新增租约, finds the tenant by typing `typed`, picks it (↓/Enter or a click), ticks floor `floor` and saves. */
  async function leaseTo(typed: string, pick: (dialog: ReturnType<Page['getByRole']>) => Promise<void>, floor: string) {
    await page.getByRole('button', { name: '新增租约' }).click()
    const dialog = page.getByRole('dialog')
    const box = dialog.getByRole('combobox', { name: /入驻企业/ })
    await box.pressSequentially(typed, { delay: 40 })
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true')
    await pick(dialog)
    await dialog.getByRole('checkbox', { name: new RegExp(`^${floor} 层`) }).check()
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'detached' })
  }

  it('finds a tenant by part of its name, shows its code and industry, and saves the lease', async () => {
    await go(`#/buildings/${buildingId}`)
    await leaseTo('金廊', async (dialog) => {
      const option = dialog.getByRole('option', { name: /辽宁金廊商贸有限公司/ })
      await option.waitFor()
      expect(await option.textContent()).toContain('批发和零售业')
      expect(await option.textContent()).toContain(JINLANG_CODE)
      await option.click()
    }, '12')
    await expect.poll(() => leaseRows().filter({ hasText: '辽宁金廊商贸有限公司' }).count()).toBe(1)
  })

  it('finds a tenant by its pinyin initials with the keyboard alone', async () => {
    await leaseTo('syzh', async (dialog) => {
      const box = dialog.getByRole('combobox')
      await dialog.getByRole('option', { name: /沈阳中海科技有限公司/ }).waitFor()
      await box.press('ArrowDown')
      await box.press('ArrowUp')
      const active = await box.getAttribute('aria-activedescendant')
      expect(await dialog.locator(`[id="${active}"]`).textContent()).toContain('沈阳中海科技有限公司')
      await box.press('Enter')
      await expect.poll(() => box.inputValue()).toBe('沈阳中海科技有限公司')
      expect(await box.getAttribute('aria-expanded')).toBe('false')
    }, '13')
    await expect.poll(() => leaseRows().filter({ hasText: '沈阳中海科技有限公司' }).count()).toBe(1)
  })

  it('makes a new tenant from the dialog when nobody has that name', async () => {
    await leaseTo('沈阳全新未来科技有限公司', async (dialog) => {
      await dialog.getByRole('option', { name: '新建企业“沈阳全新未来科技有限公司”' }).click()
      await expect.poll(() => dialog.getByRole('combobox').inputValue()).toBe('沈阳全新未来科技有限公司')
    }, '14')
    await expect.poll(() => leaseRows().filter({ hasText: '沈阳全新未来科技有限公司' }).count()).toBe(1)
  })

  it('lists each tenant’s buildings and filters them, at 1280×720', async () => {
    await go('#/tenants')
    const rows = page.locator('[data-testid="tenant-row"]')
    await expect.poll(() => rows.count()).toBe(4)
    expect(await rows.filter({ hasText: '辽宁金廊商贸有限公司' }).textContent()).toContain('测试金融中心')
    expect(await rows.filter({ hasText: '中海物业管理有限公司' }).textContent()).toContain('暂无在租')
    await page.getByRole('combobox', { name: '所属行业' }).selectOption('I')
    await expect.poll(() => rows.count()).toBe(1)
    await page.getByRole('button', { name: '清除筛选' }).click()
    await page.locator('.tenants-list input[name="q"]').fill('lnjl')
    await expect.poll(() => rows.count()).toBe(1)
    const table = (await page.locator('.tenant-vtable').boundingBox())!
    expect(table.x + table.width).toBeLessThanOrEqual(1280)
  })

  it('shows the tenant’s leases on its page', async () => {
    await page.getByRole('link', { name: '辽宁金廊商贸有限公司' }).click()
    const row = page.locator('[data-testid="tenant-lease-row"]')
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.textContent()).toContain('测试金融中心')
    expect(await row.getAttribute('data-phase')).toBe('current')
  })

  it('keeps an early pilot-area credit code once the person confirms it', async () => {
    await go('#/tenants/new')
    await page.locator('input[name="name"]').fill('厦门试点科技有限公司')
    await page.locator('input[name="creditCode"]').fill('91350211M00013FA1N')
    await page.getByRole('button', { name: '保存' }).click()
    const confirm = page.getByRole('dialog', { name: '请确认' })
    await confirm.getByText('校验位与 GB 32100-2015 的计算不符').waitFor()
    await confirm.getByRole('button', { name: '确认无误，保存' }).click()
    await page.getByRole('heading', { name: /厦门试点科技有限公司/ }).waitFor()
    expect(await page.locator('.facts').textContent()).toContain('91350211M00013FA1N')
    expect(errors).toEqual([])
  })
})
