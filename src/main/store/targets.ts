import { type Kysely, sql } from 'kysely'
import type { Database, TargetTable } from './schema'
import type { Selectable } from 'kysely'

// Annual targets (年度目标) and what was achieved each month: counted from the store for the kinds
// it can count (shared/stats.ts COMPUTED_TARGET_KINDS), read from target_entries for the others.
// Every count answers "how much in each month of the year", as a map YYYY-MM → value.

export type TargetRecord = Selectable<TargetTable>
export type MonthValues = Map<string, number>

const yearBounds = (year: number) => ({ first: `${year}-01-01`, last: `${year}-12-31` })

/** The year's days up to `today`: a lease starting later in the year is not achieved yet. */
const yearSoFar = (year: number, today: string) => {
  const { first, last } = yearBounds(year)
  return { first, last: today < last ? today : last }
}

async function monthValues(query: Promise<{ rows: Array<{ month: string; value: number }> }>): Promise<MonthValues> {
  const { rows } = await query
  return new Map(rows.map((r) => [r.month, r.value]))
}

/** Live targets of a year (or the given ones, live or not), in the order they were added. */
export async function findTargets(db: Kysely<Database>, filter: { year: number } | { ids: string[] }): Promise<TargetRecord[]> {
  let query = db.selectFrom('targets').selectAll()
  query = 'year' in filter ? query.where('year', '=', filter.year).where('deletedAt', 'is', null) : query.where('id', 'in', filter.ids)
  return query.orderBy('sortOrder').orderBy('createdAt').orderBy('id').execute()
}

/** The next sort position in a year: a new target goes last. */
export async function nextTargetOrder(db: Kysely<Database>, year: number): Promise<number> {
  const row = await db
    .selectFrom('targets')
    .select(sql<number>`coalesce(max(sort_order), -1) + 1`.as('next'))
    .where('year', '=', year)
    .executeTakeFirst()
  return row?.next ?? 0
}

/** Entered values of these targets, by target id then month. */
export async function enteredMonths(db: Kysely<Database>, targetIds: string[]): Promise<Map<string, MonthValues>> {
  const byTarget = new Map<string, MonthValues>()
  if (targetIds.length === 0) return byTarget
  const rows = await db
    .selectFrom('targetEntries')
    .select(['targetId', 'month', 'value'])
    .where('targetId', 'in', targetIds)
    .where('deletedAt', 'is', null)
    .execute()
  for (const r of rows) {
    const months = byTarget.get(r.targetId) ?? new Map<string, number>()
    months.set(r.month, r.value)
    byTarget.set(r.targetId, months)
  }
  return byTarget
}

/** The live entry of a target for a month, if any. */
export async function findEntry(db: Kysely<Database>, targetId: string, month: string) {
  return db
    .selectFrom('targetEntries')
    .selectAll()
    .where('targetId', '=', targetId)
    .where('month', '=', month)
    .where('deletedAt', 'is', null)
    .executeTakeFirst()
}

/**
 * 新引进规上企业: above-scale tenants whose first lease in a building (the earliest start over their
 * live leases in live buildings; a lease with no start date counts as earlier than any) starts in
 * the year and by `today`, counted in the month it starts. A tenant that leased before the year is
 * not new; one whose first lease starts after today is not new yet.
 */
export function newAboveScaleTenants(db: Kysely<Database>, year: number, today: string): Promise<MonthValues> {
  const { first, last } = yearSoFar(year, today)
  return monthValues(
    sql<{ month: string; value: number }>`
      SELECT substr(first_start, 1, 7) AS month, count(*) AS value
      FROM (
        SELECT l.tenant_id, min(coalesce(l.start_date, '')) AS first_start
        FROM leases l
        JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL AND t.above_scale = 1
        JOIN buildings b ON b.id = l.building_id AND b.deleted_at IS NULL
        WHERE l.deleted_at IS NULL
        GROUP BY l.tenant_id)
      WHERE first_start BETWEEN ${first} AND ${last}
      GROUP BY month`.execute(db),
  )
}

/**
 * 新增出租面积: area of live leases (of live tenants, in live buildings) starting in the year, by
 * `today`, that do not renew another lease, in the month they start.
 */
export function newlyLeasedArea(db: Kysely<Database>, year: number, today: string): Promise<MonthValues> {
  const { first, last } = yearSoFar(year, today)
  return monthValues(
    sql<{ month: string; value: number }>`
      SELECT substr(l.start_date, 1, 7) AS month, sum(l.area) AS value
      FROM leases l
      JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
      JOIN buildings b ON b.id = l.building_id AND b.deleted_at IS NULL
      WHERE l.deleted_at IS NULL AND l.renews_lease_id IS NULL
        AND l.start_date BETWEEN ${first} AND ${last}
      GROUP BY month`.execute(db),
  )
}

/**
 * 出让地块: live parcels now transferred, in the month (local calendar) the change log last set
 * their status to transferred by an update. A parcel entered already transferred (a form, an
 * import, the demo) has no known transfer day: it is not counted in any month.
 */
export function parcelsTransferred(db: Kysely<Database>, year: number): Promise<MonthValues> {
  const { first, last } = yearBounds(year)
  return monthValues(
    sql<{ month: string; value: number }>`
      SELECT substr(day, 1, 7) AS month, count(*) AS value
      FROM (
        SELECT p.id, date(max(c.at), 'localtime') AS day
        FROM parcels p
        JOIN change_log c ON c.table_name = 'parcels' AND c.row_id = p.id AND c.op = 'update' AND c.field = 'status'
          AND c.new_value = '"transferred"'
        WHERE p.deleted_at IS NULL AND p.status = 'transferred'
        GROUP BY p.id)
      WHERE day BETWEEN ${first} AND ${last}
      GROUP BY month`.execute(db),
  )
}
