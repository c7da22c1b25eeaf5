// Bench part `host` (issue 8 item 4): how long the browser host takes to start, from launching
// npm run web's command (node scripts/host.mjs web: the prebuilt bundle) to the page loaded in
// headless Chromium (its load event: every script of the first screen run), over a copy of the
// bench's store. Also reported: the serving line, and the map drawn (its buildings placed), which
// includes map.sites at the store's scale (that work is the map rows' own).
// Alone: npx tsx scripts/bench/hostStart.ts [--db FILE] [--buildings N] [--runs N]
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { launchBrowser } from '../../tests/helpers/browserHost'
import { isMain, runAlone } from './alone'
import { copyStoreInto, ensureHostBuilt, startHost, stopHost, WEB_COMMAND } from './hostProcess'
import type { BenchPart } from './rows'

const GOAL_MS = 1000
const DEFAULT_RUNS = 5

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const spread = (xs: number[]) => `${Math.round(Math.min(...xs))} / ${Math.round(median(xs))} / ${Math.round(Math.max(...xs))}`

export async function measureHostStart(dataDir: string, runs: number, log: (line: string) => void) {
  const browser = await launchBrowser()
  try {
    // Warm-up, untimed: a stale renderer build, the first open of the copied store, the OS's caches.
    const warm = await startHost(WEB_COMMAND, dataDir)
    const warmPage = await browser.newPage()
    await warmPage.goto(warm.url)
    await warmPage.close()
    await stopHost(warm.child)

    const serving: number[] = []
    const loaded: number[] = []
    const drawn: number[] = []
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      const host = await startHost(WEB_COMMAND, dataDir)
      serving.push(performance.now() - t0)
      const page = await browser.newPage()
      try {
        await page.goto(host.url, { waitUntil: 'load' })
        loaded.push(performance.now() - t0)
        await page.locator('.site-map[data-buildings-placed]').waitFor({ timeout: 120_000 })
        drawn.push(performance.now() - t0)
      } finally {
        await page.close()
        await stopHost(host.child)
      }
      log(`  run ${i + 1}: serving ${Math.round(serving.at(-1)!)} ms, page loaded ${Math.round(loaded.at(-1)!)} ms, map drawn ${Math.round(drawn.at(-1)!)} ms`)
    }
    return { serving, loaded, drawn }
  } finally {
    await browser.close()
  }
}

export const run: BenchPart = async (ctx) => {
  const { values } = parseArgs({ options: { runs: { type: 'string' } }, strict: false })
  const runs = Number(values.runs ?? DEFAULT_RUNS)
  ensureHostBuilt()
  const dataDir = ctx.tempDir('host-start')
  await copyStoreInto(ctx.dataDir, dataDir)
  ctx.log(`host: npm run web → page loaded, ${runs} runs …`)
  try {
    const { serving, loaded, drawn } = await measureHostStart(dataDir, runs, ctx.log)
    return [
      {
        name: 'host.coldStart',
        label: 'npm run web → page loaded (median)',
        ms: Math.round(median(loaded)),
        goal: `≤ ${GOAL_MS} ms`,
        met: median(loaded) <= GOAL_MS,
        detail: `min/median/max ms: page loaded ${spread(loaded)}; serving line ${spread(serving)}; map drawn ${spread(drawn)}`,
      },
    ]
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

if (isMain(import.meta.url)) await runAlone(run)
