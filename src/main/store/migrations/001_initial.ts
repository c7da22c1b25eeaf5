import { type Kysely, sql } from 'kysely'

// Never edit a landed migration: add a new numbered one instead.

/** 'SATA' — marks a SQLite file as a Site Atlas store (PRAGMA application_id). */
export const SITE_ATLAS_APPLICATION_ID = 0x53415441

const rowBase = sql.raw(`
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0`)

export async function up(db: Kysely<any>): Promise<void> {
  const run = (statement: ReturnType<typeof sql>) => statement.execute(db)

  await run(sql`PRAGMA application_id = ${sql.raw(String(SITE_ATLAS_APPLICATION_ID))}`)

  await run(sql`CREATE TABLE districts (
    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 6),
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    province TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    is_demo INTEGER NOT NULL DEFAULT 0)`)

  await run(sql`CREATE TABLE clusters (${rowBase},
    name TEXT NOT NULL,
    district_code TEXT NOT NULL REFERENCES districts(code),
    description TEXT)`)

  await run(sql`CREATE TABLE buildings (${rowBase},
    name TEXT NOT NULL,
    address TEXT,
    district_code TEXT NOT NULL REFERENCES districts(code),
    cluster_id TEXT REFERENCES clusters(id),
    lng REAL,
    lat REAL,
    grade TEXT,
    kind TEXT NOT NULL,
    floors_above INTEGER,
    floors_below INTEGER,
    total_area REAL,
    year_built INTEGER,
    owner TEXT,
    property_manager TEXT,
    ownership TEXT,
    property_fee REAL,
    contact_name TEXT,
    contact_phone TEXT,
    notes TEXT)`)
  await run(sql`CREATE INDEX buildings_district ON buildings(district_code)`)
  await run(sql`CREATE INDEX buildings_cluster ON buildings(cluster_id)`)

  await run(sql`CREATE TABLE spaces (${rowBase},
    building_id TEXT NOT NULL REFERENCES buildings(id),
    floor_label TEXT NOT NULL,
    floor_sort REAL NOT NULL,
    unit TEXT,
    area REAL NOT NULL CHECK (area > 0),
    status TEXT NOT NULL,
    asking_rent REAL,
    fit_out TEXT,
    available_from TEXT,
    divisible INTEGER NOT NULL DEFAULT 0,
    notes TEXT)`)
  await run(sql`CREATE INDEX spaces_building ON spaces(building_id, floor_sort)`)

  await run(sql`CREATE TABLE tenants (${rowBase},
    name TEXT NOT NULL,
    credit_code TEXT,
    industry TEXT,
    above_scale INTEGER NOT NULL DEFAULT 0,
    registered_in_district INTEGER NOT NULL DEFAULT 0,
    annual_tax REAL,
    staff INTEGER,
    contact_name TEXT,
    contact_phone TEXT,
    notes TEXT)`)
  await run(sql`CREATE UNIQUE INDEX tenants_credit_code ON tenants(credit_code)
    WHERE credit_code IS NOT NULL AND deleted_at IS NULL`)

  await run(sql`CREATE TABLE leases (${rowBase},
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    building_id TEXT NOT NULL REFERENCES buildings(id),
    start_date TEXT,
    end_date TEXT,
    area REAL NOT NULL CHECK (area > 0),
    rent REAL,
    notes TEXT)`)
  await run(sql`CREATE INDEX leases_tenant ON leases(tenant_id)`)
  await run(sql`CREATE INDEX leases_building ON leases(building_id)`)

  await run(sql`CREATE TABLE lease_spaces (
    lease_id TEXT NOT NULL REFERENCES leases(id),
    space_id TEXT NOT NULL REFERENCES spaces(id),
    PRIMARY KEY (lease_id, space_id))`)
  await run(sql`CREATE INDEX lease_spaces_space ON lease_spaces(space_id)`)

  await run(sql`CREATE TABLE parcels (${rowBase},
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    district_code TEXT NOT NULL REFERENCES districts(code),
    address TEXT,
    lng REAL,
    lat REAL,
    boundary TEXT,
    area REAL,
    land_use TEXT NOT NULL,
    plot_ratio_min REAL,
    plot_ratio_max REAL,
    building_density REAL,
    green_ratio REAL,
    height_limit REAL,
    readiness TEXT,
    utilities TEXT,
    status TEXT NOT NULL,
    reference_price REAL,
    target_industry TEXT,
    contact_name TEXT,
    contact_phone TEXT,
    notes TEXT)`)
  await run(sql`CREATE INDEX parcels_district ON parcels(district_code)`)
  await run(sql`CREATE UNIQUE INDEX parcels_code ON parcels(code) WHERE deleted_at IS NULL`)

  await run(sql`CREATE TABLE parks (${rowBase},
    name TEXT NOT NULL,
    theme TEXT NOT NULL,
    district_code TEXT NOT NULL REFERENCES districts(code),
    planned_investment REAL,
    total_area REAL,
    operator TEXT,
    status TEXT NOT NULL,
    contact_name TEXT,
    contact_phone TEXT,
    description TEXT)`)

  await run(sql`CREATE TABLE sub_parks (${rowBase},
    park_id TEXT NOT NULL REFERENCES parks(id),
    name TEXT NOT NULL,
    theme TEXT,
    area REAL,
    sort_order INTEGER NOT NULL DEFAULT 0)`)
  await run(sql`CREATE INDEX sub_parks_park ON sub_parks(park_id)`)

  await run(sql`CREATE TABLE park_hosts (${rowBase},
    park_id TEXT NOT NULL REFERENCES parks(id),
    building_id TEXT NOT NULL REFERENCES buildings(id),
    floors TEXT,
    area REAL,
    sort_order INTEGER NOT NULL DEFAULT 0)`)
  await run(sql`CREATE INDEX park_hosts_park ON park_hosts(park_id)`)
  await run(sql`CREATE INDEX park_hosts_building ON park_hosts(building_id)`)

  // One row per changed field. `hlc` is a hybrid logical clock stamp that sorts across devices,
  // so two laptops' edits can later be merged field by field (last writer wins per field).
  await run(sql`CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'restore')),
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    at TEXT NOT NULL)`)
  await run(sql`CREATE INDEX change_log_row ON change_log(table_name, row_id)`)
  await run(sql`CREATE INDEX change_log_hlc ON change_log(hlc)`)

  await run(sql`CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL)`)

  // Full-text search over names and addresses. The trigram tokenizer matches any Chinese
  // substring of three or more characters; shorter queries fall back to LIKE on the same table.
  await run(sql`CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, row_id UNINDEXED, name, extra, tokenize = 'trigram')`)
  const indexed: Array<[table: string, kind: string, name: string, extra: string]> = [
    ['buildings', 'building', 'name', "coalesce(NEW.address, '')"],
    ['parcels', 'parcel', 'name', "NEW.code || ' ' || coalesce(NEW.address, '') || ' ' || coalesce(NEW.target_industry, '')"],
    ['parks', 'park', 'name', 'NEW.theme'],
    ['clusters', 'cluster', 'name', "coalesce(NEW.description, '')"],
    ['tenants', 'tenant', 'name', "coalesce(NEW.credit_code, '')"],
  ]
  for (const [table, kind, name, extra] of indexed) {
    const add = `INSERT INTO search_index (kind, row_id, name, extra)
      SELECT '${kind}', NEW.id, NEW.${name}, ${extra} WHERE NEW.deleted_at IS NULL;`
    await run(sql.raw(`CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN ${add} END`))
    await run(
      sql.raw(`CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} BEGIN
        DELETE FROM search_index WHERE kind = '${kind}' AND row_id = OLD.id; ${add} END`),
    )
    await run(
      sql.raw(`CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN
        DELETE FROM search_index WHERE kind = '${kind}' AND row_id = OLD.id; END`),
    )
  }

  // Reference data: the districts of the two cities the bureau's demo and first users work in.
  // Other districts are added from the settings screen (GB/T 2260 code and name).
  const now = new Date().toISOString()
  const districts: Array<[string, string, string, string]> = [
    ['210102', '和平区', '沈阳市', '辽宁省'],
    ['210103', '沈河区', '沈阳市', '辽宁省'],
    ['210104', '大东区', '沈阳市', '辽宁省'],
    ['210105', '皇姑区', '沈阳市', '辽宁省'],
    ['210106', '铁西区', '沈阳市', '辽宁省'],
    ['210111', '苏家屯区', '沈阳市', '辽宁省'],
    ['210112', '浑南区', '沈阳市', '辽宁省'],
    ['210113', '沈北新区', '沈阳市', '辽宁省'],
    ['210114', '于洪区', '沈阳市', '辽宁省'],
    ['210115', '辽中区', '沈阳市', '辽宁省'],
    ['330102', '上城区', '杭州市', '浙江省'],
    ['330105', '拱墅区', '杭州市', '浙江省'],
    ['330106', '西湖区', '杭州市', '浙江省'],
    ['330108', '滨江区', '杭州市', '浙江省'],
    ['330109', '萧山区', '杭州市', '浙江省'],
    ['330110', '余杭区', '杭州市', '浙江省'],
    ['330111', '富阳区', '杭州市', '浙江省'],
    ['330112', '临安区', '杭州市', '浙江省'],
    ['330113', '临平区', '杭州市', '浙江省'],
    ['330114', '钱塘区', '杭州市', '浙江省'],
  ]
  await db
    .insertInto('districts')
    .values(districts.map(([code, name, city, province]) => ({ code, name, city, province, created_at: now, updated_at: now })))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['search_index', 'settings', 'change_log', 'park_hosts', 'sub_parks', 'parks', 'parcels', 'lease_spaces', 'leases', 'tenants', 'spaces', 'buildings', 'clusters', 'districts']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db)
  }
}
