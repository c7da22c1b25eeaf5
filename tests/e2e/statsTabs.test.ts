import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import { formatArea, formatCount, formatMoney, formatRate } from '../../src/shared/format'
import { messages as rankingMessages } from '../../src/renderer/src/features/stats/tabs/rankings/messages'
import { fillTemplate, reasonMessage } from '../../src/renderer/src/features/stats/tabs/rankings/reasons'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { rpc } from '../helpers/mapPage'
import { recordConsoleErrors, textOf } from '../helpers/screen'

// The statistics view's land, sky-park, rankings/watch and trends tabs on the demo data, at the
// smallest window the app supports: each shows the figures the services answer, follows the map's
// filter when asked, and links to the pages behind its rows.

describe('statistics tabs: land, sky parks, rankings and watch list, trends', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    recordConsoleErrors(page, errors)
    await page.goto(host.url)
    await page.waitForSelector('.shell__content')
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => rpc(page, host.origin, host.token, method, input)
  const open = async (query: string) => {
    await page.evaluate((hash) => (window.location.hash = hash), `#/overview?${query}`)
  }
  const tile = (label: string) => page.locator('.stat-tile').filter({ has: page.locator('.stat-tile__label').getByText(label, { exact: true }) }).locator('.stat-tile__value')
  const panel = (title: string | RegExp) => page.locator('section.chart-panel').filter({ has: page.getByRole('heading', { level: 3, name: title }) })
  const cells = (row: Locator) => row.locator('td').allTextContents()

  it('land: the tiles and tables give stats.land’s figures, with the chart drawn', async () => {
    const land = await call('stats.land', {})
    await open('tab=land')
    await expect.poll(() => textOf(tile('地块'))).toBe(formatCount(land.total.parcels))
    expect(await textOf(tile('未录入面积的地块'))).toBe(formatCount(land.parcelsWithoutArea))
    const byUse = panel('地块：按用地性质与出让状态')
    const total = await cells(byUse.locator('tfoot tr'))
    expect(total[0]).toBe('合计')
    expect(total[2]).toBe(formatCount(land.total.parcels))
    expect(total[3]).toBe(formatArea(land.total.areaM2))
    expect(await byUse.locator('tbody tr').count()).toBe(land.rows.length)
    await byUse.locator('.echart[data-chart-ready]').waitFor()
    const districts = panel(/按区县/)
    expect(await districts.locator('tbody tr').count()).toBe(land.byDistrict.length)
    const available = land.byDistrict.reduce((sum, d) => sum + d.availableParcels, 0)
    expect((await cells(districts.locator('tfoot tr')))[3]).toBe(formatCount(available))
  })

  it('land: follows the map’s filter when asked', async () => {
    const districts = await call('stats.land', {})
    const district = districts.byDistrict.find((d) => d.parcels < districts.total.parcels) ?? districts.byDistrict[0]!
    const within = await call('stats.land', { districtCode: district.key })
    await call('settings.set', { key: 'map.filter', value: JSON.stringify({ districtCodes: [district.key] }) })
    await page.reload()
    await page.waitForSelector('.shell__content')
    await open('tab=land')
    await expect.poll(() => textOf(tile('地块'))).toBe(formatCount(districts.total.parcels))
    // Clicked, then waited for: the switch lives in the address, which the router renders in a transition.
    await page.getByLabel('按地图当前筛选统计').click()
    await expect.poll(() => page.getByLabel('按地图当前筛选统计').isChecked()).toBe(true)
    await expect.poll(() => textOf(tile('地块'))).toBe(formatCount(within.total.parcels))
    expect(await page.locator('[data-stats-scope="map"]').textContent()).toContain(`${within.total.parcels} 宗地块`)
    expect(page.url()).toContain('map=1')
    // The switch stays on in another tab, and off again shows everything.
    await page.getByRole('tab', { name: '空中产业园' }).click()
    await page.getByRole('tab', { name: '空中产业园', selected: true }).waitFor()
    await page.getByLabel('按地图当前筛选统计').waitFor()
    expect(await page.getByLabel('按地图当前筛选统计').isChecked()).toBe(true)
    await page.getByRole('tab', { name: '土地' }).click()
    await expect.poll(() => textOf(tile('地块'))).toBe(formatCount(within.total.parcels))
    await page.getByLabel('按地图当前筛选统计').click()
    await expect.poll(() => page.getByLabel('按地图当前筛选统计').isChecked()).toBe(false)
    await expect.poll(() => textOf(tile('地块'))).toBe(formatCount(districts.total.parcels))
    await call('settings.set', { key: 'map.filter', value: '{}' })
  })

  it('sky parks: a row per park with its occupancy, and each park’s hosts and sub-parks', async () => {
    const parks = await call('stats.parks', {})
    expect(parks.length).toBeGreaterThan(0)
    await open('tab=parks')
    const table = panel('各园区出租率')
    await expect.poll(() => table.locator('tbody tr').count()).toBe(parks.length)
    const first = parks[0]!
    const row = await cells(table.locator('tbody tr').first())
    expect(row[0]).toBe(first.name)
    expect(row).toContain(formatRate(first.occupancyRate))
    expect(row).toContain(formatArea(first.hostArea))
    const card = page.locator(`.park-card[data-park="${first.name}"]`)
    expect(await card.locator('tbody tr').count()).toBe(first.hosts.length + first.subParks.length)
    expect(await textOf(tile('空中产业园'))).toBe(String(parks.length))
  })

  it('rankings: the tax ranking’s first row and tag counts, another ranking, and a row opening its building', async () => {
    const tax = await call('stats.ranking', { by: 'tax', limit: 20 })
    await open('tab=rankings')
    const table = panel('楼宇排行：税收')
    await expect.poll(async () => (await cells(table.locator('tbody tr').first()))[1]).toBe(tax.rows[0]!.name)
    const first = await cells(table.locator('tbody tr').first())
    expect(first).toContain(formatMoney(tax.rows[0]!.value))
    // The demo's strongest building is a 亿元楼 (≥ 1亿元), which the row tags.
    expect(tax.rows[0]!.value).toBeGreaterThanOrEqual(1e8)
    expect(first).toContain('亿元楼')
    // 千万元楼 counts every building ≥ 1千万元, the 亿元楼 among them: one number of buildings, not two to add.
    expect(tax.tagCounts.qianwan).toBeGreaterThanOrEqual(tax.tagCounts.yiyuan)
    expect(await textOf(page.getByTestId('tag-counts'))).toBe(`千万元楼 ${tax.tagCounts.qianwan} 栋（其中亿元楼 ${tax.tagCounts.yiyuan} 栋）`)
    expect(await table.locator('tbody tr').count()).toBe(tax.rows.length)

    const vacancy = await call('stats.ranking', { by: 'vacantArea', limit: 20 })
    await page.getByRole('button', { name: '空置面积', exact: true }).click()
    const byVacant = panel('楼宇排行：空置面积')
    await expect.poll(async () => (await cells(byVacant.locator('tbody tr').first()))[1]).toBe(vacancy.rows[0]!.name)
    expect(await cells(byVacant.locator('tbody tr').first())).toContain(formatArea(vacancy.rows[0]!.value))

    await byVacant.locator('tbody tr').first().getByRole('link').click()
    await page.getByRole('heading', { level: 1, name: vacancy.rows[0]!.name }).waitFor()
    expect(page.url()).toContain(`/buildings/${vacancy.rows[0]!.id}`)
    await page.goBack()
    await byVacant.waitFor()
  })

  it('watch list: the thresholds asked for give stats.watch’s buildings with their reasons in Chinese', async () => {
    const since = await page.locator('input[name="watchSince"]').inputValue()
    expect(since).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // Loose thresholds so that the demo data has buildings to list.
    await page.locator('select[name="endingDays"]').selectOption('180')
    await page.locator('input[name="endingShare"]').fill('5')
    await page.locator('input[name="occupancyDrop"]').fill('1')
    const watch = await call('stats.watch', { since, occupancyDrop: 0.01, taxDrop: 0.2, endingDays: 180, endingShare: 0.05 })
    expect(watch.length).toBeGreaterThan(0)
    await expect.poll(() => textOf(page.getByTestId('watch-count'))).toBe(`${watch.length} 栋楼宇需要关注`)
    const first = page.locator('.watch-table tbody tr').first()
    expect(await textOf(first.locator('td').first())).toBe(watch[0]!.name)
    const sentences = watch[0]!.reasons.map((r) => {
      const m = reasonMessage(r, 'zh')
      return fillTemplate(rankingMessages.zh.reasons[m.key], m.values)
    })
    expect(await first.locator('.reason-list li').allTextContents()).toEqual(sentences)
    // A threshold that is no percentage says so and keeps the last answer.
    await page.locator('input[name="endingShare"]').fill('500')
    await page.getByRole('alert').filter({ hasText: '到期面积超过可租面积的：应为 0 到 100 之间的数字' }).waitFor()
    expect(await textOf(page.getByTestId('watch-count'))).toBe(`${watch.length} 栋楼宇需要关注`)
  })

  it('trends: 24 months with the table and the basis under the chart, narrowed by district', async () => {
    const trend = await call('stats.trend', { months: 24 })
    await open('tab=trends')
    const table = panel('近 24 个月空置率与出租率')
    await expect.poll(() => table.locator('tbody tr').count()).toBe(24)
    const last = trend.points[23]!
    const lastRow = await cells(table.locator('tbody tr').last())
    expect(lastRow[0]).toBe(last.month)
    expect(lastRow[5]).toBe(formatRate(last.vacancyRate))
    expect(lastRow[6]).toBe(formatRate(last.occupancyRate))
    expect(await textOf(page.getByTestId('trend-basis'))).toBe(`口径：${trend.basis}`)
    await table.locator('.echart[data-chart-ready]').waitFor()

    const byDistrict = await call('stats.rollup', { by: 'district' })
    const district = byDistrict.rows.find((r) => r.leasableArea > 0 && r.leasableArea < byDistrict.total.leasableArea)!.key!
    const narrowed = await call('stats.trend', { months: 24, within: { districtCode: district } })
    await page.locator('select[name="trendDistrict"]').selectOption(district)
    await expect.poll(async () => (await cells(table.locator('tbody tr').last()))[2]).toBe(formatArea(narrowed.points[23]!.leasableArea))
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})
