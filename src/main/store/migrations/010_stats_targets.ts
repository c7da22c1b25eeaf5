import { type Kysely, sql } from 'kysely'

// Never edit a landed migration: add a new numbered one instead.
//
// Statistics and targets (issue 11):
// - targets: the bureau's annual targets (年度目标): a year, what is counted (a kind the store can
//   compute, or an entered one with its own unit), the target value.
// - target_entries: what was achieved in a month, entered by a person for the kinds the store
//   cannot compute (projects signed, custom targets); one live entry per target and month.
// - land_area (占地面积, m²) on buildings and parks: 亩均税收 (tax per mu of land), the measure
//   bureaus rank industrial sites by, is only computed where it is known.
// - sub_parks.status: each sub-park's progress (规划中/装修中/运营中, the park statuses); NULL = as
//   its park.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE targets (
    id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    is_demo INTEGER NOT NULL DEFAULT 0,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    target_value REAL NOT NULL CHECK (target_value > 0),
    notes TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0)`.execute(db)
  await sql`CREATE INDEX targets_year ON targets(year) WHERE deleted_at IS NULL`.execute(db)
  await sql`CREATE TABLE target_entries (
    id TEXT PRIMARY KEY NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    is_demo INTEGER NOT NULL DEFAULT 0,
    target_id TEXT NOT NULL REFERENCES targets(id),
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    value REAL NOT NULL,
    notes TEXT)`.execute(db)
  await sql`CREATE UNIQUE INDEX target_entries_month ON target_entries(target_id, month) WHERE deleted_at IS NULL`.execute(db)
  await sql`ALTER TABLE buildings ADD COLUMN land_area REAL`.execute(db)
  await sql`ALTER TABLE parks ADD COLUMN land_area REAL`.execute(db)
  await sql`ALTER TABLE sub_parks ADD COLUMN status TEXT`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE sub_parks DROP COLUMN status`.execute(db)
  await sql`ALTER TABLE parks DROP COLUMN land_area`.execute(db)
  await sql`ALTER TABLE buildings DROP COLUMN land_area`.execute(db)
  await sql`DROP TABLE IF EXISTS target_entries`.execute(db)
  await sql`DROP TABLE IF EXISTS targets`.execute(db)
}
