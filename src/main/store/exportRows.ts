import BetterSqlite3 from 'better-sqlite3'

// The live rows of each table of the app's workbook (services/workbook/columns.ts), streamed one at
// a time from SQLite for the exports: better-sqlite3's iterate() in raw mode hands out one array per
// row, so 200,000 spaces never sit in memory at once. Every row also carries the figures and names
// the workbook shows people (computed columns), under the spec's keys. Only rows whose parents are
// live are given, so that what is written refers to nothing missing.

export type ExportTableName =
  | 'districts' | 'clusters' | 'buildings' | 'spaces' | 'tenants' | 'leases' | 'parcels' | 'parks' | 'subParks' | 'parkHosts'

/** One table's rows: the column names (camelCase keys) and an iterator over value arrays. */
export interface ExportRowSource {
  columns: string[]
  rows: IterableIterator<unknown[]>
}

/**
 * One table's query in parts: `from` with the joins that decide which rows are given (live
 * parents) and `where`, so the count (for the progress bar) is those alone, without
 * the ordering, the computed figures and the names joined in for people, which cost it as much as
 * the export's own pass.
 */
interface ExportQuery {
  with?: string
  select: string
  from: string
  where: string
  /** Joins that add columns, never remove or repeat rows (LEFT JOINs on a unique key). */
  lookups?: string
  orderBy: string
}

// Same rule as the building figures of the lists (store/buildings.ts): leasable = vacant + leased + reserved.
const QUERIES: Record<ExportTableName, ExportQuery> = {
  districts: {
    select: `code, name, city, province`,
    from: `districts`,
    where: `deleted_at IS NULL`,
    orderBy: `code`,
  },
  clusters: {
    select: `c.id, c.name, c.district_code AS districtCode, c.description`,
    from: `clusters c`,
    where: `c.deleted_at IS NULL`,
    orderBy: `c.district_code, c.name, c.id`,
  },
  buildings: {
    with: `figures AS (
      SELECT building_id,
        sum(CASE WHEN status IN ('vacant', 'leased', 'reserved') THEN area ELSE 0 END) AS leasable,
        sum(CASE WHEN status = 'vacant' THEN area ELSE 0 END) AS vacant
      FROM spaces WHERE deleted_at IS NULL GROUP BY building_id)`,
    select: `b.id, b.name, b.address, b.district_code AS districtCode, c.id AS clusterId, c.name AS clusterName,
      b.lng, b.lat, b.grade, b.kind, b.floors_above AS floorsAbove, b.floors_below AS floorsBelow, b.total_area AS totalArea, b.land_area AS landArea,
      coalesce(f.leasable, 0) AS leasableArea, coalesce(f.vacant, 0) AS vacantArea,
      CASE WHEN f.leasable > 0 THEN f.vacant / f.leasable END AS vacancyRate,
      b.year_built AS yearBuilt, b.owner, b.property_manager AS propertyManager, b.ownership, b.property_fee AS propertyFee,
      b.contact_name AS contactName, b.contact_phone AS contactPhone, b.notes, b.verified_at AS verifiedAt`,
    from: `buildings b`,
    where: `b.deleted_at IS NULL`,
    lookups: `LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL
      LEFT JOIN figures f ON f.building_id = b.id`,
    orderBy: `b.district_code, b.name, b.id`,
  },
  spaces: {
    select: `s.id, s.building_id AS buildingId, b.name AS buildingName, s.floor_label AS floorLabel, s.unit, s.area, s.status,
      s.asking_rent AS askingRent, s.fit_out AS fitOut, s.available_from AS availableFrom, s.divisible, s.notes,
      s.verified_at AS verifiedAt`,
    // CROSS JOIN keeps buildings as the outer loop: SQLite walks them in district order and each
    // one's spaces through spaces_figures (building_id, floor_sort …), so it sorts a district's
    // spaces at a time instead of all 200,000 at the end (about a sixth less CPU for this query).
    from: `buildings b CROSS JOIN spaces s ON s.building_id = b.id`,
    where: `b.deleted_at IS NULL AND s.deleted_at IS NULL`,
    orderBy: `b.district_code, b.name, s.building_id, s.floor_sort, s.unit, s.id`,
  },
  tenants: {
    select: `id, name, credit_code AS creditCode, industry, above_scale AS aboveScale,
      registered_in_district AS registeredInDistrict, annual_tax AS annualTax, staff, contact_name AS contactName,
      contact_phone AS contactPhone, notes`,
    from: `tenants`,
    where: `deleted_at IS NULL`,
    orderBy: `name, id`,
  },
  leases: {
    select: `l.id, l.tenant_id AS tenantId, t.name AS tenantName, l.building_id AS buildingId, b.name AS buildingName,
      (SELECT group_concat(ls.space_id) FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id AND s.deleted_at IS NULL
        WHERE ls.lease_id = l.id) AS spaceIds,
      l.start_date AS startDate, l.end_date AS endDate, l.area, l.rent, l.notes`,
    from: `leases l
      JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
      JOIN buildings b ON b.id = l.building_id AND b.deleted_at IS NULL`,
    where: `l.deleted_at IS NULL`,
    orderBy: `b.district_code, b.name, l.building_id, l.start_date, l.id`,
  },
  parcels: {
    select: `id, code, name, district_code AS districtCode, address, lng, lat, area, land_use AS landUse,
      plot_ratio_min AS plotRatioMin, plot_ratio_max AS plotRatioMax, building_density AS buildingDensity,
      green_ratio AS greenRatio, height_limit AS heightLimit, readiness, utilities, status, reference_price AS referencePrice,
      target_industry AS targetIndustry, contact_name AS contactName, contact_phone AS contactPhone, notes, boundary,
      verified_at AS verifiedAt`,
    from: `parcels`,
    where: `deleted_at IS NULL`,
    orderBy: `district_code, code, id`,
  },
  parks: {
    select: `id, name, theme, district_code AS districtCode, planned_investment AS plannedInvestment, total_area AS totalArea,
      land_area AS landArea, operator, status, contact_name AS contactName, contact_phone AS contactPhone, description`,
    from: `parks`,
    where: `deleted_at IS NULL`,
    orderBy: `district_code, name, id`,
  },
  subParks: {
    select: `s.id, s.park_id AS parkId, p.name AS parkName, s.name, s.theme, s.area, s.status, s.sort_order AS sortOrder`,
    from: `sub_parks s JOIN parks p ON p.id = s.park_id AND p.deleted_at IS NULL`,
    where: `s.deleted_at IS NULL`,
    orderBy: `p.district_code, p.name, s.park_id, s.sort_order, s.id`,
  },
  parkHosts: {
    select: `h.id, h.park_id AS parkId, p.name AS parkName, h.building_id AS buildingId, b.name AS buildingName,
      h.floors, h.area, h.sort_order AS sortOrder`,
    from: `park_hosts h
      JOIN parks p ON p.id = h.park_id AND p.deleted_at IS NULL
      JOIN buildings b ON b.id = h.building_id AND b.deleted_at IS NULL`,
    where: `h.deleted_at IS NULL`,
    orderBy: `p.district_code, p.name, h.park_id, h.sort_order, h.id`,
  },
}

