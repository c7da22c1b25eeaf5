// The map rows of `npm run bench` (issue 8, item 6), measured in headless Chromium:
//   map.open     navigation → 10k buildings drawn, in the real app through the browser host
//   map.render   data in hand → drawn, on the bench page (tests/bench/): the app's layers beside one
//                react-leaflet <Marker> per building, both timed from the JSON text to the painted frame
//   map.filter   a filter click → counts, list and map updated, in the real app
//   map.panFps   frames during scripted mouse drags (Leaflet's own drag and inertia), in the real app
//   map.zoomFps  frames during zoom-button animations in and out, in the real app
// Figures only: nothing here is asserted. Alone: npx tsx scripts/bench/map.ts --data-dir DIR
// (DIR holding site-atlas.db at the target scale) [--runs N].
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'
import { createServices } from '../../src/main/services'
import { openStore } from '../../src/main/store/open'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../../tests/helpers/browserHost'
import type { BenchContext, BenchPart, BenchRow } from './rows'
import { isMain, runAlone } from './alone'

const root = path.resolve(import.meta.dirname, '../..')
const VIEWPORT = { width: 1440, height: 900 }

interface Spread {
  min: number
  median: number
  max: number
}

const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b)
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! }
}
const ms = (n: number) => `${n.toFixed(0)} ms`
const spreadText = (s: Spread) => `min ${ms(s.min)} / median ${ms(s.median)} / max ${ms(s.max)}`

// Page scripts are passed as text: tsx would otherwise wrap functions in helpers the page lacks.

/** Clicks the 甲级 chip, waits for new counts, list count and the next painted frame; clicks it back the same way. */
const FILTER_CLICKS = `(async () => {
  const chip = () => [...document.querySelectorAll('[data-filter="grades"] button')].find((b) => b.textContent === '甲级')
  const count = () => document.querySelector('.map-counts [data-count="buildings"]').getAttribute('data-value')
  const listCount = () => document.querySelector('[data-tab-count="buildings"]').textContent
  const shown = () => document.querySelector('.site-map').dataset.buildingsShown
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()))
  const once = async () => {
    const before = [count(), listCount(), shown()]
    const start = performance.now()
    chip().click()
    for (;;) {
      await frame()
      if (count() !== before[0] && listCount() !== before[1] && shown() !== before[2]) break
    }
    await frame()
    return performance.now() - start
  }
  const on = await once()
  await new Promise((r) => setTimeout(r, 300))
  const off = await once()
  return [on, off]
})()`

/** Records every animation frame's start and the long-animation-frame entries until stopped. */
const FRAME_RECORDER = `(() => {
  const rec = { frames: [], loafs: [], running: true }
  const tick = (t) => { rec.frames.push(t); if (rec.running) requestAnimationFrame(tick) }
  requestAnimationFrame(tick)
  try {
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.loafs.push({
        start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
        render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
        style: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
        scripts: e.scripts.map((s) => ({ name: s.invoker || s.name, source: (s.sourceFunctionName || '') + '@' + (s.sourceURL || '').split('/').pop() + ':' + s.sourceCharPosition, duration: s.duration, layout: s.forcedStyleAndLayoutDuration })),
      })
    })
    po.observe({ type: 'long-animation-frame', buffered: false })
    rec.stop = () => { rec.running = false; po.disconnect() }
  } catch { rec.stop = () => { rec.running = false } }
  window.__frames = rec
})()`

/** Drags the map with synthetic mouse events, one step per animation frame, in four directions. */
const PAN_SCRIPT = `(async () => {
  const el = document.querySelector('.site-map')
  const box = el.getBoundingClientRect()
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()))
  const fire = (target, type, x, y) => target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1, view: window }))
  const cx = box.left + box.width / 2, cy = box.top + box.height / 2
  for (const [dx, dy] of [[12, 0], [0, 10], [-12, 0], [0, -10]]) {
    let x = cx - dx * 20, y = cy - dy * 20
    const target = document.elementFromPoint(x, y)
    fire(target, 'mousedown', x, y)
    for (let i = 0; i < 40; i++) { await frame(); x += dx; y += dy; fire(document, 'mousemove', x, y) }
    fire(document, 'mouseup', x, y)
    await new Promise((r) => setTimeout(r, 900))
  }
})()`

