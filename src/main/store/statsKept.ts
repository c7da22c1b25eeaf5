import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { StatsScope } from '../../shared/stats'
import { compareNames } from './collate'
import { shareSqliteHandle, sqliteHandle } from './handle'
import type { Database } from './schema'
import { buildingFactsCte, statsFactsCte } from './statsFacts'
import type { FactsDay } from './statsRollup'
import { storeVersion } from './version'

// The per-building facts every rollup, ranking and tax tag is summed from, computed once per store
// version and day into two TEMP tables of the reading connection, so each report is a small
// aggregate over 10,000 rows instead of the facts of 200,000 spaces again (issue 11: a rollup
// under 100 ms). They are the same SQL as before (statsFacts.ts, buildingFactsCte), for every live
// building: a building's facts do not hang on the scope (a tenant's tax is shared over all its
// current leases in the store whatever is shown), so any scope or drill-down is a filter on them.
//
//   temp.stats_building_facts(id, name, district_code, cluster_id, kind, grade, land_area,
//                              leasable, vacant, leased, tax, coming_free)
//                                        every live building: its own columns and its figures
//   temp.stats_building_tenants(building_id, tenant_no, above_scale, registered)
//                                        the (building, tenant) pairs of current leases (tenant_no:
//                                        the tenant's rowid)
//   temp.stats_shared_tenants(…)         the same, of tenants in two or more buildings; the others
//                                        are counted in their building's own_tenants,
//                                        own_above_scale and own_registered
//
// TEMP tables belong to one connection (a read-only one may make them), so two stores in one
// process never see each other's. They are refilled when storeVersion moves (any change to the
// sites' tables — tenants, leases, spaces, buildings, parks, park_hosts, clusters … — by any
// process, and midnight) or the day asked for differs; lease_spaces is not counted there, but every
// change to it touches its lease (store/leases.ts touchLease, imports insert the lease too).

const kept = new WeakMap<Kysely<Database>, string>()

const CREATE = [
  sql`CREATE TEMP TABLE IF NOT EXISTS stats_building_facts (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, district_code TEXT NOT NULL, cluster_id TEXT, kind TEXT NOT NULL, grade TEXT,
    land_area REAL, leasable REAL NOT NULL, vacant REAL NOT NULL, leased REAL NOT NULL, tax REAL NOT NULL,
    coming_free REAL NOT NULL, name_rank INTEGER, own_tenants INTEGER NOT NULL, own_above_scale INTEGER NOT NULL,
    own_registered INTEGER NOT NULL) WITHOUT ROWID`,
  sql`CREATE TEMP TABLE IF NOT EXISTS stats_building_tenants (
    building_id TEXT NOT NULL, tenant_no INTEGER NOT NULL, above_scale INTEGER NOT NULL, registered INTEGER NOT NULL,
    PRIMARY KEY (building_id, tenant_no)) WITHOUT ROWID`,
  sql`CREATE TEMP TABLE IF NOT EXISTS stats_shared_tenants (
    building_id TEXT NOT NULL, tenant_no INTEGER NOT NULL, above_scale INTEGER NOT NULL, registered INTEGER NOT NULL,
    PRIMARY KEY (building_id, tenant_no)) WITHOUT ROWID`,
]

