import { type Kysely, sql } from 'kysely'
import type { Database } from './schema'

/**
 * A value that changes whenever what the map's sites answer may have changed, for keeping that
 * answer until then. Read it on the connection the answer is read on, outside any write
 * transaction. Two parts:
 * - the count in sites_version, which triggers on every table the sites are made of bump
 *   (migration 007): any change to those rows, by any connection or process, through write() or
 *   not, moves it, while a write elsewhere (the map's own view and filter settings, saved
 *   searches, visits) leaves the kept answer alone;
 * - today's date: a lease ending yesterday is no longer current, so the figures change at midnight.
 * A rolled-back write leaves the count as it was, as it leaves the rows.
 * A store without that table (opened read-only before its upgrade) falls back to every commit:
 * `PRAGMA data_version` (other connections) and `total_changes()` (this one).
 */
export async function storeVersion(db: Kysely<Database>): Promise<string> {
  try {
    const { rows } = await sql<{ n: number; today: string }>`SELECT n, date('now', 'localtime') AS today FROM sites_version WHERE id = 1`.execute(db)
    if (rows[0]) return `sites:${rows[0].n}:${rows[0].today}`
  } catch {
    // No sites_version yet: below.
  }
  return commitVersion(db)
}

/**
 * A value that changes with every commit to the file, by this connection (`total_changes()`) or
 * any other (`PRAGMA data_version`), plus today's date. For answers that hang on tables outside the
 * sites' count (e.g. the basemaps a reader holds open).
 */
export async function commitVersion(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ changes: number; today: string }>`SELECT total_changes() AS changes, date('now', 'localtime') AS today`.execute(db)
  const { rows: data } = await sql<{ dataVersion: number }>`PRAGMA data_version`.execute(db)
  return `file:${data[0]!.dataVersion}:${rows[0]!.changes}:${rows[0]!.today}`
}

/** Freezes a tree of plain objects and arrays, so that an answer kept for many callers stays as made. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
