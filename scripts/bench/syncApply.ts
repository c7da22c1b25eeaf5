// Bench part `sync.apply` (issue 13): a whole store's change log merged into an empty store in one
// applyOps (a colleague's first package, or a laptop's first pull from the team server), then the
// same operations again (all already held). Alone: npx tsx scripts/bench/syncApply.ts [--db FILE]
// [--buildings N].
import path from 'node:path'
import { openStore } from '../../src/main/store/open'
import { applyOps } from '../../src/main/store/syncApply'
import { toSyncOp } from '../../src/main/store/syncLog'
import { isMain, runAlone } from './alone'
import type { BenchContext, BenchPart, BenchRow } from './rows'

/** A whole generated store's log: minutes would be too long for a first exchange. */
const GOAL_MS = 120_000

export const run: BenchPart = async (ctx: BenchContext): Promise<BenchRow[]> => {
  const source = await openStore(path.join(ctx.dataDir, 'site-atlas.db'), { readonly: true })
  const rows = await source.db.selectFrom('changeLog').selectAll().orderBy('seq').execute()
  await source.close()
  const ops = rows.map((r) => toSyncOp(r))
  const target = await openStore(path.join(ctx.tempDir('sync-apply'), 'site-atlas.db'))
  try {
    ctx.log(`sync.apply: merging ${ops.length} operations into an empty store …`)
    let started = performance.now()
    const first = await applyOps(target, ops, { blob: () => undefined })
    const ms = performance.now() - started
    started = performance.now()
    const again = await applyOps(target, ops, { blob: () => undefined })
    const againMs = performance.now() - started
    return [
      {
        name: 'sync.apply',
        label: `merge a whole store's log (${ops.length} operations) into an empty store`,
        ms: Math.round(ms),
        goal: `≤ ${GOAL_MS} ms`,
        met: ms <= GOAL_MS,
        detail: `${first.applied} applied, ${first.rows} rows, ${first.conflicts} conflicts; again: ${again.skipped} skipped in ${Math.round(againMs)} ms`,
      },
    ]
  } finally {
    await target.close()
  }
}

if (isMain(import.meta.url)) await runAlone(run)
