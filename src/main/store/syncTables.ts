import type BetterSqlite3 from 'better-sqlite3'
import type { LoggedTable } from './schema'

// What the merge engine must know of each logged table, read from the schema itself (PRAGMA) so a
// column added by a later migration is merged without touching this file: its columns as the
// change log names them (camelCase), which must have a value, which hold bytes, and which name a
// parent row (foreign keys), plus the fields kept outside the row's own columns.

/** Parents before children, so a row's parent is in place before the row is (check the FKs). */
export const SYNC_TABLE_ORDER: readonly LoggedTable[] = [
  'districts', 'clusters', 'buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'subParks', 'parkHosts',
  'photos', 'visits', 'savedSearches', 'targets', 'targetEntries',
]

/** Fields logged for a row but kept elsewhere (writer.ts logField callers). */
export const VIRTUAL_FIELDS: Readonly<Partial<Record<LoggedTable, readonly string[]>>> = {
  leases: ['spaceIds'],
  visits: ['sites'],
  // A merged space's marker for the trash (services/spaces/layout.ts); nothing to put in place.
  spaces: ['mergedInto'],
}

/** Bookkeeping columns no operation writes (deletedAt only through delete/restore). */
export const UNWRITTEN = new Set(['id', 'createdAt', 'updatedAt'])

export interface ColumnInfo {
  field: string
  column: string
  notNull: boolean
  hasDefault: boolean
  blob: boolean
}

export interface TableInfo {
  table: LoggedTable
  sqlName: string
  /** The key column as logged rows name it (a district's code, every other row's id). */
  key: 'id' | 'code'
  keyColumn: string
  columns: Map<string, ColumnInfo>
  /** Columns naming a row of another logged table. */
  parents: Array<{ field: string; table: LoggedTable }>
}

export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
export const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

const cache = new WeakMap<BetterSqlite3.Database, Map<LoggedTable, TableInfo>>()

export function tableInfos(sqlite: BetterSqlite3.Database): Map<LoggedTable, TableInfo> {
  const known = cache.get(sqlite)
  if (known) return known
  const logged = new Map(SYNC_TABLE_ORDER.map((t) => [snake(t), t]))
  const infos = new Map<LoggedTable, TableInfo>()
  for (const table of SYNC_TABLE_ORDER) {
    const sqlName = snake(table)
    const columns = new Map<string, ColumnInfo>()
    const cols = sqlite.prepare(`SELECT name, type, "notnull" AS required, dflt_value AS dflt FROM pragma_table_info(?)`).all(sqlName) as Array<{
      name: string
      type: string
      required: number
      dflt: unknown
    }>
    for (const c of cols) {
      columns.set(camel(c.name), { field: camel(c.name), column: c.name, notNull: c.required === 1, hasDefault: c.dflt !== null, blob: c.type.toUpperCase() === 'BLOB' })
    }
    const fks = sqlite.prepare(`SELECT "table" AS parent, "from" AS col FROM pragma_foreign_key_list(?)`).all(sqlName) as Array<{ parent: string; col: string }>
    const parents = fks.flatMap((fk) => {
      const parent = logged.get(fk.parent)
      return parent ? [{ field: camel(fk.col), table: parent }] : []
    })
    const key = table === 'districts' ? 'code' : 'id'
    infos.set(table, { table, sqlName, key, keyColumn: key, columns, parents })
  }
  cache.set(sqlite, infos)
  return infos
}

/** Whether `field` is one an operation may write on `table` (a column or a virtual field). */
export function writableField(info: TableInfo, field: string): boolean {
  if (VIRTUAL_FIELDS[info.table]?.includes(field)) return true
  return info.columns.has(field) && field !== info.key && !UNWRITTEN.has(field)
}
