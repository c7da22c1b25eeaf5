import type { Kysely } from 'kysely'
import type { Change } from '../../shared/types'
import type { Database } from './schema'

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text))

/**
 * The change log, newest first. Ordered by clock stamp rather than local sequence so that, once
 * edits from other devices are merged in, "newest" still means newest in time; the sequence breaks
 * ties among the fields of one write.
 */
export async function listChanges(db: Kysely<Database>, filter: { rowId?: string; limit?: number } = {}): Promise<Change[]> {
  let query = db.selectFrom('changeLog').selectAll()
  if (filter.rowId) query = query.where('rowId', '=', filter.rowId)
  const rows = await query
    .orderBy('hlc', 'desc')
    .orderBy('seq', 'desc')
    .limit(filter.limit ?? 100)
    .execute()
  return rows.map((r) => ({ ...r, oldValue: parse(r.oldValue), newValue: parse(r.newValue) }))
}