const rowsSql = (q: ExportQuery): string =>
  `${q.with ? `WITH ${q.with} ` : ''}SELECT ${q.select} FROM ${q.from} ${q.lookups ?? ''} WHERE ${q.where} ORDER BY ${q.orderBy}`

/** The live rows of a table, in a stable order (district, then name), one array at a time. */
export function exportRows(sqlite: BetterSqlite3.Database, table: ExportTableName): ExportRowSource {
  const statement = sqlite.prepare(rowsSql(QUERIES[table])).raw(true)
  return { columns: statement.columns().map((c) => c.name), rows: statement.iterate() as IterableIterator<unknown[]> }
}

/** How many rows exportRows will give, for the progress bar: the same rows, only counted. */
export function countExportRows(sqlite: BetterSqlite3.Database, table: ExportTableName): number {
  const row = sqlite.prepare(`SELECT count(*) AS n FROM ${QUERIES[table].from} WHERE ${QUERIES[table].where}`).get() as { n: number }
  return row.n
}

/** Live leases as (tenant, building) pairs: which companies a scoped workbook carries. */
export function leaseTenantBuildings(sqlite: BetterSqlite3.Database): Array<{ tenantId: string; buildingId: string }> {
  return sqlite
    .prepare(`SELECT DISTINCT tenant_id AS tenantId, building_id AS buildingId FROM leases WHERE deleted_at IS NULL`)
    .all() as Array<{ tenantId: string; buildingId: string }>
}

/** Live park → host building pairs: a scoped workbook carries the buildings its parks sit in. */
export function parkHostBuildings(sqlite: BetterSqlite3.Database): Array<{ parkId: string; buildingId: string }> {
  return sqlite
    .prepare(`SELECT park_id AS parkId, building_id AS buildingId FROM park_hosts WHERE deleted_at IS NULL`)
    .all() as Array<{ parkId: string; buildingId: string }>
}

/** District and cluster of each live building (for the districts and clusters a scope refers to). */
export function buildingRefs(sqlite: BetterSqlite3.Database): Array<{ id: string; districtCode: string; clusterId: string | null }> {
  return sqlite
    .prepare(`SELECT id, district_code AS districtCode, cluster_id AS clusterId FROM buildings WHERE deleted_at IS NULL`)
    .all() as Array<{ id: string; districtCode: string; clusterId: string | null }>
}

/** District of each live parcel or park. */
export function siteDistricts(sqlite: BetterSqlite3.Database, table: 'parcels' | 'parks' | 'clusters'): Array<{ id: string; districtCode: string }> {
  const name = table === 'parcels' ? 'parcels' : table === 'parks' ? 'parks' : 'clusters'
  return sqlite.prepare(`SELECT id, district_code AS districtCode FROM ${name} WHERE deleted_at IS NULL`).all() as Array<{ id: string; districtCode: string }>
}

/** A read connection for one export, and how to let it go. */
export interface ExportReader {
  sqlite: BetterSqlite3.Database
  close(): void
}

/**
 * A connection of its own for an export, reading one snapshot of the file (a WAL read
 * transaction): the export yields to the event loop between rows, and an open iterator on the
 * app's own connection would refuse every write made meanwhile ("connection is busy"). An
 * in-memory store has no file to open twice, so it is read on its own connection.
 */
export function openExportReader(store: { sqlite: BetterSqlite3.Database; file: string }): ExportReader {
  if (store.file === ':memory:') return { sqlite: store.sqlite, close: () => {} }
  const sqlite = new BetterSqlite3(store.file, { readonly: true, fileMustExist: true })
  sqlite.pragma('busy_timeout = 5000')
  sqlite.exec('BEGIN')
  return {
    sqlite,
    close: () => {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
      sqlite.close()
    },
  }
}
