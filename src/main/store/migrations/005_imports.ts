import { type Kysely, sql } from 'kysely'

// Never edit a landed migration: add a new numbered one instead.
//
// Imports as wholes: each run of the importer is a batch (which file, what kind, who, when, how
// many rows), and every row it wrote is listed with what it did to it (inserted, or updated with
// the previous values of the fields it changed), so the whole import can be taken back in one
// transaction. `hlc` is the batch's clock stamp: a change logged after it means someone edited the
// row since, and the undo refuses rather than overwrite that work.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE import_batches (
    id TEXT PRIMARY KEY NOT NULL,
    file_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('buildings', 'parcels', 'parks', 'workbook')),
    sheet TEXT,
    at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    actor TEXT NOT NULL,
    device_id TEXT NOT NULL,
    created INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT)`.execute(db)
  await sql`CREATE TABLE import_batch_rows (
    batch_id TEXT NOT NULL REFERENCES import_batches(id),
    seq INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update')),
    previous TEXT,
    PRIMARY KEY (batch_id, seq))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS import_batch_rows`.execute(db)
  await sql`DROP TABLE IF EXISTS import_batches`.execute(db)
}
