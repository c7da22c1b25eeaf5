import { type Kysely, sql } from 'kysely'
import { nameInitials } from '../../../shared/pinyinInitials'

// Never edit a landed migration: add a new numbered one instead.
//
// Field survey and tenancy (issue 10), the columns every part of it reads:
// - verified_at on buildings, spaces and parcels: the day staff last confirmed the record on site
//   (freshness). NULL = never verified; the age shown is then the row's age since it was entered.
// - leases.renews_lease_id: a renewal is a new lease continuing an old one; the chain is the
//   lease's history (the old row keeps its dates).
// - tenants.name_initials: pinyin initials of the name (中海 → zh), kept by the service on every
//   write, so the tenant picker finds "zhkj" among 6,000 names with one indexed LIKE. Filled here
//   for existing rows with the same function (not logged: it is derived, not edited).
// - photos: a thumbnail (small JPEG/WebP), the original when the person asked to keep it, the
//   EXIF date and GPS (WGS-84, as phones record it) and whether it is a 360° panorama.
// - spaces: the floor + unit identity index (no UNIQUE: existing duplicates stay, listed by
//   `cli check`; the service refuses new ones).
// - change_log: by person and by time, for the history screens.

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['buildings', 'spaces', 'parcels']) {
    await sql`ALTER TABLE ${sql.raw(table)} ADD COLUMN verified_at TEXT`.execute(db)
  }
  await sql`ALTER TABLE leases ADD COLUMN renews_lease_id TEXT`.execute(db)
  await sql`CREATE INDEX leases_renews ON leases(renews_lease_id) WHERE renews_lease_id IS NOT NULL`.execute(db)
  await sql`ALTER TABLE tenants ADD COLUMN name_initials TEXT`.execute(db)
  await sql`CREATE INDEX tenants_initials ON tenants(name_initials)`.execute(db)
  const tenants = await sql<{ id: string; name: string }>`SELECT id, name FROM tenants`.execute(db)
  for (const t of tenants.rows) {
    await sql`UPDATE tenants SET name_initials = ${nameInitials(t.name)} WHERE id = ${t.id}`.execute(db)
  }
  await sql`ALTER TABLE photos ADD COLUMN thumbnail BLOB`.execute(db)
  await sql`ALTER TABLE photos ADD COLUMN original BLOB`.execute(db)
  await sql`ALTER TABLE photos ADD COLUMN taken_at TEXT`.execute(db)
  await sql`ALTER TABLE photos ADD COLUMN gps_lng REAL`.execute(db)
  await sql`ALTER TABLE photos ADD COLUMN gps_lat REAL`.execute(db)
  await sql`ALTER TABLE photos ADD COLUMN is_panorama INTEGER NOT NULL DEFAULT 0`.execute(db)
  await sql`CREATE INDEX spaces_floor_unit ON spaces(building_id, floor_label, unit) WHERE deleted_at IS NULL`.execute(db)
  await sql`CREATE INDEX change_log_actor ON change_log(actor, seq)`.execute(db)
  await sql`CREATE INDEX change_log_at ON change_log(at)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['change_log_at', 'change_log_actor', 'spaces_floor_unit', 'tenants_initials', 'leases_renews']) {
    await sql`DROP INDEX IF EXISTS ${sql.raw(index)}`.execute(db)
  }
  for (const [table, column] of [
    ['photos', 'is_panorama'], ['photos', 'gps_lat'], ['photos', 'gps_lng'], ['photos', 'taken_at'], ['photos', 'original'], ['photos', 'thumbnail'],
    ['tenants', 'name_initials'], ['leases', 'renews_lease_id'], ['parcels', 'verified_at'], ['spaces', 'verified_at'], ['buildings', 'verified_at'],
  ] as const) {
    await sql`ALTER TABLE ${sql.raw(table)} DROP COLUMN ${sql.raw(column)}`.execute(db)
  }
}
