import { type Kysely, sql } from 'kysely'

// Never edit a landed migration: add a new numbered one instead.
//
// What the map needs: the basemaps this machine has (offline packages and online sources with
// their tile caches) and saved searches. Basemaps are this device's own (file paths, caches), so
// they are not logged field by field and will not be merged across laptops; saved searches are
// people's work and are logged like every other edited row.

export async function up(db: Kysely<any>): Promise<void> {
  const run = (statement: ReturnType<typeof sql>) => statement.execute(db)

  await run(sql`CREATE TABLE basemaps (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('mbtiles', 'pmtiles', 'xyz')),
    crs TEXT NOT NULL CHECK (crs IN ('wgs84', 'gcj02')),
    file TEXT,
    url_template TEXT,
    format TEXT,
    min_zoom INTEGER NOT NULL DEFAULT 0,
    max_zoom INTEGER NOT NULL DEFAULT 18,
    bounds TEXT,
    attribution TEXT,
    size_bytes INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((kind = 'xyz') = (url_template IS NOT NULL)),
    CHECK ((kind = 'xyz') OR (file IS NOT NULL)))`)

  await run(sql`CREATE TABLE saved_searches (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    is_demo INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    filters TEXT NOT NULL,
    area TEXT,
    notes TEXT)`)
  await run(sql`CREATE UNIQUE INDEX saved_searches_name ON saved_searches(name) WHERE deleted_at IS NULL`)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS saved_searches`.execute(db)
  await sql`DROP TABLE IF EXISTS basemaps`.execute(db)
}