async function fill(db: Kysely<Database>, day: FactsDay): Promise<void> {
  for (const statement of CREATE) await statement.execute(db)
  for (const table of ['stats_building_facts', 'stats_building_tenants', 'stats_shared_tenants']) {
    await sql`DELETE FROM ${sql.table(`temp.${table}`)}`.execute(db)
  }
  const facts = statsFactsCte({ today: day.today, until: day.until })
  // A tenant by its rowid: counting distinct integers is cheaper than distinct ids. Unscoped, the
  // current leases are lease_tax's leases (live buildings, live tenants, covering today), read
  // without working out the tax shares a second time.
  await sql`INSERT INTO temp.stats_building_tenants (building_id, tenant_no, above_scale, registered)
    ${facts}
    SELECT DISTINCT cl.building_id, t.rowid, t.above_scale, t.registered_in_district
    FROM current_leases cl JOIN tenants t ON t.id = cl.tenant_id`.execute(db)
  // Counting a group's distinct tenants over every pair cost more than the rest of a rollup: a
  // tenant in one building only is counted in that building's row (own_*), and only the few in
  // two or more buildings are counted distinct per group.
  await sql`INSERT INTO temp.stats_shared_tenants
    SELECT * FROM temp.stats_building_tenants
    WHERE tenant_no IN (SELECT tenant_no FROM temp.stats_building_tenants GROUP BY tenant_no HAVING count(*) > 1)`.execute(db)
  // The building's own columns the groups, drill-downs (rollups' withinSql) and rankings read are
  // copied along, so a report reads this narrow table instead of the wide buildings rows.
  await sql`INSERT INTO temp.stats_building_facts
      (id, name, district_code, cluster_id, kind, grade, land_area, leasable, vacant, leased, tax, coming_free,
       own_tenants, own_above_scale, own_registered)
    ${facts},
    ${buildingFactsCte},
    own AS (
      SELECT p.building_id, count(*) AS tenants, sum(p.above_scale) AS above_scale, sum(p.registered) AS registered
      FROM temp.stats_building_tenants p
      WHERE NOT EXISTS (SELECT 1 FROM temp.stats_shared_tenants s WHERE s.building_id = p.building_id AND s.tenant_no = p.tenant_no)
      GROUP BY p.building_id)
    SELECT b.id, b.name, b.district_code, b.cluster_id, b.kind, b.grade, b.land_area, coalesce(bs.leasable, 0),
      coalesce(bs.vacant, 0), coalesce(bs.leased, 0), coalesce(bt.tax, 0), coalesce(bf.coming_free, 0),
      coalesce(o.tenants, 0), coalesce(o.above_scale, 0), coalesce(o.registered, 0)
    FROM buildings b
    LEFT JOIN building_space bs ON bs.building_id = b.id
    LEFT JOIN building_free bf ON bf.building_id = b.id
    LEFT JOIN building_tax bt ON bt.building_id = b.id
    LEFT JOIN own o ON o.building_id = b.id
    WHERE b.id IN (SELECT id FROM scoped_buildings)`.execute(db)
  // Each building's place in the list by name (pinyin, collate.ts, then id): sorting 10,000 names
  // with the collator cost a quarter of the rollup by building, so it is done once here.
  const { rows } = await sql<{ id: string; name: string }>`SELECT id, name FROM temp.stats_building_facts`.execute(db)
  rows.sort((a, b) => compareNames(a.name, b.name) || a.id.localeCompare(b.id))
  await sql`UPDATE temp.stats_building_facts AS f SET name_rank = j.key
    FROM json_each(${JSON.stringify(rows.map((r) => r.id))}) j WHERE f.id = j.value`.execute(db)
}

/**
 * The kept buildings (alias b: id, name, district_code, cluster_id, kind, grade, land_area and the
 * figures leasable, vacant, leased, tax, coming_free, own_*; name_rank: its place in a list
 * by name) of a scope, narrowed by more conditions on b.
 */
export function keptBuildingsSql(scope: StatsScope | undefined, where?: RawBuilder<unknown>): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = []
  if (scope?.buildingIds) parts.push(sql`b.id IN (SELECT value FROM json_each(${JSON.stringify(scope.buildingIds)}))`)
  if (where) parts.push(where)
  return sql`SELECT b.* FROM temp.stats_building_facts b${parts.length > 0 ? sql` WHERE ${sql.join(parts, sql` AND `)}` : sql``}`
}

/**
 * Runs `read` on `db`'s connection with the kept facts in place for `day`, in one read transaction
 * (the version, the facts and the reads see one committed state, whatever another process
 * commits meanwhile). The first call after a write or on a new day refills them (about a second
 * at 10,000 buildings / 200,000 spaces). Inside a write transaction (uncommitted rows) they are
 * filled afresh and not kept.
 */
export async function withKeptFacts<T>(db: Kysely<Database>, day: FactsDay, read: (conn: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    kept.delete(db)
    await fill(db, day)
    return read(db)
  }
  const handle = sqliteHandle(db)
  return db.connection().execute(async (conn) => {
    shareSqliteHandle(db, conn)
    const own = handle ? !handle.inTransaction : true
    if (own) await sql`BEGIN`.execute(conn)
    try {
      const key = `${await storeVersion(conn)}|${day.today}|${day.until}`
      if (kept.get(db) !== key) {
        kept.delete(db)
        await fill(conn, day)
        kept.set(db, key)
      }
      return await read(conn)
    } finally {
      if (own) await sql`COMMIT`.execute(conn)
    }
  })
}