/** Clicks Leaflet's zoom-in button three times, then zoom-out three times, each animation let finish. */
const ZOOM_SCRIPT = `(async () => {
  for (const which of ['in', 'in', 'in', 'out', 'out', 'out']) {
    document.querySelector('.leaflet-control-zoom-' + which).click()
    await new Promise((r) => setTimeout(r, 900))
  }
})()`

interface FrameStats {
  fps: number
  longest: number
  over50: number
  /** The long animation frames that made the longest frames, worst first, with their scripts. */
  worst: string
}

async function recordFrames(page: Page, script: string): Promise<FrameStats> {
  await page.evaluate(FRAME_RECORDER)
  await page.evaluate(script)
  const rec = await page.evaluate<{ frames: number[]; loafs: Array<{ start: number; duration: number; blocking: number; render: number; style: number; scripts: Array<{ name: string; source: string; duration: number; layout: number }> }> }>(
    '(() => { window.__frames.stop(); const { frames, loafs } = window.__frames; return { frames, loafs } })()',
  )
  const deltas = rec.frames.slice(1).map((t, i) => t - rec.frames[i]!)
  const total = rec.frames[rec.frames.length - 1]! - rec.frames[0]!
  const worst = [...rec.loafs]
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 2)
    .map((l) => {
      const scripts = [...l.scripts].sort((a, b) => b.duration - a.duration).slice(0, 3)
      const inner = scripts.map((s) => `${s.name} ${s.source} ${s.duration.toFixed(0)} ms${s.layout > 1 ? ` (forced layout ${s.layout.toFixed(0)} ms)` : ''}`).join('; ')
      return `${l.duration.toFixed(0)} ms frame (render ${l.render.toFixed(0)} ms, style+layout ${l.style.toFixed(0)} ms${inner ? `; ${inner}` : ''})`
    })
    .join(' | ')
  return { fps: (deltas.length * 1000) / total, longest: Math.max(...deltas), over50: deltas.filter((d) => d > 50).length, worst }
}

/** A copy of the bench store: the runs write the map's settings (view, filter) as any user would. */
function copyStore(ctx: BenchContext): string {
  const dir = ctx.tempDir('site-atlas-bench-map-')
  for (const suffix of ['', '-wal', '-shm']) {
    const from = path.join(ctx.dataDir, `site-atlas.db${suffix}`)
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, `site-atlas.db${suffix}`))
  }
  for (const extra of ['device-id', 'device.json']) {
    const from = path.join(ctx.dataDir, extra)
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, extra))
  }
  return dir
}

async function resetMapSettings(host: BrowserHost): Promise<void> {
  // Every run opens the map as a first visit would: no filter, area or view kept from before.
  for (const key of ['map.filter', 'map.area', 'map.view']) {
    const response = await fetch(`${host.origin}/rpc/settings.set`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key, value: key === 'map.filter' ? '{}' : 'null' }),
    })
    if (!response.ok) throw new Error(`settings.set ${key}: ${response.status}`)
  }
}

async function openMap(browser: Browser, host: BrowserHost): Promise<{ page: Page; took: number }> {
  await resetMapSettings(host)
  const page = await browser.newPage({ viewport: VIEWPORT })
  const started = Date.now()
  await page.goto(host.url)
  await page.locator('.site-map[data-buildings-shown]').waitFor({ timeout: 120_000 })
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
  return { page, took: Date.now() - started }
}

interface AppFigures {
  open: number[]
  filter: number[]
  pan: FrameStats[]
  zoom: FrameStats[]
}

async function benchApp(ctx: BenchContext, runs: number): Promise<AppFigures> {
  const dataDir = copyStore(ctx)
  const host = await startBrowserHost({ dataDir })
  const browser = await launchBrowser()
  const figures: AppFigures = { open: [], filter: [], pan: [], zoom: [] }
  try {
    // One visit first, not counted: the host's first map.sites and the browser's first compile.
    const warm = await openMap(browser, host)
    await warm.page.close()
    for (let run = 0; run < runs; run++) {
      const { page, took } = await openMap(browser, host)
      figures.open.push(took)
      await page.waitForTimeout(500)
      figures.filter.push(...(await page.evaluate<number[]>(FILTER_CLICKS)))
      await page.waitForTimeout(500)
      figures.pan.push(await recordFrames(page, PAN_SCRIPT))
      figures.zoom.push(await recordFrames(page, ZOOM_SCRIPT))
      ctx.log(`  app run ${run + 1}: open ${ms(took)}, filter ${figures.filter.slice(-2).map(ms).join(' / ')}, pan ${figures.pan.at(-1)!.fps.toFixed(1)} fps (longest ${ms(figures.pan.at(-1)!.longest)}), zoom ${figures.zoom.at(-1)!.fps.toFixed(1)} fps (longest ${ms(figures.zoom.at(-1)!.longest)})`)
      await page.close()
    }
  } finally {
    await browser.close()
    await host.stop()
  }
  return figures
}

