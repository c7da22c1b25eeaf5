import type { SiteRef } from '../../../shared/mapSites'
import { squareMetresToMu } from '../../../shared/domain'
import {
  buildingRefs, countExportRows, exportRows, type ExportReader, leaseTenantBuildings, parkHostBuildings, siteDistricts,
} from '../../store/exportRows'
import type { WorkbookTable } from '../workbook/columns'
import { type CellValue, cellConverter } from './cells'

// The rows of the workbook's tables as the spec's cells, for the whole inventory or for a scope.
// A scope's workbook holds its buildings (and the buildings its parks sit in, so a park's hosts
// refer to rows of the same file) with their spaces, leases and the companies of those leases; its
// parcels; its parks with their sub-parks and hosts; and the districts and clusters all of these
// refer to. Rows are filtered as they stream by, so a scope costs one pass over each table.

/** Ids a scoped export keeps, per table; null keeps everything. */
export interface ScopeSets {
  buildings: Set<string>
  parcels: Set<string>
  parks: Set<string>
  tenants: Set<string>
  clusters: Set<string>
  districts: Set<string>
}

export function scopeSets(reader: ExportReader, sites: SiteRef[]): ScopeSets {
  const ids = (kind: SiteRef['kind']) => new Set(sites.filter((s) => s.kind === kind).map((s) => s.id))
  const buildings = ids('building')
  const parcels = ids('parcel')
  const parks = ids('park')
  for (const host of parkHostBuildings(reader.sqlite)) if (parks.has(host.parkId)) buildings.add(host.buildingId)
  const tenants = new Set<string>()
  for (const lease of leaseTenantBuildings(reader.sqlite)) if (buildings.has(lease.buildingId)) tenants.add(lease.tenantId)
  const clusters = new Set<string>()
  const districts = new Set<string>()
  for (const b of buildingRefs(reader.sqlite)) {
    if (!buildings.has(b.id)) continue
    districts.add(b.districtCode)
    if (b.clusterId) clusters.add(b.clusterId)
  }
  for (const p of siteDistricts(reader.sqlite, 'parcels')) if (parcels.has(p.id)) districts.add(p.districtCode)
  for (const p of siteDistricts(reader.sqlite, 'parks')) if (parks.has(p.id)) districts.add(p.districtCode)
  for (const c of siteDistricts(reader.sqlite, 'clusters')) if (clusters.has(c.id)) districts.add(c.districtCode)
  return { buildings, parcels, parks, tenants, clusters, districts }
}

/** Which column of a table's rows decides whether a scope keeps it, and against which set. */
const SCOPE_KEY: Record<WorkbookTable['table'], [string, keyof ScopeSets]> = {
  districts: ['code', 'districts'],
  clusters: ['id', 'clusters'],
  buildings: ['id', 'buildings'],
  spaces: ['buildingId', 'buildings'],
  tenants: ['id', 'tenants'],
  leases: ['buildingId', 'buildings'],
  parcels: ['id', 'parcels'],
  parks: ['id', 'parks'],
  subParks: ['parkId', 'parks'],
  parkHosts: ['parkId', 'parks'],
}

/** Values the store does not give, computed here from the row (the domain's own conversions). */
const DERIVED: Record<string, (get: (key: string) => unknown) => unknown> = {
  areaMu: (get) => {
    const area = get('area')
    return typeof area === 'number' ? squareMetresToMu(area) : null
  },
}

/** How many rows a table's pass reads (the progress total counts rows read, kept or not). */
export const tableRowCount = (reader: ExportReader, spec: WorkbookTable): number => countExportRows(reader.sqlite, spec.table)

/**
 * The table's rows as the spec's cells, one array per row in the spec's column order. `onRead`
 * is called for every row read (kept or not), for progress and cancelling.
 */
export function* tableCells(reader: ExportReader, spec: WorkbookTable, scope: ScopeSets | null, onRead: () => void): Generator<CellValue[]> {
  const source = exportRows(reader.sqlite, spec.table)
  const index = new Map(source.columns.map((name, i) => [name, i]))
  const [scopeKey, setName] = SCOPE_KEY[spec.table]
  const keep = scope ? scope[setName] : null
  const scopeIndex = index.get(scopeKey)!
  const readers = spec.columns.map((column) => {
    const convert = cellConverter(column)
    const at = index.get(column.key)
    if (at !== undefined) return (row: unknown[]) => convert(row[at])
    const derive = DERIVED[column.key]
    if (!derive) throw new Error(`export: no value for column ${spec.table}.${column.key}`)
    return (row: unknown[]) => convert(derive((key) => row[index.get(key)!]))
  })
  const width = readers.length
  for (const row of source.rows) {
    onRead()
    if (keep && !keep.has(row[scopeIndex] as string)) continue
    const cells = new Array<CellValue>(width)
    for (let i = 0; i < width; i++) cells[i] = readers[i]!(row)
    yield cells
  }
}
