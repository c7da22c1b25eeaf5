import { type Kysely, sql } from 'kysely'

// Never edit a landed migration: add a new numbered one instead.
//
// The map's freshness column (store/mapSites.ts spaceChecks) takes each building's oldest
// verified day and first never-verified entry over its live spaces. Without a covering index
// that is a scan of the spaces table on every recomputation (≈200 ms at 200,000 spaces); with it,
// a walk of the index (about half).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX spaces_checks ON spaces(building_id, verified_at, created_at) WHERE deleted_at IS NULL`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS spaces_checks`.execute(db)
}
