// Screenshots of the import wizard for the README: the mapping step and the dry run of a messy
// CSV the script writes itself. `npx tsx scripts/import-screenshots.ts [outDir] [--size 1366x768]`
// (builds nothing: run `npx electron-vite build` first).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import iconv from 'iconv-lite'
import { launchBrowser, startBrowserHost } from '../tests/helpers/browserHost'

const { values, positionals } = parseArgs({ options: { size: { type: 'string', default: '1366x768' } }, allowPositionals: true })
const outDir = path.resolve(positionals[0] ?? 'docs')
const [width, height] = values.size!.split('x').map(Number) as [number, number]

/** A register as a district keeps it: a title row, Baidu coordinates, units in cells, a bad row, a totals row; saved by Excel in GB18030. */
export const MESSY_REGISTER = [
  '沈河区重点楼宇台账（2024年3月）,,,,,,,,',
  '楼宇名称,地址,所属区县,总建筑面积,可租面积,空置面积,租金,百度经度,百度纬度',
  '华府天地大厦,青年大街288号,沈河区,5.2万平方米,"41,000",8600,3.5元/㎡·天,123.4395,41.7985',
  '茂业国际中心,青年大街185号,沈河区,约12万㎡,"96,000",12000,4.2,123.4416,41.7925',
  '金廊科技园,北站路51号,沈河区,"38,000",-200,500,2.8元/㎡·天,123.4441,41.8092',
  '=HYPERLINK("x"),北京街1号,沈河区,2万㎡,15000,3000,3,123.4300,41.8000',
  '东北总部基地,惠工街10号,沈河区,６．５万平方米,52000,9000,3.2,123.4275,41.8153',
  '合计,,,,,,,,',
].join('\r\n')

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-import-shots-'))
  const file = path.join(dir, '沈河区楼宇台账.csv')
  fs.writeFileSync(file, iconv.encode(MESSY_REGISTER, 'gb18030'))
  const host = await startBrowserHost({ demo: true })
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage({ viewport: { width, height } })
    await page.goto(host.url)
    await page.waitForSelector('.shell__content')
    await page.evaluate(() => (window.location.hash = '#/imports'))
    await page.locator('input[name="importFile"]').setInputFiles(file)
    await page.locator('.import-grid').waitFor()
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(outDir, 'import-wizard.png') })
    await page.getByRole('button', { name: '试运行' }).click()
    await page.locator('.import-totals').waitFor()
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(outDir, 'import-dry-run.png') })
    process.stderr.write(`${path.join(outDir, 'import-wizard.png')}\n${path.join(outDir, 'import-dry-run.png')}\n`)
  } finally {
    await browser.close()
    await host.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main()
