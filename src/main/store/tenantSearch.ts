import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { IndustrySection } from '../../shared/domain'
import { TENANT_OVERVIEW_CAP, type TenantBuilding, type TenantHit, type TenantMatch, type TenantOverview } from '../../shared/tenants'
import type { Database } from './schema'
import { searchIds } from './search'
import { compareNames } from './collate'

// Finding tenants as staff type: part of the name or of the credit code (the FTS5 trigram index,
// LIKE for one or two characters, search.ts) or the name's pinyin initials (tenants.name_initials:
// a prefix is a range on its index, a part is a scan of one short column). Ranked so the company
// the person means comes first: exact, then prefix, then initials, then any part.

const MATCHES: TenantMatch[] = ['exact', 'prefix', 'initials', 'part', 'initials']

/** The query read three ways: as typed, upper case (codes), and as initials (letters/digits only). */
function terms(q: string) {
  const text = q.trim()
  const initials = /^[a-z0-9]+$/i.test(text) ? text.toLowerCase() : null
  return { text, lower: text.toLowerCase(), upper: text.toUpperCase(), initials }
}

/** Tenants matching `q` (any of the three ways), as a condition on `t`. */
function matchCondition(q: string): RawBuilder<boolean> {
  const { text, initials } = terms(q)
  const parts = [sql`t.id IN ${searchIds('tenant', text)}`]
  if (initials) {
    // GLOB (not LIKE, which is case-folding) lets SQLite use the tenants_initials index for a prefix.
    parts.push(sql`t.name_initials GLOB ${`${initials}*`}`)
    if (initials.length >= 2) parts.push(sql`instr(t.name_initials, ${initials}) > 0`)
  }
  return sql<boolean>`(${sql.join(parts, sql` OR `)})`
}

/** 0 exact name or code, 1 prefix of either, 2 initials from the start, 3 part of name or code, 4 part of the initials. */
function rankOf(q: string): RawBuilder<number> {
  const { text, lower, upper, initials } = terms(q)
  const n = [...text].length
  return sql<number>`CASE
    WHEN lower(t.name) = ${lower} OR t.credit_code = ${upper} THEN 0
    WHEN lower(substr(t.name, 1, ${n})) = ${lower} OR substr(t.credit_code, 1, ${n}) = ${upper} THEN 1
    WHEN ${initials} IS NOT NULL AND t.name_initials GLOB ${`${initials ?? ''}*`} THEN 2
    WHEN instr(lower(t.name), ${lower}) > 0 OR instr(t.credit_code, ${upper}) > 0 THEN 3
    ELSE 4 END`
}

/** The live tenants matching `q`, best first, at most `limit`. */
export async function searchTenants(db: Kysely<Database>, q: string, limit: number): Promise<TenantHit[]> {
  if (q.trim() === '') return []
  const { rows } = await sql<{ id: string; name: string; creditCode: string | null; industry: IndustrySection | null; rank: number }>`
    SELECT t.id, t.name, t.credit_code, t.industry, ${rankOf(q)} AS rank
    FROM tenants t
    WHERE t.deleted_at IS NULL AND ${matchCondition(q)}
    ORDER BY rank, length(t.name), t.name
    LIMIT ${limit}`.execute(db)
  return rows.map(({ rank, ...r }) => ({ ...r, match: MATCHES[rank] ?? 'part' }))
}

export interface TenantOverviewFilter {
  q?: string
  industry?: IndustrySection
  aboveScale?: boolean
  registeredInDistrict?: boolean
  endingWithinMonths?: number
}

interface OverviewRow {
  id: string
  name: string
  creditCode: string | null
  industry: IndustrySection | null
  aboveScale: number
  registeredInDistrict: number
  isDemo: number
  buildings: string | null
  nextEnd: string | null
  rank: number
}

/**
 * The tenant list in one query: each live tenant matching the search and filters with the
 * buildings of its current leases (no end date, or ending today or later — the building figures'
 * rule) and their earliest end; ordered by rank (when searching) and then by name in pinyin order.
 */
export async function tenantOverview(db: Kysely<Database>, filter: TenantOverviewFilter, cap = TENANT_OVERVIEW_CAP): Promise<TenantOverview> {
  const where = [sql`t.deleted_at IS NULL`]
  const q = filter.q?.trim()
  if (q) where.push(matchCondition(q))
  if (filter.industry) where.push(sql`t.industry = ${filter.industry}`)
  if (filter.aboveScale !== undefined) where.push(sql`t.above_scale = ${filter.aboveScale ? 1 : 0}`)
  if (filter.registeredInDistrict !== undefined) where.push(sql`t.registered_in_district = ${filter.registeredInDistrict ? 1 : 0}`)
  if (filter.endingWithinMonths) {
    where.push(sql`cur.next_end IS NOT NULL AND cur.next_end <= date('now', 'localtime', ${`+${filter.endingWithinMonths} months`})`)
  }
  // One statement for the rows; the count is asked for only when the rows reach the cap.
  const query = (select: RawBuilder<unknown>, tail: RawBuilder<unknown>) => sql<OverviewRow & { total: number }>`
    WITH per_building AS (
      SELECT l.tenant_id, b.id, b.name, count(*) AS leases, sum(l.area) AS area, min(l.end_date) AS next_end
      FROM leases l JOIN buildings b ON b.id = l.building_id AND b.deleted_at IS NULL
      WHERE l.deleted_at IS NULL AND (l.end_date IS NULL OR l.end_date >= date('now', 'localtime'))
      GROUP BY l.tenant_id, b.id
    ), cur AS (
      SELECT tenant_id,
        json_group_array(json_object('id', id, 'name', name, 'leases', leases, 'area', area, 'nextEnd', next_end)) AS buildings,
        min(next_end) AS next_end
      FROM per_building GROUP BY tenant_id
    )
    SELECT ${select}
    FROM tenants t LEFT JOIN cur ON cur.tenant_id = t.id
    WHERE ${sql.join(where, sql` AND `)}
    ${tail}`
  const { rows } = await query(
    sql`t.id, t.name, t.credit_code, t.industry, t.above_scale, t.registered_in_district, t.is_demo,
      cur.buildings, cur.next_end, ${q ? rankOf(q) : sql`0`} AS rank`,
    sql`ORDER BY rank, t.name LIMIT ${cap}`,
  ).execute(db)
  const total = rows.length < cap ? rows.length : Number((await query(sql`count(*) AS total`, sql``).execute(db)).rows[0]?.total ?? 0)
  const sorted = rows.sort((a, b) => a.rank - b.rank || compareNames(a.name, b.name))
  return {
    total,
    rows: sorted.map((r) => ({
      id: r.id,
      name: r.name,
      creditCode: r.creditCode,
      industry: r.industry,
      aboveScale: r.aboveScale === 1,
      registeredInDistrict: r.registeredInDistrict === 1,
      isDemo: r.isDemo === 1,
      buildings: r.buildings ? (JSON.parse(r.buildings) as TenantBuilding[]).sort((a, b) => compareNames(a.name, b.name)) : [],
      nextEnd: r.nextEnd,
    })),
  }
}
