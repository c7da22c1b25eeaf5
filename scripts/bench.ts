// npm run bench: how long the map takes with 10,000 buildings and 5,000 parcels in headless
// Chromium, printed as figures (never asserted).
//  1. The real app through the browser host: from opening the page to the map drawn, and from a
//     filter click to map, list and counts updated.
//  2. The map's drawing work alone on a bench page, done the app's way (clustered canvas layer)
//     and with one react-leaflet <Marker> per building, and the ratio between them.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import type { Page } from 'playwright-core'
import { build } from 'vite'
import { runCli } from '../src/main/cli/main'
import { createServices } from '../src/main/services'
import { openStore } from '../src/main/store/open'
import type { MapFilter } from '../src/shared/mapFilter'
import { launchBrowser, startBrowserHost } from '../tests/helpers/browserHost'

const BUILDINGS = 10_000
const PARCELS = 5_000
const SEED = 1
const RUNS = 3
const FILTER: MapFilter = { grades: ['a'] }
const root = path.resolve(import.meta.dirname, '..')

/** Clicks the 甲级 chip and waits for the new count and the next painted frame; clicks it back. */
const FILTER_CLICK = `(async () => {
  const chip = [...document.querySelectorAll('[data-filter="grades"] button')].find((b) => b.textContent === '甲级')
  const start = performance.now()
  chip.click()
  await new Promise((resolve) => {
    const check = () => document.querySelector('.map-counts [data-count="buildings"]').getAttribute('data-value') !== PREVIOUS ? resolve() : requestAnimationFrame(check)
    check()
  })
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  const took = performance.now() - start
  chip.click()
  return took
})()`
const log = (line: string) => process.stderr.write(`${line}\n`)
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function generatedStore(): Promise<string> {
  const dir = path.join(os.tmpdir(), `site-atlas-bench-${BUILDINGS}-${PARCELS}-${SEED}`)
  const file = path.join(dir, 'site-atlas.db')
  if (fs.existsSync(path.join(dir, 'complete'))) return dir
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  log(`Generating ${BUILDINGS} buildings and ${PARCELS} parcels (seed ${SEED}) in ${dir} …`)
  const silent = { out: () => {}, err: (line: string) => log(`  ${line}`) }
  const code = await runCli(['generate', '--db', file, '--buildings', String(BUILDINGS), '--parcels', String(PARCELS), '--seed', String(SEED)], silent)
  if (code !== 0) throw new Error('generate failed')
  fs.writeFileSync(path.join(dir, 'complete'), '')
  return dir
}

async function benchApp(dataDir: string): Promise<{ open: number; filter: number }> {
  const host = await startBrowserHost({ dataDir })
  const browser = await launchBrowser()
  const opens: number[] = []
  const filters: number[] = []
  try {
    for (let run = 0; run < RUNS; run++) {
      // Every run opens the map as a first visit would: no filter, area or view kept from before.
      for (const key of ['map.filter', 'map.area', 'map.view']) {
        await fetch(`${host.origin}/rpc/settings.set`, {
          method: 'POST',
          headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ key, value: key === 'map.filter' ? '{}' : 'null' }),
        })
      }
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      const started = Date.now()
      await page.goto(host.url)
      await page.locator('.site-map[data-buildings-shown]').waitFor({ timeout: 120_000 })
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
      opens.push(Date.now() - started)
      // A filter click, until the counts show the new figure and the next frame is painted.
      const before = await page.locator('.map-counts [data-count="buildings"]').getAttribute('data-value')
      // Passed as text: tsx would otherwise wrap the function in helpers the page does not have.
      filters.push(await page.evaluate<number>(FILTER_CLICK.replace('PREVIOUS', JSON.stringify(before))))
      await page.waitForTimeout(300)
      await page.close()
    }
  } finally {
    await browser.close()
    await host.stop()
  }
  return { open: median(opens), filter: median(filters) }
}

async function benchPage(dataDir: string): Promise<Record<'layers' | 'markers', { render: number; filter: number }>> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-bench-page-'))
  log('Building the bench page …')
  await build({ root: path.join(root, 'tests/bench'), base: './', logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true } })
  const store = await openStore(path.join(dataDir, 'site-atlas.db'), { mustExist: true })
  const services = await createServices(store)
  const sites = await services.dispatch('map.sites', {})
  await services.shutdown()
  await store.close()
  if (!sites.ok) throw new Error(sites.error.message)
  fs.writeFileSync(path.join(outDir, 'sites.json'), JSON.stringify(sites.value))

  const server = http.createServer((req, res) => {
    const file = path.join(outDir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/$/, '/index.html'))
    if (!file.startsWith(outDir) || !fs.existsSync(file)) return void res.writeHead(404).end()
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : file.endsWith('.json') ? 'application/json' : 'text/html'
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const browser = await launchBrowser()
  const results = { layers: { render: 0, filter: 0 }, markers: { render: 0, filter: 0 } }
  try {
    for (const mode of ['layers', 'markers'] as const) {
      const renders: number[] = []
      const filters: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const page: Page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
        await page.goto(`http://127.0.0.1:${port}/?mode=${mode}`)
        renders.push(await page.evaluate<number>('window.bench.ready'))
        filters.push(await page.evaluate<number>(`window.bench.filter(${JSON.stringify(FILTER)})`))
        await page.close()
      }
      results[mode] = { render: median(renders), filter: median(filters) }
      log(`  ${mode}: ${results[mode].render.toFixed(0)} ms first render, ${results[mode].filter.toFixed(0)} ms filter change`)
    }
  } finally {
    await browser.close()
    server.close()
    fs.rmSync(outDir, { recursive: true, force: true })
  }
  return results
}

async function main(): Promise<void> {
  const dataDir = await generatedStore()
  log('Measuring the app in the browser host …')
  const app = await benchApp(dataDir)
  log('Measuring the map layers against one <Marker> per building …')
  const page = await benchPage(dataDir)
  const ms = (n: number) => `${n.toFixed(0).padStart(7)} ms`
  const ratio = (a: number, b: number) => `${(b / a).toFixed(1)}×`
  const lines = [
    `Site Atlas map benchmark: ${BUILDINGS.toLocaleString('en-US')} buildings, ${PARCELS.toLocaleString('en-US')} parcels, headless Chromium, median of ${RUNS}`,
    '',
    'The app (browser host, page opened → map drawn; filter click → counts, list and map updated)',
    `  open the map          ${ms(app.open)}`,
    `  change a filter       ${ms(app.filter)}`,
    '',
    'Drawing alone (bench page)       app layers   one <Marker> each   markers ÷ layers',
    `  first render               ${ms(page.layers.render)}   ${ms(page.markers.render)}        ${ratio(page.layers.render, page.markers.render)}`,
    `  filter change (grade A)    ${ms(page.layers.filter)}   ${ms(page.markers.filter)}        ${ratio(page.layers.filter, page.markers.filter)}`,
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
