// Takes screenshots of the browser host, for the README and for looking at the app as a user
// would: `npx tsx scripts/screenshots.ts [--data-dir DIR] [outDir] [route …]`. Without --data-dir
// the host starts on a fresh folder with the demo data.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { launchBrowser, startBrowserHost } from '../tests/helpers/browserHost'

const { values, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' } }, allowPositionals: true })
const outDir = path.resolve(positionals[0] ?? 'docs')
const routes = positionals.length > 1 ? positionals.slice(1) : ['/', '/overview', '/buildings']

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true })
  const dataDir = values['data-dir']
  const host = await startBrowserHost(dataDir ? { dataDir } : { demo: true })
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage({ viewport: { width: Number(process.env.SHOT_WIDTH ?? 1440), height: Number(process.env.SHOT_HEIGHT ?? 900) } })
    await page.goto(host.url)
    // The recovery screen stands in for the app when the data file failed its start-up check.
    await page.waitForSelector('.shell__content, [data-recovery-screen]')
    for (const route of routes) {
      await page.evaluate((hash) => (window.location.hash = hash), `#${route}`)
      if (route === '/') await page.waitForSelector('.site-map[data-buildings-shown]', { timeout: 120_000 })
      await page.waitForTimeout(1500)
      const name = route === '/' ? 'map' : route.replace(/^\//, '').replace(/[/?=&]/g, '-')
      const file = path.join(outDir, `${name}.png`)
      await page.screenshot({ path: file })
      process.stderr.write(`${file}\n`)
    }
  } finally {
    await browser.close()
    await host.stop()
  }
}

void main()
