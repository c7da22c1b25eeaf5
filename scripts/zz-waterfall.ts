import fs from 'node:fs'
import path from 'node:path'
import { launchBrowser, startBrowserHost } from '../tests/helpers/browserHost'
const src = process.argv[2]!
const dataDir = fs.mkdtempSync('/tmp/mapdata-wf-')
fs.copyFileSync(src, path.join(dataDir, 'site-atlas.db'))
const host = await startBrowserHost({ dataDir })
const browser = await launchBrowser()
try {
  for (let run = 0; run < 3; run++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const t0 = Date.now()
    const rows: string[] = []
    page.on('requestfinished', (req) => {
      const t = req.timing()
      if (!req.url().includes('/rpc/')) return
      const start = t.startTime - t0
      rows.push(`${req.url().split('/rpc/')[1]!.padEnd(22)} start ${start.toFixed(0).padStart(5)} ms  response ${(start + t.responseStart).toFixed(0).padStart(5)}  end ${(start + t.responseEnd).toFixed(0).padStart(5)}`)
    })
    await page.goto(host.url)
    await page.locator('.site-map[data-buildings-shown]').waitFor({ timeout: 120_000 })
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
    console.log(`run ${run}: drawn at ${Date.now() - t0} ms`)
    if (run > 0) console.log(rows.join('\n'))
    await page.close()
  }
} finally {
  await browser.close()
  await host.stop()
}
