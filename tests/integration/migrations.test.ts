import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { type Kysely, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, migrations } from '../../src/main/store/migrations'
import { listBuildings } from '../../src/main/store/buildings'
import { openStore, StoreOpenError } from '../../src/main/store/open'
import { tempDir } from '../helpers/store'

const dirs: string[] = []
const fileIn = (name = 'atlas.db') => {
  const dir = tempDir()
  dirs.push(dir)
  return path.join(dir, name)
}
/** The backup an upgrade makes first: in the data folder's backups/, named by when and why. */
const BEFORE_MIGRATION = /[\\/]backups[\\/]site-atlas-\d{8}-\d{6}(-\d+)?-before-migration\.db$/

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** The schema as SQL text, sorted: a snapshot catches any edit to a landed migration. */
function schemaOf(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true })
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'search_index_%' ORDER BY type, name").all() as Array<{ sql: string }>
  db.close()
  return rows.map((r) => `${r.sql.replace(/\s+/g, ' ')};`).join('\n')
}

describe('store migrations', () => {
  it('creates the latest schema from empty, marks the file as ours and sets its version', async () => {
    const file = fileIn()
    const store = await openStore(file)
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(store.backupPath).toBeNull()
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(store.sqlite.pragma('application_id', { simple: true })).toBe(0x53415441)
    const districts = await store.db.selectFrom('districts').select('name').where('code', '=', '210103').execute()
    expect(districts).toEqual([{ name: '沈河区' }])
    await store.close()
    await expect(schemaOf(file)).toMatchFileSnapshot('./__snapshots__/schema.sql')
  })

  it('keeps data across a reopen without migrating or backing up again', async () => {
    const file = fileIn()
    const first = await openStore(file)
    await sql`INSERT INTO clusters (id, created_at, updated_at, name, district_code) VALUES ('c1', 'now', 'now', '彩塔商务楼宇集聚区', '210103')`.execute(first.db)
    await first.close()
    const second = await openStore(file)
    expect(second.backupPath).toBeNull()
    expect(await second.db.selectFrom('clusters').select('name').execute()).toEqual([{ name: '彩塔商务楼宇集聚区' }])
    await second.close()
  })

  // The upgrade path every migration takes: N-1 with data → N, data kept, old file copied aside.
  it('upgrades 001 → 002 (map: basemaps, saved searches) with its data kept and a backup', async () => {
    const file = fileIn()
    const v1 = await openStore(file, { migrateTo: '001_initial' })
    expect(v1.schemaVersion).toBe(1)
    await sql`INSERT INTO clusters (id, created_at, updated_at, name, district_code) VALUES ('c1', 'now', 'now', '惠工方圆金融楼宇集聚区', '210103')`.execute(v1.db)
    await sql`INSERT INTO buildings (id, created_at, updated_at, name, district_code, cluster_id, kind, lng, lat)
      VALUES ('b1', 'now', 'now', '财富中心', '210103', 'c1', 'office', 123.43, 41.8)`.execute(v1.db)
    await v1.close()

    const v2 = await openStore(file, { migrateTo: '002_map' })
    expect(v2.schemaVersion).toBe(2)
    expect(v2.sqlite.pragma('user_version', { simple: true })).toBe(2)
    expect(v2.backupPath).toMatch(BEFORE_MIGRATION)
    const rows = await sql<{ name: string; lng: number }>`SELECT name, lng FROM buildings`.execute(v2.db)
    expect(rows.rows).toEqual([{ name: '财富中心', lng: 123.43 }])
    await v2.db
      .insertInto('savedSearches')
      .values({ id: 's1', createdAt: 'now', updatedAt: 'now', deletedAt: null, isDemo: 0, name: '地铁站 2 公里', filters: '{}', area: null, notes: null })
      .execute()
    await v2.db
      .insertInto('basemaps')
      .values({ id: 'm1', name: '沈阳影像', kind: 'mbtiles', crs: 'gcj02', file: 'basemaps/m1.mbtiles', urlTemplate: null, format: 'jpg', minZoom: 8, maxZoom: 16, bounds: null, attribution: null, sizeBytes: 1, createdAt: 'now', updatedAt: 'now' })
      .execute()
    // An online source must have a URL template and a package a file: the table refuses half rows.
    await expect(
      sql`INSERT INTO basemaps (id, name, kind, crs, created_at, updated_at) VALUES ('m2', 'x', 'xyz', 'wgs84', 'now', 'now')`.execute(v2.db),
    ).rejects.toThrow(/CHECK constraint failed/)
    await v2.close()

    const backup = new BetterSqlite3(v2.backupPath!, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(1)
    expect(backup.prepare('SELECT name FROM clusters').all()).toEqual([{ name: '惠工方圆金融楼宇集聚区' }])
    backup.close()
  })

  it('upgrades 002 → 003 (figure indexes) with the data kept and the figures unchanged', async () => {
    const file = fileIn()
    const v2 = await openStore(file, { migrateTo: '002_map' })
    await sql`INSERT INTO buildings (id, created_at, updated_at, name, district_code, kind) VALUES ('b1', 'now', 'now', '财富中心', '210103', 'office')`.execute(v2.db)
    await sql`INSERT INTO spaces (id, created_at, updated_at, building_id, floor_label, floor_sort, area, status)
      VALUES ('s1', 'now', 'now', 'b1', '12', 12, 1000, 'vacant'), ('s2', 'now', 'now', 'b1', '13', 13, 500, 'leased')`.execute(v2.db)
    await v2.close()

    const v3 = await openStore(file, { migrateTo: '003_figure_indexes' })
    expect(v3.schemaVersion).toBe(3)
    expect(v3.backupPath).toMatch(BEFORE_MIGRATION)
    const plan = v3.sqlite.prepare("EXPLAIN QUERY PLAN SELECT building_id, sum(area) FROM spaces WHERE deleted_at IS NULL GROUP BY building_id").all() as Array<{ detail: string }>
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX spaces_figures')
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM spaces WHERE building_id = 'b1'`.execute(v3.db)).rows).toEqual([{ n: 2 }])
    await v3.close()
    // The figures as the app reads them today (its queries name columns of later migrations, e.g.
    // verified_at of 008, so they are read once the store is current).
    const current = await openStore(file)
    const [b] = await listBuildings(current.db)
    expect(b).toMatchObject({ name: '财富中心', leasableArea: 1500, vacantArea: 1000 })
    await current.close()
  })

  it('upgrades 003 → 004 (photos) with the data kept', async () => {
    const file = fileIn()
    const v3 = await openStore(file, { migrateTo: '003_figure_indexes' })
    await sql`INSERT INTO buildings (id, created_at, updated_at, name, district_code, kind) VALUES ('b1', 'now', 'now', '财富中心', '210103', 'office')`.execute(v3.db)
    await v3.close()
    const v4 = await openStore(file, { migrateTo: '004_photos' })
    expect(v4.schemaVersion).toBe(4)
    expect(v4.backupPath).toMatch(BEFORE_MIGRATION)
    expect((await sql<{ name: string }>`SELECT name FROM buildings`.execute(v4.db)).rows).toEqual([{ name: '财富中心' }])
    await sql`INSERT INTO photos (id, created_at, updated_at, owner_kind, owner_id, mime, bytes, size, width, height)
      VALUES ('p1', 'now', 'now', 'building', 'b1', 'image/png', x'89504e47', 4, 1, 1)`.execute(v4.db)
    // Only the three kinds of site and the three image types are accepted.
    await expect(
      sql`INSERT INTO photos (id, created_at, updated_at, owner_kind, owner_id, mime, bytes, size, width, height)
        VALUES ('p2', 'now', 'now', 'tenant', 'b1', 'image/gif', x'00', 1, 1, 1)`.execute(v4.db),
    ).rejects.toThrow(/CHECK constraint failed/)
    await v4.close()
  })

  it('upgrades 004 → 005 (import batches) with the data kept', async () => {
    const file = fileIn()
    const v4 = await openStore(file, { migrateTo: '004_photos' })
    await sql`INSERT INTO buildings (id, created_at, updated_at, name, district_code, kind) VALUES ('b1', 'now', 'now', '财富中心', '210103', 'office')`.execute(v4.db)
    await v4.close()
    const v5 = await openStore(file, { migrateTo: '005_imports' })
    expect(v5.schemaVersion).toBe(5)
    expect(v5.backupPath).toMatch(BEFORE_MIGRATION)
    expect((await sql<{ name: string }>`SELECT name FROM buildings`.execute(v5.db)).rows).toEqual([{ name: '财富中心' }])
    await sql`INSERT INTO import_batches (id, file_name, kind, at, hlc, actor, device_id, created) VALUES ('i1', '楼宇.xlsx', 'buildings', 'now', 'h', 'tester', 'd', 1)`.execute(v5.db)
    await sql`INSERT INTO import_batch_rows (batch_id, seq, table_name, row_id, op) VALUES ('i1', 0, 'buildings', 'b1', 'insert')`.execute(v5.db)
    // Only the four kinds of import and the two things an import does to a row are accepted.
    await expect(
      sql`INSERT INTO import_batches (id, file_name, kind, at, hlc, actor, device_id) VALUES ('i2', 'x', 'photos', 'now', 'h', 'a', 'd')`.execute(v5.db),
    ).rejects.toThrow(/CHECK constraint failed/)
    await expect(
      sql`INSERT INTO import_batch_rows (batch_id, seq, table_name, row_id, op) VALUES ('i1', 1, 'buildings', 'b1', 'delete')`.execute(v5.db),
    ).rejects.toThrow(/CHECK constraint failed/)
    await v5.close()
  })

  // Named 006: 005 (imports) lands from another branch. Versions are counted, not read from names.
  it('upgrades to 006 (investor visits) with the data kept', async () => {
    const names = Object.keys(migrations)
    const at = names.indexOf('006_visits')
    const file = fileIn()
    const before = await openStore(file, { migrateTo: names[at - 1] })
    expect(before.schemaVersion).toBe(at)
    await sql`INSERT INTO buildings (id, created_at, updated_at, name, district_code, kind) VALUES ('b1', 'now', 'now', '茂业中心', '210103', 'office')`.execute(before.db)
    await before.close()

    const after = await openStore(file, { migrateTo: '006_visits' })
    expect(after.schemaVersion).toBe(at + 1)
    expect(after.backupPath).toMatch(BEFORE_MIGRATION)
    const copy = new BetterSqlite3(after.backupPath!, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(at)
    copy.close()
    expect((await sql<{ name: string }>`SELECT name FROM buildings`.execute(after.db)).rows).toEqual([{ name: '茂业中心' }])
    await sql`INSERT INTO visits (id, created_at, updated_at, company, date) VALUES ('v1', 'now', 'now', '东软集团', '2025-02-10')`.execute(after.db)
    await sql`INSERT INTO visit_sites (visit_id, site_kind, site_id, sort_order) VALUES ('v1', 'building', 'b1', 0)`.execute(after.db)
    const plan = after.sqlite.prepare("EXPLAIN QUERY PLAN SELECT visit_id FROM visit_sites WHERE site_kind = 'building' AND site_id = 'b1'").all() as Array<{ detail: string }>
    expect(plan.map((p) => p.detail).join(' ')).toContain('visit_sites_site')
    // Only the three kinds of site, and only sites of a visit that exists.
    await expect(
      sql`INSERT INTO visit_sites (visit_id, site_kind, site_id) VALUES ('v1', 'tenant', 'b1')`.execute(after.db),
    ).rejects.toThrow(/CHECK constraint failed/)
    await expect(
      sql`INSERT INTO visit_sites (visit_id, site_kind, site_id) VALUES ('nope', 'building', 'b1')`.execute(after.db),
    ).rejects.toThrow(/FOREIGN KEY constraint failed/)
    await after.close()
  })

  it('refuses a file from a newer version instead of damaging it', async () => {
    const file = fileIn()
    const next = {
      ...migrations,
      '999_future': {
        up: async (db: Kysely<any>) => {
          await db.schema.alterTable('clusters').addColumn('colour', 'text', (c) => c.notNull().defaultTo('#888')).execute()
        },
      },
    }
    const future = await openStore(file, { migrations: next })
    expect(future.schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1)
    await future.close()
    const before = fs.readFileSync(file)
    await expect(openStore(file)).rejects.toMatchObject({ problem: 'newer_schema' })
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses files that are not Site Atlas stores and writes nothing to them', async () => {
    const foreign = fileIn('other.db')
    const other = new BetterSqlite3(foreign)
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    other.close()
    const before = fs.readFileSync(foreign)
    await expect(openStore(foreign)).rejects.toBeInstanceOf(StoreOpenError)
    await expect(openStore(foreign)).rejects.toMatchObject({ problem: 'not_site_atlas' })
    expect(fs.readFileSync(foreign).equals(before)).toBe(true)

    const text = fileIn('notes.db')
    fs.writeFileSync(text, 'this is not a database at all, just some text that is long enough '.repeat(20))
    await expect(openStore(text)).rejects.toMatchObject({ problem: 'not_site_atlas' })

    await expect(openStore(fileIn('missing.db'), { mustExist: true })).rejects.toMatchObject({ problem: 'missing' })
  })
})
