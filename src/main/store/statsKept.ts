import { type Kysely, sql } from 'kysely'
import { sqliteHandle } from './handle'
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
//   temp.stats_building_facts(building_id, leasable, vacant, leased, tax, coming_free)
//   temp.stats_building_tenants(building_id, tenant_id, above_scale, registered)
//                                        the (building, tenant) pairs of current leases
//
// TEMP tables belong to one connection (a read-only one may make them), so two stores in one
// process never see each other's. They are refilled when storeVersion moves (any change to the
// sites' tables — tenants, leases, spaces, buildings, parks, park_hosts, clusters … — by any
// process, and midnight) or the day asked for differs; lease_spaces is not counted there, but every
// change to it touches its lease (store/leases.ts touchLease, imports insert the lease too).

const kept = new WeakMap<Kysely<Database>, string>()

const CREATE = [
  sql`CREATE TEMP TABLE IF NOT EXISTS stats_building_facts (
    building_id TEXT PRIMARY KEY, leasable REAL NOT NULL, vacant REAL NOT NULL, leased REAL NOT NULL,
    tax REAL NOT NULL, coming_free REAL NOT NULL) WITHOUT ROWID`,
  sql`CREATE TEMP TABLE IF NOT EXISTS stats_building_tenants (
    building_id TEXT NOT NULL, tenant_id TEXT NOT NULL, above_scale INTEGER, registered INTEGER,
    PRIMARY KEY (building_id, tenant_id)) WITHOUT ROWID`,
]

async function fill(db: Kysely<Database>, day: FactsDay): Promise<void> {
  for (const statement of CREATE) await statement.execute(db)
  await sql`DELETE FROM temp.stats_building_facts`.execute(db)
  await sql`DELETE FROM temp.stats_building_tenants`.execute(db)
  const facts = statsFactsCte({ today: day.today, until: day.until })
  await sql`INSERT INTO temp.stats_building_facts (building_id, leasable, vacant, leased, tax, coming_free)
    ${facts},
    ${buildingFactsCte}
    SELECT sb.id, coalesce(bs.leasable, 0), coalesce(bs.vacant, 0), coalesce(bs.leased, 0),
      coalesce(bt.tax, 0), coalesce(bf.coming_free, 0)
    FROM scoped_buildings sb
    LEFT JOIN building_space bs ON bs.building_id = sb.id
    LEFT JOIN building_free bf ON bf.building_id = sb.id
    LEFT JOIN building_tax bt ON bt.building_id = sb.id`.execute(db)
  await sql`INSERT INTO temp.stats_building_tenants (building_id, tenant_id, above_scale, registered)
    ${facts}
    SELECT DISTINCT lt.building_id, lt.tenant_id, t.above_scale, t.registered_in_district
    FROM lease_tax lt JOIN tenants t ON t.id = lt.tenant_id`.execute(db)
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
