import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TargetRow } from '../../src/shared/stats'
import { formatRate } from '../../src/shared/format'
import { type BrowserHost, launchBrowser, recordRequests, startBrowserHost } from '../helpers/browserHost'
import { recordConsoleErrors } from '../helpers/screen'

// On the demo data, a person opens 统计分析 → 年度目标, reads a target's completion, adds a custom
// target and enters a month of it, and sees its completion change.

describe('annual targets in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let requests: string[]
  let errors: string[]
  const year = new Date().getFullYear()

  const rpc = async <T,>(method: string, input: unknown): Promise<T> => {
    const response = await fetch(`${host.origin}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
      body: JSON.stringify(input),
    })
    const body = (await response.json()) as { ok: boolean; value: T }
    expect(body.ok).toBe(true)
    return body.value
  }
  const row = (name: string) => page.locator(`tr[data-target="${name}"]`)

  beforeAll(async () => {
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    requests = recordRequests(page)
    errors = recordConsoleErrors(page)
    await page.goto(host.url)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it('shows this year’s targets with their completion and how each is counted', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '统计分析', exact: true }).click()
    await page.getByRole('tab', { name: '年度目标' }).click()
    const demo = await rpc<TargetRow[]>('targets.list', { year })
    const tenants = demo.find((t) => t.kind === 'new_above_scale_tenants')!
    const line = row('新引进规上企业')
    await line.waitFor()
    expect(await line.locator('.completion__text').textContent()).toBe(formatRate(tenants.completion))
    expect(await line.textContent()).toContain('110 家')
    expect(await line.textContent()).toContain('统计口径：本年度截至今天首次入驻楼宇的规上企业数')
    // The progress of the first target is open below: its chart's table has the twelve months.
    await expect.poll(() => page.locator('.chart-panel tbody tr').count()).toBe(12)
  })

  it('adds a custom target, enters a month, and the completion follows', async () => {
    await page.getByRole('button', { name: '新增目标' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('指标').selectOption('custom')
    await dialog.getByLabel('名称').fill('固定资产投资')
    // Without a unit the form names the field.
    await dialog.getByLabel('目标值').fill('40')
    await dialog.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => dialog.locator('[data-field-error]').first().textContent()).toMatch(/^单位：/)
    await dialog.getByLabel('单位').fill('亿元')
    await dialog.getByRole('button', { name: '保存', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })

    const line = row('固定资产投资')
    await line.waitFor()
    expect(await line.locator('.completion__text').textContent()).toBe('0.0%')
    await line.getByRole('button', { name: '按月进度' }).click()
    const march = page.getByLabel(`${year} 年 3 月完成值`)
    await march.fill('10')
    await march.press('Enter')
    await expect.poll(() => line.locator('.completion__text').textContent()).toBe('25.0%')
    expect(await line.textContent()).toContain('10 亿元')
    // Saved in the store, and the chart's table shows it from March on.
    const saved = (await rpc<TargetRow[]>('targets.list', { year })).find((t) => t.name === '固定资产投资')!
    expect(saved.months[2]).toMatchObject({ value: 10, cumulative: 10, entered: true })
    await expect.poll(() => page.locator('.chart-panel tbody tr').nth(11).textContent()).toContain('25.0%')
    expect(errors).toEqual([])
    expect(requests.every((u) => u.startsWith(host.origin) || u.startsWith('data:') || u.startsWith('blob:'))).toBe(true)
  })

  it('reaches a year far from this one by typing it', async () => {
    const far = year + 4
    await rpc('targets.create', { year: far, kind: 'custom', name: '远期规划', unit: '个', targetValue: 5 })
    const box = page.getByRole('spinbutton', { name: '年度' })
    await box.fill(String(far))
    await row('远期规划').waitFor()
    expect(await row('固定资产投资').count()).toBe(0)
    await page.getByRole('button', { name: '回到今年' }).click()
    await row('固定资产投资').waitFor()
    expect(await box.inputValue()).toBe(String(year))
    expect(errors).toEqual([])
  })
})
