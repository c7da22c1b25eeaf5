import { type RawBuilder, sql } from 'kysely'
import type { StatsScope } from '../../shared/stats'
import { leasableList } from './figures'

// The facts every statistic of buildings is summed from (rollups, rankings, sky parks), as common
// table expressions, so each report is one aggregate over the same definitions (shared/stats.ts):
//
//   scoped_buildings(id)                 live buildings in the scope (all, or the ids the map shows)
//   current_leases(id, building_id, tenant_id, area)
//                                        live leases of live tenants covering `today` (start to end
//                                        inclusive; no start = since ever, no end = open-ended), in
//                                        every building: a tenant's tax is shared over all its leases
//   lease_tax(lease_id, building_id, tenant_id, tax)
//                                        the current leases of scoped buildings, each with its part
//                                        of a registered tenant's annual tax (leaseTaxShare: shared
//                                        among all the tenant's current leases by lease area, so a
//                                        tenant in two buildings is not counted twice); 0 for tenants
//                                        not registered in the district. A lease with no live space
//                                        keeps its tax here (the building's) but not in space_facts
//   space_facts(space_id, building_id, floor_label, floor_sort, area, status, leasable, vacant,
//               leased, tax, coming_free)
//                                        live spaces of scoped buildings: a lease's tax shared among
//                                        its live spaces by area; coming_free = the area when a lease
//                                        of the space ends from today to `until` with no renewal and
//                                        no other lease taking the space the day after (the rule of
//                                        shared/tenancy.ts comingFree)
//   space_tenants(space_id, building_id, tenant_id)
//                                        who is in a scoped space today
//
// Parameters are bound, and the scope's ids travel as one JSON text (json_each), so the statement's
// text is the same for every scope and stays prepared.

export interface FactsParams {
  scope?: StatsScope | undefined
  /** More conditions on the scoped buildings (alias b), e.g. a drill-down's group. */
  where?: RawBuilder<unknown> | undefined
  /** YYYY-MM-DD, the day figures are for (store/leases.ts today()). */
  today: string
  /** YYYY-MM-DD, the last day of the coming-free window (today + 12 months). */
  until: string
}

/** `SELECT id FROM buildings …` for the scope (and more conditions on alias b). */
export function scopedBuildingsSql(scope: StatsScope | undefined, where?: RawBuilder<unknown>): RawBuilder<unknown> {
  const more = where ? sql` AND ${where}` : sql``
  if (!scope?.buildingIds) return sql`SELECT b.id FROM buildings b WHERE b.deleted_at IS NULL${more}`
  return sql`SELECT b.id FROM buildings b WHERE b.deleted_at IS NULL AND b.id IN (SELECT value FROM json_each(${JSON.stringify(scope.buildingIds)}))${more}`
}

/**
 * A live lease (alias `l`) covering `today`: started by then (no start = since ever) and not ended
 * (ending today included; no end = open-ended). The one definition of a current lease in figures.
 */
export const coversDay = (l: string, today: string | RawBuilder<unknown>): RawBuilder<unknown> => {
  const a = sql.ref(l)
  return sql`${a}.deleted_at IS NULL AND (${a}.start_date IS NULL OR ${a}.start_date <= ${today}) AND (${a}.end_date IS NULL OR ${a}.end_date >= ${today})`
}

/**
 * The part of a tenant's annual tax a current lease (alias `l`, tenant alias `t`) carries: all of
 * it for a tenant registered in the district, shared among the tenant's current leases in live
 * buildings by lease area (a tenant in two buildings is counted once); 0 for a tenant registered
 * elsewhere. Summed per building it is a building's annual tax (buildings.ts figuresSql), summed per
 * group the rollups' (so a building's page equals its rollup row).
 */
export const leaseTaxShare = (l: string, t: string, today: string | RawBuilder<unknown>): RawBuilder<unknown> => {
  const [a, ta] = [sql.ref(l), sql.ref(t)]
  return sql`CASE WHEN ${ta}.registered_in_district = 1 AND ${ta}.annual_tax > 0 THEN coalesce(${ta}.annual_tax * ${a}.area / nullif((
      SELECT sum(o.area) FROM leases o JOIN buildings ob ON ob.id = o.building_id AND ob.deleted_at IS NULL
      WHERE o.tenant_id = ${a}.tenant_id AND ${coversDay('o', today)}), 0), 0) ELSE 0 END`
}

