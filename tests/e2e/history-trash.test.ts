import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { recordConsoleErrors } from '../helpers/screen'
import { decodeMapSites, type MapSitesWire } from '../../src/shared/mapSitesWire'

// A person gives their name in the settings, deletes a space on a building's page, finds it in
// the trash (deleted by them), restores it and sees it back on the page; then reads both changes,
// signed with their name, in the change history and on the building's own history.

const SHOTS = 'test-results/history-trash'

describe('history and trash in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let errors: string[]
  let towerId = ''

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

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    errors = recordConsoleErrors(page)
    towerId = decodeMapSites(await rpc<MapSitesWire>('map.sites', {})).buildings.find((b) => b.name === '茂业中心')!.id
  })
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await page.screenshot({ path: `${SHOTS}/failed-${context.task.name.slice(0, 40)}.png` })
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const nav = (label: string) => page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click()
  const spaceRows = () => page.locator('[data-testid="space-row"]')
  /** A screenshot once the toasts (shown for a few seconds) are gone, so the screen is seen as it stays. */
  const shot = async (name: string) => {
    await expect.poll(() => page.locator('.toast').count(), { timeout: 20_000 }).toBe(0)
    await page.screenshot({ path: `${SHOTS}/${name}-1280x720.png` })
  }

  it('signs changes with the name given in the settings', async () => {
    await page.goto(host.url)
    await page.locator('.site-map[data-buildings-placed]').waitFor()
    // No name yet: the history screen says so, gently, and leads to the settings.
    await nav('修改记录')
    await page.locator('[data-testid="name-prompt"]').waitFor()
    await page.locator('[data-testid="name-prompt"]').getByRole('link').click()
    await page.locator('#settings-user-name').fill('陈晓')
    await page.locator('#settings-user-name').press('Enter')
    await page.getByText('已保存姓名').waitFor()
  })

  it('deletes a space, restores it from the trash, and sees it back on the building page', async () => {
    await page.goto(`${host.origin}/#/buildings/${towerId}`)
    await page.getByRole('heading', { level: 1, name: /茂业中心/ }).waitFor()
    await page.getByRole('tab', { name: '表格' }).click()
    const before = await spaceRows().count()
    // A space nobody leases (a leased one is refused while its lease runs).
    const row = spaceRows().filter({ has: page.locator('td:nth-child(9)', { hasText: '—' }) }).first()
    const id = (await row.getAttribute('data-id'))!
    const floor = (await row.locator('.space-floor').textContent())!.trim()
    await row.getByRole('button', { name: '删除' }).click()
    await expect.poll(() => spaceRows().count()).toBe(before - 1)

    // Another deletion of another kind, so the trash shows more than one kind.
    const parcel = decodeMapSites(await rpc<MapSitesWire>('map.sites', {})).parcels[0]!
    await rpc('parcels.delete', { id: parcel.id })

    await nav('回收站')
    await page.getByRole('heading', { level: 1, name: '回收站' }).waitFor()
    const trashed = page.locator('[data-testid="trash-row"]', { hasText: `茂业中心 ${floor}层` })
    await trashed.waitFor()
    expect(await trashed.textContent()).toContain('陈晓')
    expect(await page.locator('[data-testid="trash-row"]', { hasText: parcel.name }).count()).toBe(1)
    await shot('trash')

    await trashed.getByRole('button', { name: '恢复' }).click()
    await page.getByText(`已恢复空间“茂业中心 ${floor}层`).waitFor()
    await expect.poll(() => trashed.count()).toBe(0)

    await page.goto(`${host.origin}/#/buildings/${towerId}`)
    await page.getByRole('heading', { level: 1, name: /茂业中心/ }).waitFor()
    await page.getByRole('tab', { name: '表格' }).click()
    await expect.poll(() => spaceRows().count()).toBe(before)
    expect(await page.locator(`[data-testid="space-row"][data-id="${id}"]`).count()).toBe(1)

    // The building's own history tells the same story.
    await page.locator('[data-testid="site-history"] summary').click()
    const siteLines = page.locator('[data-testid="site-history"] [data-testid="change-row"]')
    await siteLines.first().waitFor()
    expect(await siteLines.nth(0).textContent()).toContain(`恢复了空间 茂业中心 ${floor}层`)
    expect(await siteLines.nth(1).textContent()).toContain(`删除了空间 茂业中心 ${floor}层`)
    await page.locator('[data-testid="site-history"]').scrollIntoViewIfNeeded()
    await shot('building-history')
  })

  it('shows the changes in the history screen with the person’s name, filtered by person and kind', async () => {
    await nav('修改记录')
    await page.getByRole('heading', { level: 1, name: '修改记录' }).waitFor()
    expect(await page.locator('[data-testid="name-prompt"]').count()).toBe(0)
    await page.locator('select[name="actor"]').selectOption('陈晓')
    const lines = page.locator('[data-testid="change-row"]')
    await expect.poll(() => lines.count()).toBe(3)
    const texts = await lines.allTextContents()
    expect(texts.every((t) => t.includes('陈晓'))).toBe(true)
    expect(texts[0]).toMatch(/恢复了空间 茂业中心 \S+层/)
    expect(texts[1]).toContain('删除了地块')
    expect(texts[2]).toMatch(/删除了空间 茂业中心 \S+层/)

    await page.locator('select[name="table"]').selectOption('spaces')
    await expect.poll(() => lines.count()).toBe(2)
    await page.locator('select[name="actor"]').selectOption('')
    await page.locator('select[name="table"]').selectOption('')
    await lines.nth(5).waitFor()
    await shot('history')
    expect(errors).toEqual([])
  })
})
