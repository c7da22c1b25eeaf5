import { type Kysely, sql } from 'kysely'

// Never edit a landed migration: add a new numbered one instead.
//
// Photos of sites (a building's lobby, a parcel seen from the road), kept in the store itself so
// the one data file carries everything and a photo travels with its site when files are merged.
// The image is the last column: SQLite reads a row's columns in order and a photo's bytes spill
// onto overflow pages, so every column before it is read without touching those pages (a site's
// photo list, the checks before an edit).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE photos (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    is_demo INTEGER NOT NULL DEFAULT 0,
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('building', 'parcel', 'park')),
    owner_id TEXT NOT NULL,
    mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
    size INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    caption TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0,
    bytes BLOB NOT NULL)`.execute(db)
  await sql`CREATE INDEX photos_owner ON photos(owner_kind, owner_id, sort_order)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS photos`.execute(db)
}
