import { PENDING_LISTED, type PendingRow } from '../../shared/sync'
import type { Store } from './open'

// The figures of the sync status (services/sync/status.ts) that are not about one peer.

/** Operations held in all, and those written on `deviceId`. */
export async function logCounts(store: Store, deviceId: string): Promise<{ ops: number; ownOps: number }> {
  return store.db.connection().execute(async () => {
    const row = store.sqlite.prepare('SELECT count(*) AS ops, coalesce(sum(device_id = ?), 0) AS ownOps FROM change_log').get(deviceId) as { ops: number; ownOps: number }
    return { ops: row.ops, ownOps: row.ownOps }
  })
}

/** Conflicts waiting for a person (sync_conflicts holds only open ones). */
export async function countOpenConflicts(store: Store): Promise<number> {
  const row = await store.db.selectFrom('syncConflicts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Rows waiting to be put in place (sync_pending), and the first few with why. */
export async function pendingRows(store: Store, listed = PENDING_LISTED): Promise<{ pendingRows: number; pending: PendingRow[] }> {
  const count = await store.db.selectFrom('syncPending').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  const pending = await store.db.selectFrom('syncPending').select(['tableName as table', 'rowId', 'reason']).orderBy('tableName').orderBy('rowId').limit(listed).execute()
  return { pendingRows: Number(count?.n ?? 0), pending }
}
