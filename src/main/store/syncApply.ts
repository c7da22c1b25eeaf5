import type BetterSqlite3 from 'better-sqlite3'
import type { SyncOp } from '../../shared/sync'
import { decodeHlc, encodeHlc, receive } from './hlc'
import type { Store } from './open'
import type { LoggedTable } from './schema'
import { getSetting, setSetting } from './settings'
import { countConflicts, rebuildConflicts } from './syncConflicts'
import { Merger, refKey, type RowRef } from './syncMaterialize'
import { applyLeaseRule, localToday } from './syncRules'
import { tableInfos } from './syncTables'
import { Pace } from './syncPace'
import { validateOpsPaced } from './syncValidate'
import { HLC_KEY } from './writer'

// Merging operations received from another device or the team server into this store
// (shared/sync.ts): every operation is checked first, then in ONE transaction the new ones join the
// change log, the rows they touch (and those still waiting in sync_pending) are put in place, the
// rules are kept and the touched rows' conflicts rebuilt. All or nothing.

export interface ApplyOptions {
  /** Photo bytes by sha256 for the operations that name them (a package's blobs, the server's). */
  blob(sha256: string): Uint8Array | undefined
  /** Today's date (YYYY-MM-DD, local) for the lease rule; tests fix it. */
  today?: string
}

export interface ApplyResult {
  /** Operations new to this store. */
  applied: number
  /** Operations it already held. */
  skipped: number
  /** Rows whose state was recomputed. */
  rows: number
  /** Conflicts open after the merge, and how many of those it opened. */
  conflicts: number
  newConflicts: number
}

/** Merges `ops` into the store in ONE transaction (all or nothing); an operation already held is skipped. */
export async function applyOps(store: Store, ops: readonly SyncOp[], options: ApplyOptions): Promise<ApplyResult> {
  const pace = new Pace()
  await validateOpsPaced(ops, tableInfos(store.sqlite), Date.now(), pace)
  // A whole store's log touches most of the file's pages in one transaction: with SQLite's default
  // 2 MB page cache the transaction spills and rereads pages all along (measured: 5 min for 250,000
  // operations). A larger cache for the merge's duration only.
  const cacheSize = store.sqlite.pragma('cache_size', { simple: true }) as number
  if (ops.length > 10_000) store.sqlite.pragma(`cache_size = ${MERGE_CACHE_KIB}`)
  try {
    return await merge(store, ops, options, pace)
  } finally {
    store.sqlite.pragma(`cache_size = ${cacheSize}`)
  }
}

/** Negative: KiB (256 MB), SQLite's unit for a size rather than a page count. */
const MERGE_CACHE_KIB = -262_144

async function merge(store: Store, ops: readonly SyncOp[], options: ApplyOptions, pace: Pace): Promise<ApplyResult> {
  return store.db.transaction().execute(async (trx) => {
    const insert = store.sqlite.prepare(
      `INSERT INTO change_log (hlc, device_id, actor, table_name, row_id, op, field, old_value, new_value, at, op_id, pred)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(op_id) DO NOTHING`,
    )
    const mergeOptions = { blob: options.blob, today: options.today ?? localToday(), now: new Date().toISOString() }
    const merger = new Merger(store.sqlite, mergeOptions, pace)
    let applied = 0
    let latest = ''
    const touched = new Map<string, RowRef>()
    for (const op of ops) {
      await merger.breathe()
      const pred = op.pred.length > 0 ? JSON.stringify(op.pred) : null
      const { changes } = insert.run(op.hlc, op.device, op.actor, op.table, op.row, op.op, op.field, op.old, op.value, op.at, op.id, pred)
      if (changes === 0) continue
      applied++
      if (op.hlc > latest) latest = op.hlc
      touched.set(refKey(op.table, op.row), { table: op.table as LoggedTable, rowId: op.row })
    }
    if (latest) {
      // The next local write must stamp after everything this store now holds.
      const last = await getSetting(trx, HLC_KEY)
      const mine = last ? decodeHlc(last) : null
      const next = receive(mine ?? { wall: 0, counter: 0 }, decodeHlc(latest), Date.now())
      await setSetting(trx, HLC_KEY, encodeHlc(next, mine?.deviceId ?? decodeHlc(latest).deviceId))
    }
    const waiting = store.sqlite.prepare('SELECT table_name AS "table", row_id AS rowId FROM sync_pending').all() as RowRef[]
    for (const ref of waiting) touched.set(refKey(ref.table, ref.rowId), ref)

    const merged = await mergeTouched(store.sqlite, touched.values(), mergeOptions, merger)
    return { applied, skipped: ops.length - applied, rows: merged.rows, conflicts: await countConflicts(trx), newConflicts: merged.opened }
  })
}

/**
 * Puts `refs` in place, keeps the rules and rebuilds their conflicts, inside the caller's
 * transaction (applyOps; a resolution re-materializing the row it closed).
 */
export async function mergeTouched(
  sqlite: BetterSqlite3.Database,
  refs: Iterable<RowRef>,
  options: { blob(sha256: string): Uint8Array | undefined; today: string; now: string },
  merger = new Merger(sqlite, options),
): Promise<{ rows: number; opened: number }> {
  const rows = await merger.mergeRows(refs)
  for (const ref of merger.touched.values()) if (ref.table === 'spaces') merger.ruleSpaces.add(ref.rowId)
  const leaseHolds = await applyLeaseRule(merger, merger.ruleSpaces)
  const opened = await rebuildConflicts(merger, leaseHolds)
  return { rows, opened }
}
