import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { rpc } from '../helpers/mapPage'
import { recordConsoleErrors, textOf } from '../helpers/screen'
import { formatArea, formatCount, formatRate } from '../../src/shared/format'
import { decodeMapSites } from '../../src/shared/mapSitesWire'
import type { StatsRollup } from '../../src/shared/stats'

// The statistics view on the demo data at 1280×720: the totals, the district table as the command
// line prints it, copied to the clipboard and saved as a picture, a drill-down from a district to a
// building's floors and back, and the figures narrowed to what the map's filter shows.

const root = path.resolve(import.meta.dirname, '../..')

describe('the statistics view in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true })
    page = await context.newPage()
    recordConsoleErrors(page, errors)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page.screenshot({ path: `test-results/stats-${ctx.task.name.slice(0, 40)}.png` })
  })

  const call = <M extends Parameters<typeof rpc>[3]>(method: M, input: Parameters<typeof rpc<M>>[4]) => rpc(page, host.origin, host.token, method, input)
  const panel = () => page.locator('.chart-panel')
  const bodyRows = () => panel().locator('tbody tr')
  const cells = async (row: ReturnType<Page['locator']>) => (await row.locator('td').allTextContents()).map((s) => s.trim())
  const totalCells = () => cells(panel().locator('tfoot tr'))
  /** What `npm run cli -- stats --by district --json` prints for the host's own store. */
  const cliByDistrict = (): StatsRollup => {
    const result = spawnSync(process.execPath, ['scripts/host.mjs', 'cli', 'stats', '--db', path.join(host.dataDir, 'site-atlas.db'), '--by', 'district', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 })
    expect(result.status, result.stderr).toBe(0)
    return JSON.parse(result.stdout) as StatsRollup
  }
  const screenFigures = (r: StatsRollup['total']) => [
    formatCount(r.buildings), formatArea(r.leasableArea), formatArea(r.vacantArea), formatRate(r.vacancyRate), formatRate(r.occupancyRate),
    formatCount(r.tenants), formatCount(r.aboveScaleTenants), formatCount(r.registeredTenants),
  ]

  it('shows the totals and the district table with the figures the command line prints', { timeout: 180_000 }, async () => {
    await page.goto(`${host.url}#/overview`)
    await page.getByRole('heading', { name: '统计分析' }).waitFor()
    const summary = await call('stats.summary', {})
    // The building tiles are the rollup's total: a placeholder until it answers.
    await expect.poll(() => textOf(page.locator('[data-stat="楼宇"] .stat-tile__value'))).toBe(formatCount(summary.buildings))
    await expect.poll(() => textOf(page.locator('[data-stat="空置率"] .stat-tile__value'))).toBe(formatRate(summary.vacancyRate))

    const cli = cliByDistrict()
    expect(cli.rows.length).toBeGreaterThan(1)
    await expect.poll(() => bodyRows().count()).toBe(cli.rows.length)
    for (const row of cli.rows) {
      const shown = await cells(page.locator(`.chart-panel tbody tr[data-row-key="${row.key}"]`))
      expect(shown[0]).toBe(row.name)
      expect(shown.slice(1, 9)).toEqual(screenFigures(row))
    }
    const total = await totalCells()
    expect(total[0]).toBe('合计')
    expect(total.slice(1, 9)).toEqual(screenFigures(cli.total))
    expect(cli.total.buildings).toBe(summary.buildings)
    // The building tiles are the table's total: tenants with a current lease, not every tenant record.
    expect(await textOf(page.locator('[data-stat="入驻企业"] .stat-tile__value'))).toBe(formatCount(cli.total.tenants))
    expect(await textOf(page.locator('[data-stat="可租面积"] .stat-tile__value'))).toBe(formatArea(cli.total.leasableArea))
    // The chart drew on its canvas.
    await page.locator('.echart canvas').first().waitFor()
  })

  it('copies the table as TSV with raw numbers, and the same table as HTML', async () => {
    await panel().getByRole('button', { name: '复制表格' }).click()
    await panel().getByRole('status').filter({ hasText: '已复制' }).waitFor()
    const text = await page.evaluate(() => navigator.clipboard.readText())
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read()
      return item!.types.includes('text/html') ? await (await item!.getType('text/html')).text() : ''
    })
    const lines = text.trimEnd().split(/\r?\n/).map((line) => line.split('\t'))
    expect(lines[0]!.slice(0, 5)).toEqual(['区县', '楼宇数', '可租面积', '空置面积', '空置率'])
    const cli = cliByDistrict()
    expect(lines.length).toBe(cli.rows.length + 2)
    for (const [i, row] of [...cli.rows, cli.total].entries()) {
      const line = lines[i + 1]!
      expect(line[0]).toBe(row.name)
      expect(Number(line[1])).toBe(row.buildings)
      // The command line keeps areas and money to 0.01 (its usage line), the copy raw numbers.
      expect(Number(line[2])).toBeCloseTo(row.leasableArea, 2)
      expect(Number(line[3])).toBeCloseTo(row.vacantArea, 2)
      // Rates as "18.48%": Excel and WPS read them as percentages.
      expect(line[4]).toMatch(/^\d+(\.\d+)?%$/)
      expect(Number(line[4]!.replace('%', '')) / 100).toBeCloseTo(row.vacancyRate!, 4)
      expect(Number(line[9])).toBeCloseTo(row.annualTax, 2)
      // No 万, no thousands separators, no handbook link.
      expect(line.join('')).not.toMatch(/万|,|招商手册/)
    }
    expect(html).toContain('<table>')
    expect(html).toContain(`<td>${cli.rows[0]!.name}</td>`)
  })

  it('saves the chart as a PNG at twice its size on white', async () => {
    const canvas = await page.locator('.echart canvas').first().boundingBox()
    const [download] = await Promise.all([page.waitForEvent('download'), panel().getByRole('button', { name: '保存图片' }).click()])
    expect(download.suggestedFilename()).toBe('楼宇统计-按区县统计.png')
    const bytes = fs.readFileSync((await download.path())!)
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(bytes.readUInt32BE(16)).toBe(Math.round(canvas!.width) * 2)
    expect(bytes.readUInt32BE(20)).toBe(Math.round(canvas!.height) * 2)
  })

  it('drills down district → cluster → building → floor, and Back walks up again', async () => {
    const district = (await call('stats.rollup', { by: 'district' })).rows.find((r) => r.key === '210103')!
    await bodyRows().filter({ has: page.getByRole('cell', { name: district.name, exact: true }) }).locator('td').first().click()
    await expect.poll(() => page.url()).toContain('by=cluster')
    const clusters = await call('stats.rollup', { by: 'cluster', within: { districtCode: '210103' } })
    await expect.poll(() => bodyRows().count()).toBe(clusters.rows.length)
    expect(await textOf(page.locator('.stats-breadcrumb [aria-current]'))).toBe(district.name)
    expect((await totalCells()).slice(1, 9)).toEqual(screenFigures(clusters.total))

    const cluster = clusters.rows.find((r) => r.key !== null) ?? clusters.rows[0]!
    await page.locator(`.chart-panel tbody tr[data-row-key="${cluster.key ?? '~'}"] td`).first().click()
    await expect.poll(() => page.url()).toContain('by=building')
    const buildings = await call('stats.rollup', { by: 'building', within: { districtCode: '210103', clusterId: cluster.key } })
    await expect.poll(() => bodyRows().count()).toBe(buildings.rows.length)
    const building = buildings.rows[0]!
    // A building row links to its page; the row itself opens its floors.
    const buildingRow = page.locator(`.chart-panel tbody tr[data-row-key="${building.key}"]`)
    expect(await buildingRow.getByRole('link', { name: '楼宇详情' }).getAttribute('href')).toContain(`/buildings/${building.key}`)
    await buildingRow.locator('td').first().click()
    await expect.poll(() => page.url()).toContain('by=floor')
    const floors = await call('stats.rollup', { by: 'floor', within: { districtCode: '210103', clusterId: cluster.key, buildingId: building.key! } })
    expect(floors.rows.length).toBeGreaterThan(0)
    await expect.poll(() => bodyRows().count()).toBe(floors.rows.length)
    expect(await textOf(page.locator('.stats-breadcrumb [aria-current]'))).toBe(building.name)
    expect(await page.locator('.stats-breadcrumb').textContent()).toContain(cluster.name)
    // Floors are the bottom: a floor row opens nothing.
    await bodyRows().first().locator('td').first().click()
    expect(page.url()).toContain('by=floor')

    // The breadcrumb goes up to a level; Back returns to where the person was.
    await page.locator('.stats-breadcrumb').getByRole('button', { name: district.name }).click()
    await expect.poll(() => bodyRows().count()).toBe(clusters.rows.length)
    await page.goBack()
    await expect.poll(() => page.url()).toContain('by=floor')
    await expect.poll(() => bodyRows().count()).toBe(floors.rows.length)
    await page.goBack()
    await page.goBack()
    await page.goBack()
    await expect.poll(() => bodyRows().count()).toBe((await call('stats.rollup', { by: 'district' })).rows.length)
    expect(await page.locator('.stats-breadcrumb').count()).toBe(0)
  })

  it("narrows the figures to the map's filter when asked", async () => {
    const all = await call('stats.rollup', { by: 'district' })
    await page.getByRole('link', { name: '地图', exact: true }).click()
    await page.locator('.site-map[data-buildings-placed]').waitFor()
    const chip = page.locator('[data-filter="districtCodes"]').getByRole('button', { name: '浑南区', exact: true })
    await chip.click()
    await expect.poll(() => chip.getAttribute('aria-pressed')).toBe('true')
    const sites = decodeMapSites(await call('map.sites', {}))
    const hunnan = sites.buildings.filter((b) => b.districtCode === '210112')
    expect(hunnan.length).toBeGreaterThan(0)
    expect(hunnan.length).toBeLessThan(sites.buildings.length)

    await page.getByRole('link', { name: '统计分析', exact: true }).click()
    await page.getByRole('checkbox', { name: '按地图当前筛选统计' }).waitFor()
    const historyBefore = await page.evaluate(() => history.length)
    // Clicked, then waited for: the switch is the address (?map=1), and the router renders a change of
    // address in a transition, so a busy machine shows the tick a moment after the click (check()
    // would call that a click that changed nothing).
    const followSwitch = page.getByRole('checkbox', { name: '按地图当前筛选统计' })
    await followSwitch.click()
    await expect.poll(() => followSwitch.isChecked()).toBe(true)
    await expect.poll(() => textOf(page.locator('[data-stats-scope]'))).toBe(`已按地图筛选（1 项条件）：${hunnan.length} 栋楼宇`)
    await expect.poll(() => bodyRows().count()).toBe(1)
    const scoped = await call('stats.rollup', { by: 'district', scope: { buildingIds: hunnan.map((b) => b.id) } })
    expect((await totalCells()).slice(1, 9)).toEqual(screenFigures(scoped.total))
    expect(scoped.total.buildings).toBe(hunnan.length)
    expect(scoped.total.leasableArea).toBeLessThan(all.total.leasableArea)
    // The tiles follow the map too, as the table does.
    await expect.poll(() => textOf(page.locator('[data-stat="楼宇"] .stat-tile__value'))).toBe(formatCount(hunnan.length))
    expect(await textOf(page.locator('[data-stat="入驻企业"] .stat-tile__value'))).toBe(formatCount(scoped.total.tenants))
    // The switch replaces the address instead of adding a step to Back.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore)
    // Kept in the address: a reload follows the map still.
    await page.reload()
    await expect.poll(() => bodyRows().count()).toBe(1)
    expect(await page.getByRole('checkbox', { name: '按地图当前筛选统计' }).isChecked()).toBe(true)

    await followSwitch.click()
    await expect.poll(() => followSwitch.isChecked()).toBe(false)
    await expect.poll(() => bodyRows().count()).toBe(all.rows.length)
    expect(errors).toEqual([])
  })

  it('says the sky-park grouping counts host buildings whole, and where the parks’ own floors are', async () => {
    await page.locator('.stats-buildings__grouping select').selectOption('park')
    await expect.poll(() => page.url()).toContain('by=park')
    const parks = await call('stats.rollup', { by: 'park' })
    await expect.poll(() => bodyRows().count()).toBe(parks.rows.length)
    expect(await textOf(panel().locator('thead th').first())).toBe('产业园所在楼宇（整栋）')
    expect(await textOf(page.getByTestId('park-grouping-note'))).toContain('“空中产业园”页签')
    expect(errors).toEqual([])
  })
})
