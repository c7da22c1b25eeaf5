import { type Kysely, sql } from 'kysely'

// Never edit a landed migration: add a new numbered one instead.
//
// Investor visits (招商接洽): a company met on a date by staff, with the sites shown to it. The
// sites are rows of visit_sites in the order they were shown; a site is a building, a parcel or
// a park, so there is no foreign key to one table — the service checks that each exists. The
// index on (site_kind, site_id) answers "which visits showed this site" for a site's page.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE visits (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    is_demo INTEGER NOT NULL DEFAULT 0,
    company TEXT NOT NULL,
    date TEXT NOT NULL,
    staff TEXT,
    contact_name TEXT,
    contact_phone TEXT,
    notes TEXT,
    follow_up_date TEXT)`.execute(db)
  await sql`CREATE INDEX visits_date ON visits(date)`.execute(db)
  await sql`CREATE TABLE visit_sites (
    visit_id TEXT NOT NULL REFERENCES visits(id),
    site_kind TEXT NOT NULL CHECK (site_kind IN ('building', 'parcel', 'park')),
    site_id TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (visit_id, site_kind, site_id))`.execute(db)
  await sql`CREATE INDEX visit_sites_site ON visit_sites(site_kind, site_id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS visit_sites`.execute(db)
  await sql`DROP TABLE IF EXISTS visits`.execute(db)
}
