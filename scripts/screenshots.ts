// Takes screenshots of the browser host with the demo data, for the README and for looking at
// the app as a user would: `npx tsx scripts/screenshots.ts [outDir] [route …]`.
import fs from 'node:fs'
import path from 'node:path'
import { launchBrowser, startBrowserHost } from '../tests/helpers/browserHost'

const outDir = path.resolve(process.argv[2] ?? 'docs')
const routes = process.argv.length > 3 ? process.argv.slice(3) : ['/', '/buildings']

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true })
  const host = await startBrowserHost({ demo: true })
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(host.url)
    await page.waitForSelector('.shell__content')
    for (const route of routes) {
      await page.evaluate((hash) => (window.location.hash = hash), `#${route}`)
      await page.waitForTimeout(1200)
      const name = route === '/' ? 'home' : route.replace(/^\//, '').replace(/[/?=&]/g, '-')
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
