import { type Kysely, type RawBuilder, sql } from 'kysely'
import { findTextProblem } from '../../shared/text'
import type { SearchHit, SearchKind } from '../../shared/types'
import type { Database } from './schema'

// Search over the FTS5 trigram index kept by triggers (see 001_initial). Trigrams need three
// characters; one- and two-character queries (common in Chinese: "茂业", "沈河") use LIKE on the
// same small table instead.

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
const ftsPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`

/** A condition on `search_index` matching the query. */
function matches(q: string): RawBuilder<boolean> {
  const text = q.trim()
  // The schemas refuse such a query; a caller that did not ask them gets no hits rather than what
  // SQLite makes of it: FTS5 stops a phrase at NUL ("unterminated string"), LIKE cuts its pattern
  // there (a lone NUL became '%', matching every row).
  if (findTextProblem(text)) return sql<boolean>`0`
  if ([...text].length >= 3) return sql<boolean>`search_index MATCH ${ftsPhrase(text)}`
  const pattern = likePattern(text)
  return sql<boolean>`(name LIKE ${pattern} ESCAPE '\\' OR extra LIKE ${pattern} ESCAPE '\\')`
}

/** Row ids of the given kind that match `q`, for use as `id IN (…)`. */
export function searchIds(kind: SearchKind, q: string): RawBuilder<string> {
  return sql<string>`(SELECT row_id FROM search_index WHERE kind = ${kind} AND ${matches(q)})`
}

export async function search(db: Kysely<Database>, q: string, limit: number): Promise<SearchHit[]> {
  const { rows } = await sql<SearchHit & { rowId: string }>`
    SELECT kind, row_id, name, extra FROM search_index WHERE ${matches(q)}
    ORDER BY CASE kind WHEN 'building' THEN 0 WHEN 'park' THEN 1 WHEN 'parcel' THEN 2 WHEN 'cluster' THEN 3 ELSE 4 END, name
    LIMIT ${limit}`.execute(db)
  return rows.map((r) => ({ kind: r.kind, id: r.rowId, name: r.name, extra: r.extra }))
}
