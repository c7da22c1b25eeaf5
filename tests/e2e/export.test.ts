import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WORKBOOK } from '../../src/main/services/workbook/columns'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { recordConsoleErrors } from '../helpers/screen'
import { tempDir } from '../helpers/store'

// A person exports the whole inventory from the export screen and the map's picks from the map,
// receives the downloads, and the workbook opens with every sheet.
describe('exporting in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let errors: string[]
  let downloads: string

  beforeAll(async () => {
    host = await startBrowserHost({ demo: true })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true })
    errors = recordConsoleErrors(page)
    downloads = tempDir()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    fs.rmSync(downloads, { recursive: true, force: true })
  })

  it('exports the whole workbook from the 数据导出 screen and receives it as a download', async () => {
    await page.goto(host.url)
    await page.getByRole('navigation').getByRole('link', { name: '数据导出', exact: true }).click()
    await page.getByRole('heading', { name: '数据导出' }).waitFor()
    const downloaded = page.waitForEvent('download')
    await page.getByRole('button', { name: '开始导出' }).click()
    const download = await downloaded
    expect(download.suggestedFilename()).toMatch(/^招商资源_\d{4}-\d{2}-\d{2}\.xlsx$/)
    const file = path.join(downloads, download.suggestedFilename())
    await download.saveAs(file)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(WORKBOOK.map((s) => s.sheet))
    expect(workbook.getWorksheet('楼宇')!.rowCount).toBeGreaterThan(20)
    await page.locator('[data-export-file]').waitFor()
    await page.screenshot({ path: path.join(downloads, 'export-screen.png') })
    expect(errors).toEqual([])
  })

  it('exports a CSV table of the parcels', async () => {
    await page.getByRole('radio', { name: /表格 CSV/ }).check()
    await page.locator('select[name="exportTable"]').selectOption('parcels')
    const downloaded = page.waitForEvent('download')
    await page.getByRole('button', { name: '开始导出' }).click()
    const download = await downloaded
    expect(download.suggestedFilename()).toMatch(/^地块_.*\.csv$/)
    const file = path.join(downloads, 'p.csv')
    await download.saveAs(file)
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^\ufeff编号,地块编号/)
  })

  it('the map’s 导出 action opens the export on the map’s state and downloads GeoJSON', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '地图', exact: true }).click()
    await page.locator('.site-map[data-buildings-placed]').waitFor()
    await page.locator('[data-action="export"]').click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    expect(await dialog.getByRole('radio', { name: '全部资源' }).isChecked()).toBe(true)
    await dialog.getByRole('radio', { name: /地图数据 GeoJSON/ }).check()
    const downloaded = page.waitForEvent('download')
    await dialog.getByRole('button', { name: '开始导出' }).click()
    const download = await downloaded
    const file = path.join(downloads, 'map.geojson')
    await download.saveAs(file)
    const collection = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(collection.type).toBe('FeatureCollection')
    expect(collection.features.length).toBeGreaterThan(20)
    await page.screenshot({ path: path.join(downloads, 'export-dialog.png') })
    fs.copyFileSync(path.join(downloads, 'export-dialog.png'), '/tmp/export-dialog.png')
    fs.copyFileSync(path.join(downloads, 'export-screen.png'), '/tmp/export-screen.png')
    expect(errors).toEqual([])
  })
})
