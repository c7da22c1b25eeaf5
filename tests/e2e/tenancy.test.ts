import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../src/shared/tenancy'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { recordConsoleErrors } from '../helpers/screen'

// A person walks a lease through its life on a building of four 500 m² floors, one already leased
// to another company: leases three floors and sees vacancy drop; ends that lease early and sees
// vacancy rise from the next day (the building's figures on tomorrow's date); renews the other
// lease and sees the two terms as one history; finds the floors coming free.
describe('the lease lifecycle in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let errors: string[]
  let building = ''
  const pad = (n: number) => String(n).padStart(2, '0')
  const now = new Date()
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`

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

  beforeAll(async () => {
    host = await startBrowserHost()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    errors = recordConsoleErrors(page)
    await rpc('meta.finishOnboarding', { loadDemo: false })
    building = (await rpc<{ id: string }>('buildings.create', { name: '华润大厦', districtCode: '210103' })).id
    const floors: Record<string, string> = {}
    for (const floor of ['5', '6', '7', '8']) {
      floors[floor] = (await rpc<{ id: string }>('spaces.create', { buildingId: building, floorLabel: floor, area: 500, status: 'vacant' })).id
    }
    await rpc('tenants.create', { name: '沈阳数智科技有限公司', contactName: '王经理', contactPhone: '024-2222 3333' })
    const other = (await rpc<{ id: string }>('tenants.create', { name: '辽宁金廊商贸有限公司' })).id
    await rpc('leases.create', { tenantId: other, spaceIds: [floors['8']], startDate: '2024-01-01', endDate: addDays(today, 60) })
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const tile = (key: string) => page.locator(`[data-stat="${key}"] .stat-tile__value`)
  const vacancy = async () => (await tile('vacancyRate').textContent())?.trim()
  const leaseRow = (tenant: string) => page.locator('[data-testid="lease-row"]', { hasText: tenant })

  it('leases three floors to a tenant and sees the vacancy drop', async () => {
    await page.goto(`${host.url}#/buildings/${building}`)
    await page.getByRole('heading', { level: 1, name: '华润大厦' }).waitFor()
    await page.getByRole('tab', { name: '表格' }).click()
    await expect.poll(vacancy).toBe('75.0%')

    await page.getByRole('button', { name: '新增租约' }).click()
    const dialog = page.getByRole('dialog')
    // The tenant is found by typing part of its name in the picker.
    await dialog.getByRole('combobox', { name: /入驻企业/ }).fill('数智')
    await dialog.getByRole('option', { name: /沈阳数智科技有限公司/ }).click()
    for (const floor of ['5', '6', '7']) await dialog.getByRole('checkbox', { name: new RegExp(`^${floor} 层`) }).check()
    await dialog.locator('input[name="startDate"]').fill(addDays(today, -30))
    await dialog.locator('input[name="endDate"]').fill(addDays(today, 365))
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(vacancy).toBe('0.0%')
  })

  it('ends that lease early today: leased today, vacant from tomorrow', async () => {
    await leaseRow('沈阳数智科技有限公司').getByRole('button', { name: '提前退租' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('input[name="leaseEndDate"]').fill(today)
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(async () => (await leaseRow('沈阳数智科技有限公司').textContent()) ?? '').toContain(today)
    // Today the floors are still let.
    await expect.poll(vacancy).toBe('0.0%')

    const card = page.getByTestId('as-of-card')
    const figure = (key: string) => card.locator(`[data-figure="${key}"]`)
    await expect.poll(async () => (await figure('vacancy').textContent())?.trim()).toBe('0.0%')
    await card.locator('input[name="asOfDate"]').fill(addDays(today, 1))
    await card.locator('input[name="asOfDate"]').blur()
    await expect.poll(async () => (await figure('vacancy').textContent())?.trim()).toBe('75.0%')
    expect(await figure('vacant').textContent()).toBe('1,500 m²')
  })

  it('renews the other lease and sees both terms as one history', async () => {
    await leaseRow('辽宁金廊商贸有限公司').getByRole('button', { name: '续租' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('input[name="renewEnd"]').fill(addDays(today, 60 + 730))
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => leaseRow('辽宁金廊商贸有限公司').count()).toBe(2)

    await leaseRow('辽宁金廊商贸有限公司').filter({ hasText: addDays(today, 790) }).getByRole('button', { name: '修改' }).click()
    const chain = page.getByTestId('lease-chain').locator('li')
    await expect.poll(() => chain.count()).toBe(2)
    expect(await chain.first().textContent()).toContain(`2024-01-01 ~ ${addDays(today, 60)}`)
    expect(await chain.last().textContent()).toContain(`${addDays(today, 61)} ~ ${addDays(today, 790)}`)
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()
  })

  it('leads from the refusal to mark a leased floor vacant to where the lease end date is entered', async () => {
    await page.locator('[data-testid="space-row"]', { hasText: '辽宁金廊商贸有限公司' }).getByRole('button', { name: '编辑' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('select[name="status"]').selectOption('vacant')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.getByText('填写到期日期', { exact: false }).first().waitFor()
    await dialog.getByRole('button', { name: '打开该租约，填写到期日期' }).click()
    await page.getByRole('dialog').getByRole('heading', { name: '租约：辽宁金廊商贸有限公司' }).waitFor()
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('endDate')
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()
  })

  it('lists the floors coming free with the tenant to call, and not the renewed one', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '即将到期', exact: true }).click()
    const rows = page.getByTestId('coming-free-row')
    await expect.poll(() => rows.count()).toBe(3)
    expect(await rows.first().textContent()).toContain('沈阳数智科技有限公司')
    expect(await rows.first().textContent()).toContain('024-2222 3333')
    expect(errors).toEqual([])
  })
})
