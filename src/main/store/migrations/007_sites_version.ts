import { type Kysely, sql } from 'kysely'

// Never edit a landed migration: add a new numbered one instead.
//
// A counter of changes to the rows the map's sites are made of (store/version.ts). The map's kept
// answer used to follow every commit to the file, so the map's own settings write (its view,
// after each pan) threw away 10,000 buildings' figures and the next visit recomputed them. The
// triggers count every change to those tables, through write() or not, from any connection; a
// change elsewhere (settings, saved searches, visits, the change log) leaves the count alone.

export const SITES_TABLES = ['districts', 'clusters', 'buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'park_hosts', 'photos'] as const

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE sites_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)`.execute(db)
  await sql`INSERT INTO sites_version (id, n) VALUES (1, 0)`.execute(db)
  for (const table of SITES_TABLES) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_${event.toLowerCase()}_sites_version`)} AFTER ${sql.raw(event)} ON ${sql.raw(table)}
        BEGIN UPDATE sites_version SET n = n + 1 WHERE id = 1; END`.execute(db)
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of SITES_TABLES) {
    for (const event of ['insert', 'update', 'delete']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_${event}_sites_version`)}`.execute(db)
  }
  await sql`DROP TABLE IF EXISTS sites_version`.execute(db)
}
