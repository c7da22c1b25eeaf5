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
//                                        a registered tenant's annual tax shared among its current
//                                        leases by lease area (a tenant in two buildings is not
//                                        counted twice); 0 for tenants not registered in the district
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
  /** YYYY-MM-DD, the day figures are for (store/leases.ts today()). */
  today: string
  /** YYYY-MM-DD, the last day of the coming-free window (today + 12 months). */
  until: string
}

/** `SELECT id FROM buildings …` for the scope. */
export function scopedBuildingsSql(scope: StatsScope | undefined): RawBuilder<unknown> {
  if (!scope?.buildingIds) return sql`SELECT id FROM buildings WHERE deleted_at IS NULL`
  return sql`SELECT id FROM buildings WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(${JSON.stringify(scope.buildingIds)}))`
}

/** The CTEs above, to be followed by `, more AS (…)` or a SELECT. Starts with WITH. */
export function statsFactsCte({ scope, today, until }: FactsParams): RawBuilder<unknown> {
  return sql`WITH
  scoped_buildings AS (${scopedBuildingsSql(scope)}),
  current_leases AS (
    SELECT l.id, l.building_id, l.tenant_id, l.area
    FROM leases l
    JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
    JOIN buildings b ON b.id = l.building_id AND b.deleted_at IS NULL
    WHERE l.deleted_at IS NULL
      AND (l.start_date IS NULL OR l.start_date <= ${today})
      AND (l.end_date IS NULL OR l.end_date >= ${today})),
  tenant_leased AS (SELECT tenant_id, sum(area) AS area FROM current_leases GROUP BY tenant_id),
  lease_tax AS (
    SELECT cl.id AS lease_id, cl.building_id, cl.tenant_id,
      CASE WHEN t.registered_in_district = 1 THEN coalesce(t.annual_tax, 0) * cl.area / tl.area ELSE 0 END AS tax
    FROM current_leases cl
    JOIN tenants t ON t.id = cl.tenant_id
    JOIN tenant_leased tl ON tl.tenant_id = cl.tenant_id),
  lease_space_area AS (
    SELECT ls.lease_id, sum(s.area) AS area
    FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id AND s.deleted_at IS NULL
    WHERE ls.lease_id IN (SELECT lease_id FROM lease_tax)
    GROUP BY ls.lease_id),
  space_tax AS (
    SELECT ls.space_id, sum(lt.tax * s.area / lsa.area) AS tax
    FROM lease_spaces ls
    JOIN lease_tax lt ON lt.lease_id = ls.lease_id
    JOIN spaces s ON s.id = ls.space_id AND s.deleted_at IS NULL
    JOIN lease_space_area lsa ON lsa.lease_id = ls.lease_id
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
