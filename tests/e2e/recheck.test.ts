import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { rpc } from '../helpers/mapPage'
import { recordConsoleErrors } from '../helpers/screen'
import { openTestApp, tempDir } from '../helpers/store'

// A person walks a tower whose figures were confirmed ten days ago except one floor, last seen
// five months ago: the re-check queue lists the tower for that floor, nearest first from the
// tower itself; on the building's page the person marks the floor verified and the tower leaves
// the queue. Every other demo site was entered 200 days ago and never verified: stale, hatched
// on the map. Screenshots at 1280×720 go to $SCREENSHOT_DIR when it is set.

const SHOTS = process.env.SCREENSHOT_DIR

describe('re-check queue in the browser host', () => {
  let dataDir: string
  let host: BrowserHost
  let browser: Browser
  let page: Page
  const errors: string[] = []
  let tower: { id: string; name: string; lng: number; lat: number; floor: string }

  beforeAll(async () => {
    // The store is made and aged here, before the host opens it.
    dataDir = tempDir('site-atlas-e2e-recheck-')
    const app = await openTestApp(path.join(dataDir, 'site-atlas.db'))
    await app.ok('meta.finishOnboarding', { loadDemo: true })
    const db = app.store.db
    for (const table of ['buildings', 'spaces', 'parcels'] as const) {
      await sql`UPDATE ${sql.table(table)} SET verified_at = NULL,
        created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-200 days')`.execute(db)
    }
    // A placed tower with spaces on at least two floors.
    const { rows } = await sql<{ id: string; name: string; lng: number; lat: number; floor: string }>`
      SELECT b.id, b.name, b.lng, b.lat, max(s.floor_label) AS floor FROM buildings b JOIN spaces s ON s.building_id = b.id AND s.deleted_at IS NULL
      WHERE b.deleted_at IS NULL AND b.lng IS NOT NULL GROUP BY b.id HAVING count(DISTINCT s.floor_label) >= 2 ORDER BY b.name LIMIT 1`.execute(db)
    tower = rows[0]!
    await sql`UPDATE buildings SET verified_at = date('now', 'localtime', '-10 days') WHERE id = ${tower.id}`.execute(db)
    await sql`UPDATE spaces SET verified_at = CASE WHEN floor_label = ${tower.floor}
      THEN date('now', 'localtime', '-150 days') ELSE date('now', 'localtime', '-10 days') END
      WHERE building_id = ${tower.id}`.execute(db)
    await app.services.shutdown()
    await app.close()

    host = await startBrowserHost({ dataDir })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    recordConsoleErrors(page, errors)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, name) })
  }
  const towerRow = () => page.locator(`[data-testid="recheck-row"][data-id="${tower.id}"]`)

  it('lists the tower for its one stale floor, nearest first from the tower chosen as the starting point', async () => {
    await page.goto(`${host.url}#/recheck`)
    await page.getByRole('heading', { name: '复核清单' }).waitFor()
    await page.locator('#recheck-site').fill(tower.name)
    await page.locator('.recheck__hits button', { hasText: tower.name }).first().click()
    await page.getByTestId('recheck-origin-now').getByText(`起点：${tower.name}`).waitFor()
    await expect.poll(() => page.locator('[data-testid="recheck-row"]').first().getAttribute('data-id')).toBe(tower.id)

    const row = towerRow()
    expect((await row.getByTestId('recheck-distance').textContent())?.trim()).toBe('0 米')
    await row.locator(`[data-floor="${tower.floor}"]`).getByRole('button', { name: `核实 ${tower.floor} 层` }).waitFor()
    expect(await row.locator('.recheck__part').count()).toBe(1) // the floor only: the building itself is fresh
    expect(await row.locator('.freshness--stale').textContent()).toBe('已 5 个月未核实')
    // Every other demo site is stale too, listed after it.
    expect(await page.locator('[data-testid="recheck-row"]').count()).toBeGreaterThan(5)
    await shot('recheck-queue.png')
  })

  it('marks the floor verified on the building page, and the tower leaves the queue', async () => {
    await towerRow().getByRole('link', { name: tower.name }).click()
    await page.getByRole('heading', { name: tower.name }).waitFor()
    await page.getByRole('tab', { name: '表格' }).click()
    const floorRow = page.locator(`[data-testid="floor-check"][data-floor="${tower.floor}"]`)
    expect(await floorRow.getAttribute('data-stale')).toBe('1')
    expect(await page.getByTestId('verify-bar').getAttribute('data-stale')).toBe('1')
    await floorRow.getByRole('button', { name: '核实本层' }).click()
    await expect.poll(() => floorRow.getAttribute('data-stale')).toBe('0')
    await floorRow.getByText('今天核实').waitFor()
    // Every part of the tower is now within the threshold.
    await expect.poll(() => page.getByTestId('verify-bar').getAttribute('data-stale')).toBe('0')

    await page.getByRole('link', { name: '复核清单' }).click()
    await page.getByRole('heading', { name: '复核清单' }).waitFor()
    await expect.poll(() => page.locator('[data-testid="recheck-row"]').count()).toBeGreaterThan(0)
    await expect.poll(() => towerRow().count()).toBe(0)
    const queue = await rpc(page, host.origin, host.token, 'verification.queue', {})
    expect(queue.items.some((i) => i.id === tower.id)).toBe(false)
  })

  it('hatches the stale sites on the map and not the verified tower', async () => {
    // Close enough that every building is its own circle (bubbles gather from zoom 15 down).
    await rpc(page, host.origin, host.token, 'settings.set', { key: 'map.view', value: JSON.stringify({ center: [tower.lng, tower.lat], zoom: 16 }) })
    await rpc(page, host.origin, host.token, 'settings.set', { key: 'map.selection', value: '[]' })
    await page.goto(host.url)
    const map = page.locator('.site-map[data-buildings-shown]')
    await map.waitFor()
    await expect.poll(async () => Number(await map.getAttribute('data-buildings-stale'))).toBeGreaterThan(0)
    const sites = await rpc(page, host.origin, host.token, 'map.sites', {})
    const at = sites.buildings.id.indexOf(tower.id)
    expect(sites.buildings.check[at]!.endsWith('V')).toBe(true)
    await page.waitForTimeout(500) // tiles and badges settle before the picture
    await shot('map-stale.png')

    // Farther out, bubbles of mostly stale buildings are hatched too.
    await rpc(page, host.origin, host.token, 'settings.set', { key: 'map.view', value: JSON.stringify({ center: [tower.lng, tower.lat], zoom: 12 }) })
    await page.goto(host.url)
    await page.locator('.site-map[data-buildings-shown]').waitFor()
    await expect.poll(async () => Number(await page.locator('.site-map').getAttribute('data-bubbles-stale'))).toBeGreaterThan(0)
    await page.waitForTimeout(500)
    await shot('map-stale-district.png')
    expect(errors).toEqual([])
  })
})
