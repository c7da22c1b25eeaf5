import fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { countOf, rpc } from '../helpers/mapPage'
import { recordConsoleErrors, textOf } from '../helpers/screen'
import { tempDir } from '../helpers/store'

// The import wizard as a person uses it: a district's register saved by Excel as a GB18030 CSV,
// with a title row, a blank row below the header, Baidu coordinates, one column the importer does
// not know, a negative area, a formula-looking name and a totals row. They check the header (moving
// it and back) and the mapping, fix one column by hand, read the dry run's problems, import the
// valid rows, see them on the list and the map, and undo the import from the history.

const HEADER = ['楼宇名称', '门牌', '所属区县', '总建筑面积', '可租面积', '空置面积', '租金', '百度经度', '百度纬度']
const NEW_NAMES = ['青年汇创中心', '南湖科技大厦', '金廊数字港']
const REGISTER = [
  '沈河区重点楼宇台账（2024年3月）,,,,,,,,',
  HEADER.join(','),
  ',,,,,,,,',
  '青年汇创中心,青年大街288号,沈河区,5.2万平方米,"41,000",8600,3.5元/㎡·天,123.4395,41.7985',
  '南湖科技大厦,文艺路12号,沈河区,约3万㎡,"24,000",4000,2.8,123.4416,41.7925',
  '东陵商务楼,东陵路5号,沈河区,"18,000",12000,-200,2.5,123.4500,41.7900',
  '"=HYPERLINK(""x"")",北京街1号,沈河区,2万㎡,15000,3000,3,123.4300,41.8000',
  '金廊数字港,北站路51号,沈河区,６．５万平方米,52000,9000,3.2,123.4441,41.8092',
  '合计,,,,,,,,',
].join('\r\n')