async function benchPage(ctx: BenchContext, runs: number): Promise<Record<'layers' | 'markers', number[]>> {
  const outDir = ctx.tempDir('site-atlas-bench-page-')
  ctx.log('  building the bench page …')
  await build({ root: path.join(root, 'tests/bench'), base: './', logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true } })
  const store = await openStore(path.join(ctx.dataDir, 'site-atlas.db'), { mustExist: true, readonly: true })
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
  const results = { layers: [] as number[], markers: [] as number[] }
  try {
    for (let run = 0; run < runs; run++) {
      // Alternating, so that a busy machine's drift falls on both alike.
      for (const mode of run % 2 === 0 ? (['layers', 'markers'] as const) : (['markers', 'layers'] as const)) {
        const page = await browser.newPage({ viewport: VIEWPORT })
        await page.goto(`http://127.0.0.1:${port}/?mode=${mode}`)
        results[mode].push(await page.evaluate<number>('window.bench.ready'))
        await page.close()
      }
      ctx.log(`  render run ${run + 1}: layers ${ms(results.layers.at(-1)!)}, one <Marker> each ${ms(results.markers.at(-1)!)}`)
    }
  } finally {
    await browser.close()
    server.close()
  }
  return results
}

function frameRow(name: string, label: string, stats: FrameStats[]): BenchRow {
  const fps = spread(stats.map((s) => s.fps))
  const longest = spread(stats.map((s) => s.longest))
  const worstRun = [...stats].sort((a, b) => b.longest - a.longest)[0]!
  return {
    name,
    label,
    fps: Number(fps.median.toFixed(1)),
    goal: '≥ 55 fps, no frame over 50 ms',
    met: fps.median >= 55 && longest.max <= 50,
    detail: `fps min ${fps.min.toFixed(1)} / median ${fps.median.toFixed(1)}; longest frame min ${ms(longest.min)} / median ${ms(longest.median)} / max ${ms(longest.max)}; frames over 50 ms per run ${stats.map((s) => s.over50).join(', ')}; worst: ${worstRun.worst || 'no long animation frame recorded'}`,
  }
}

export const run: BenchPart = async (ctx) => {
  const runs = Number(process.env.BENCH_MAP_RUNS ?? 5)
  ctx.log(`Map: the app in the browser host (${runs} runs) …`)
  const app = await benchApp(ctx, runs)
  ctx.log('Map: the layers against one <Marker> per building …')
  const page = await benchPage(ctx, runs)
  const open = spread(app.open)
  const filter = spread(app.filter)
  const layers = spread(page.layers)
  const markers = spread(page.markers)
  const ratio = markers.median / layers.median
  return [
    { name: 'map.open', label: 'open the map (navigation → 10k buildings drawn)', ms: open.median, goal: '≤ 1000 ms', met: open.median <= 1000, detail: spreadText(open) },
    {
      name: 'map.render',
      label: 'first render, data in hand → drawn (app layers vs one <Marker> each)',
      ms: layers.median,
      baseline: markers.median,
      ratio: Number(ratio.toFixed(1)),
      goal: '≤ 300 ms, ≥ 10× the markers',
      met: layers.median <= 300 && ratio >= 10,
      detail: `layers ${spreadText(layers)}; one <Marker> each ${spreadText(markers)}`,
    },
    { name: 'map.filter', label: 'change a filter (counts, list and map updated)', ms: filter.median, goal: '≤ 100 ms', met: filter.median <= 100, detail: spreadText(filter) },
    frameRow('map.panFps', 'pan (mouse drags with inertia)', app.pan),
    frameRow('map.zoomFps', 'zoom (three levels in and out, animated)', app.zoom),
  ]
}

// Alone: npx tsx scripts/bench/map.ts [--db FILE] [--buildings N] [--runs N]
if (isMain(import.meta.url)) {
  const i = process.argv.indexOf('--runs')
  if (i >= 0 && process.argv[i + 1]) process.env.BENCH_MAP_RUNS = process.argv[i + 1]
  runAlone(run).catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exitCode = 1
  })
}