/** The CTEs above, to be followed by `, more AS (…)` or a SELECT. Starts with WITH. */
export function statsFactsCte({ scope, where, today, until }: FactsParams): RawBuilder<unknown> {
  // current_leases is inlined where it is used (NOT MATERIALIZED), so a scoped use reads the
  // scoped buildings' leases through the index instead of every lease of the store.
  return sql`WITH
  scoped_buildings AS (${scopedBuildingsSql(scope, where)}),
  current_leases AS NOT MATERIALIZED (
    SELECT l.id, l.building_id, l.tenant_id, l.area
    FROM leases l
    JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
    JOIN buildings b ON b.id = l.building_id AND b.deleted_at IS NULL
    WHERE ${coversDay('l', today)}),
  lease_tax AS (
    SELECT l.id AS lease_id, l.building_id, l.tenant_id, ${leaseTaxShare('l', 't', today)} AS tax
    FROM leases l
    JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
    WHERE l.building_id IN (SELECT id FROM scoped_buildings) AND ${coversDay('l', today)}),
  lease_space_area AS (
    -- Driven from the scoped leases (lease_spaces' primary key starts with lease_id).
    SELECT lt.lease_id, lt.tax, (
      SELECT sum(s.area) FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id AND s.deleted_at IS NULL
      WHERE ls.lease_id = lt.lease_id) AS area
    FROM lease_tax lt),
  space_tax AS (
    SELECT ls.space_id, sum(lsa.tax * s.area / lsa.area) AS tax
    FROM lease_space_area lsa
    JOIN lease_spaces ls ON ls.lease_id = lsa.lease_id
    JOIN spaces s ON s.id = ls.space_id AND s.deleted_at IS NULL
    WHERE lsa.area > 0
    GROUP BY ls.space_id),
  freeing AS (
    SELECT DISTINCT ls.space_id
    FROM leases l JOIN lease_spaces ls ON ls.lease_id = l.id
    WHERE l.deleted_at IS NULL AND l.end_date >= ${today} AND l.end_date <= ${until}
      AND l.building_id IN (SELECT id FROM scoped_buildings)
      AND NOT EXISTS (SELECT 1 FROM leases r WHERE r.renews_lease_id = l.id AND r.deleted_at IS NULL)
      AND NOT EXISTS (
        SELECT 1 FROM lease_spaces ls2 JOIN leases o ON o.id = ls2.lease_id AND o.deleted_at IS NULL
        WHERE ls2.space_id = ls.space_id AND o.id <> l.id
          AND (o.start_date IS NULL OR o.start_date <= date(l.end_date, '+1 day'))
          AND (o.end_date IS NULL OR o.end_date >= date(l.end_date, '+1 day')))),
  space_facts AS (
    SELECT s.id AS space_id, s.building_id, s.floor_label, s.floor_sort, s.area, s.status,
      CASE WHEN s.status IN ${leasableList} THEN s.area ELSE 0 END AS leasable,
      CASE WHEN s.status = 'vacant' THEN s.area ELSE 0 END AS vacant,
      CASE WHEN s.status = 'leased' THEN s.area ELSE 0 END AS leased,
      coalesce(st.tax, 0) AS tax,
      CASE WHEN f.space_id IS NOT NULL THEN s.area ELSE 0 END AS coming_free
    FROM spaces s
    LEFT JOIN space_tax st ON st.space_id = s.id
    LEFT JOIN freeing f ON f.space_id = s.id
    WHERE s.deleted_at IS NULL AND s.building_id IN (SELECT id FROM scoped_buildings)),
  space_tenants AS (
    SELECT DISTINCT ls.space_id, cl.building_id, cl.tenant_id
    FROM current_leases cl JOIN lease_spaces ls ON ls.lease_id = cl.id
    JOIN spaces s ON s.id = ls.space_id AND s.deleted_at IS NULL
    WHERE cl.building_id IN (SELECT id FROM scoped_buildings))`
}

/**
 * Per scoped building: its spaces' areas (read from the spaces' covering index, not space_facts,
 * whose per-space joins cost seconds at 200,000 spaces), area coming free and its current leases' tax.
 * Follows statsFactsCte; the same sums as space_facts grouped by building.
 */
export const buildingFactsCte = sql`
  building_space AS (
    SELECT building_id, sum(CASE WHEN status IN ${leasableList} THEN area ELSE 0 END) AS leasable,
      sum(CASE WHEN status = 'vacant' THEN area ELSE 0 END) AS vacant,
      sum(CASE WHEN status = 'leased' THEN area ELSE 0 END) AS leased
    FROM spaces WHERE deleted_at IS NULL AND building_id IN (SELECT id FROM scoped_buildings)
    GROUP BY building_id),
  building_free AS (
    SELECT s.building_id, sum(s.area) AS coming_free
    FROM freeing f JOIN spaces s ON s.id = f.space_id AND s.deleted_at IS NULL
    GROUP BY s.building_id),
  building_tax AS (SELECT building_id, sum(tax) AS tax FROM lease_tax GROUP BY building_id)`
