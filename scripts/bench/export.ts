// The export row of `npm run bench` (issue 7, item 11: a 200,000-space workbook exports in under
// 10 s and under 500 MB, beside the same work done with the library alone): the app's workbook
// export of the bench store beside the same tables written by exceljs's streaming writer alone
// (the same live rows and as many columns per sheet from a plain SELECT of each table, a header
// row, no styles). Each run is a child process of its own (exportChild.ts), so its peak RSS is its
// own; the two alternate, several times, so a busy machine weighs on both alike.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Figures } from './exportChild'
import { allOf, atMost, spread } from './goals'
import type { BenchPart } from './rows'

const RUNS = 3
const root = path.resolve(import.meta.dirname, '../..')
const tsx = path.join(root, 'node_modules/.bin/tsx')
const childScript = path.join(import.meta.dirname, 'exportChild.ts')

function exportOnce(mode: 'app' | 'baseline', db: string, out: string): Figures {
  const result = spawnSync(tsx, [childScript, mode, db, out], { encoding: 'utf8', maxBuffer: 1 << 20, cwd: root })
  if (result.status !== 0) throw new Error(`export ${mode} failed: ${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Figures
}

export const run: BenchPart = async (ctx) => {
  // The app's export may leave a device file beside the store: on a copy of its own.
  const dataDir = await ctx.copyStore('export')
  const db = path.join(dataDir, 'site-atlas.db')
  const out = ctx.tempDir('export-out')
  try {
    const app: Figures[] = []
    const baseline: Figures[] = []
    for (let i = 0; i < RUNS; i++) {
      ctx.log(`  round ${i + 1} of ${RUNS}: exceljs alone, then the app …`)
      baseline.push(exportOnce('baseline', db, path.join(out, 'baseline.xlsx')))
      app.push(exportOnce('app', db, path.join(out, 'app.xlsx')))
    }
    const median = (list: Figures[], pick: (f: Figures) => number) => spread(list.map(pick)).median
    const ms = median(app, (f) => f.seconds * 1000)
    const baseMs = median(baseline, (f) => f.seconds * 1000)
    const peakMb = Math.max(...app.map((f) => f.peakMb))
    return [
      {
        name: 'export.spaces200k',
        label: `workbook export (xlsx) of ${ctx.scale.spaces.toLocaleString('en-US')} spaces and every other sheet, median of ${RUNS}`,
        ms,
        baseline: baseMs,
        ratio: ms / baseMs,
        ...allOf(atMost(ms, 10_000, 'ms'), atMost(peakMb, 500, 'MB peak RSS')),
        detail:
          `peak RSS ${peakMb.toFixed(0)} MB (exceljs alone ${Math.max(...baseline.map((f) => f.peakMb)).toFixed(0)} MB); ` +
          `CPU ${median(app, (f) => f.cpuSeconds).toFixed(1)} s (exceljs alone ${median(baseline, (f) => f.cpuSeconds).toFixed(1)} s); ` +
          `file ${(app[0]!.bytes / 1e6).toFixed(1)} MB; baseline: exceljs streaming writer over plain SELECTs`,
      },
    ]
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(out, { recursive: true, force: true })
  }
}
