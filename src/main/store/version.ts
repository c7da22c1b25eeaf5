import { type Kysely, sql } from 'kysely'
import type { Database } from './schema'

/**
 * A value that changes whenever what a read of the store answers may have changed, for keeping
 * answers (the map's sites) until then. Read it on the connection the answer is read on, outside
 * any write transaction. Three parts:
 * - `PRAGMA data_version`: changes when another connection commits, whether another process (the
 *   command line beside the app), another connection of this one, or any writer at all, through
 *   write() or not;
 * - `total_changes()`: the rows this connection has changed since it opened, which data_version
 *   does not count. A counter bumped by write() would miss the writes that bypass it (settings,
 *   photos, a migration), and one kept in a table would cost every write a row;
 * - today's date: a lease ending yesterday is no longer current, so the figures change at midnight.
 * A rolled-back write still moves total_changes: the answer is then recomputed once, never stale.
 */
export async function storeVersion(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ changes: number; today: string }>`SELECT total_changes() AS changes, date('now', 'localtime') AS today`.execute(db)
  const { rows: data } = await sql<{ dataVersion: number }>`PRAGMA data_version`.execute(db)
  return `${data[0]!.dataVersion}:${rows[0]!.changes}:${rows[0]!.today}`
}

/** Freezes a tree of plain objects and arrays, so that an answer kept for many callers stays as made. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
