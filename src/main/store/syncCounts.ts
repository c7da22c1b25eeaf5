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