describe('the import wizard in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let dir: string
  let file: string
  const errors: string[] = []

  beforeAll(async () => {
    dir = tempDir('site-atlas-import-e2e-')
    file = path.join(dir, '沈河区楼宇台账.csv')
    fs.writeFileSync(file, iconv.encode(REGISTER, 'gb18030'))
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    recordConsoleErrors(page, errors)
    await page.goto(host.url)
    await page.waitForSelector('.shell__content')
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await page.screenshot({ path: `test-results/import-${context.task.name.slice(0, 40)}.png` })
  })

  const nav = (label: string) => page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click()
  const menu = (header: string) => page.getByLabel(`列“${header}”导入为`)
  const mapBuildings = async () => {
    await nav('地图')
    await page.locator('[data-count="buildings"]').waitFor()
    return countOf(page, 'buildings')
  }
  const buildingNames = async () => (await rpc(page, host.origin, host.token, 'buildings.list', {})).map((b) => b.name)

  it('maps, dry-runs, imports the valid rows skipping the rejected ones, and undoes the import', async () => {
    const before = await mapBuildings()
    expect(before).toBeGreaterThan(0)

    // Step 1: the file.
    await nav('导入')
    await expect.poll(() => page.getByText('Excel/WPS 表格（.xlsx）').count()).toBe(1)
    await page.locator('input[name="importFile"]').setInputFiles(file)

    // Step 2: the header found below the title row, GB18030 detected, Baidu coordinates suggested.
    const grid = page.getByRole('region', { name: '表头与字段对应' })
    await grid.waitFor()
    expect(await textOf(grid.locator('tr.import-grid__header th'))).toBe('第 2 行（标题行）')
    expect(await grid.locator('tr.import-grid__header td').allTextContents()).toEqual(HEADER)
    // The blank row is skipped, and the sample rows keep their sheet row numbers.
    expect(await textOf(grid.locator('tbody tr[data-row="4"] td').first())).toBe('青年汇创中心')
    await expect.poll(() => page.getByText('编码：GB18030').count()).toBe(1)
    expect(await page.locator('select[name="importKind"]').inputValue()).toBe('buildings')
    expect(await page.locator('select[name="importCrs"]').inputValue()).toBe('bd09')
    expect(await menu('楼宇名称').inputValue()).toBe('name')
    expect(await menu('百度经度').inputValue()).toBe('lng')
    // A wrong header row is corrected by hand: up to the title row, then back by clicking row 2.
    await page.getByRole('button', { name: '标题行上移一行' }).click()
    await expect.poll(() => textOf(grid.locator('tr.import-grid__header th'))).toBe('第 1 行（标题行）')
    await page.getByRole('button', { name: '把第 2 行设为标题行' }).click()
    await expect.poll(() => textOf(grid.locator('tr.import-grid__header th'))).toBe('第 2 行（标题行）')
    expect(await grid.locator('tr.import-grid__header td').allTextContents()).toEqual(HEADER)
    expect(await menu('楼宇名称').inputValue()).toBe('name')
    // 门牌 is no header the importer knows: the person says it is the address.
    expect(await menu('门牌').inputValue()).toBe('')
    await menu('门牌').selectOption({ label: '地址' })
    expect(await menu('门牌').inputValue()).toBe('address')

    // Step 3: the dry run, with every problem by row and column; nothing written yet.
    await page.getByRole('button', { name: '试运行', exact: true }).click()
    await page.locator('[data-total="created"]').waitFor()
    expect(await textOf(page.locator('[data-total="created"] .stat-tile__value'))).toBe('3 行')
    expect(await textOf(page.locator('[data-total="updated"] .stat-tile__value'))).toBe('0 行')
    expect(await textOf(page.locator('[data-total="rejected"] .stat-tile__value'))).toBe('2 行')
    const problem = (row: number) => page.locator(`[data-problem-row="${row}"][data-level="error"]`)
    expect(await problem(6).count()).toBe(1)
    expect(await textOf(problem(6).locator('[role="cell"]').nth(0))).toBe('第 6 行')
    expect(await textOf(problem(6).locator('[role="cell"]').nth(1))).toBe('空置面积')
    expect(await problem(6).textContent()).toContain('空置面积：不能为负数（-200）')
    expect(await textOf(problem(7).locator('[role="cell"]').nth(0))).toBe('第 7 行')
    expect(await textOf(problem(7).locator('[role="cell"]').nth(1))).toBe('楼宇名称')
    expect(await problem(7).textContent()).toContain('像是电子表格公式')
    expect(await page.locator('[data-plan-row="6"]').getAttribute('data-action')).toBe('reject')
    expect(await page.locator('[data-plan-row="4"]').getAttribute('data-action')).toBe('create')
    expect(await textOf(page.locator('[data-plan-row="8"] .import-plan__name'))).toBe('金廊数字港')
    expect(await buildingNames()).not.toContain('青年汇创中心')

    // Step 4: import the valid rows, skipping the rejected ones.
    await page.getByRole('button', { name: '导入有效的 3 行，跳过 2 行有问题的' }).click()
    const created = page.locator('[data-result="created"] .stat-tile__value')
    await created.waitFor({ timeout: 30_000 })
    expect(await textOf(created)).toBe('3')
    expect(await textOf(page.locator('[data-result="skipped"] .stat-tile__value'))).toBe('2')

    // The new buildings on the list (with the address from the hand-mapped column) and on the map.
    await page.getByRole('link', { name: '楼宇列表' }).click()
    for (const name of NEW_NAMES) await page.getByRole('link', { name, exact: true }).waitFor()
    const stored = (await rpc(page, host.origin, host.token, 'buildings.list', {})).find((b) => b.name === '青年汇创中心')
    expect(stored).toMatchObject({ address: '青年大街288号', districtCode: '210103', totalArea: 52000 })
    expect(await buildingNames()).not.toContain('东陵商务楼')
    // The map shows its last answer while it asks again: wait for the fresh one.
    await expect.poll(mapBuildings).toBe(before + 3)

    // Undo from the history, after a confirm.
    await nav('导入')
    await page.getByRole('link', { name: '导入记录' }).click()
    const row = page.locator('tr', { hasText: '沈河区楼宇台账.csv' })
    expect(await textOf(row.locator('td').nth(4))).toBe('3')
    await row.getByRole('button', { name: '撤销' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '撤销' }).click()
    await row.getByText(/^已于 .+ 撤销$/).waitFor()
    expect(await row.getByRole('button', { name: '撤销' }).count()).toBe(0)
    const names = await buildingNames()
    for (const name of NEW_NAMES) expect(names).not.toContain(name)
    await expect.poll(mapBuildings).toBe(before)
    expect(errors).toEqual([])
  })
})
