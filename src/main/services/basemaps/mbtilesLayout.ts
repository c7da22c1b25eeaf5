import type Database from 'better-sqlite3'
import { DomainError } from '../../../shared/result'
import { MAX_TILE_BYTES } from './limits'

// Which tables of an MBTiles file we read, decided from its schema before any query touches them.
// A package is a file someone hands us: its `tiles` could be a view (an endless recursive one
// freezes every read), a table without an index (every tile a full scan), a virtual table, or
// have generated columns computed on read. So we never query a view or a virtual table the file
// defines: `tiles` must be a real table searched by an index on zoom/column/row, or the standard
// deduplicated layout — `map` (zoom_level, tile_column, tile_row, tile_id) and `images`
// (tile_id, tile_data) tables — read by our own join (its `tiles` view is ignored). Whether an
// index is usable is asked of SQLite itself: the lookup's query plan must SEARCH, never SCAN.

/** The statement reading one tile: (max bytes, z, x, tms row) → { n: stored length, data: the bytes when within the cap }. */
export interface TileLayout {
  kind: 'tiles' | 'map+images'
  /** Reads one tile's length, and its bytes only when within the cap (length() does not load a blob). */
  tileSql: string
  /** The table holding zoom_level, tile_column and tile_row. */
  gridTable: 'tiles' | 'map'
}

const refuse = (message: string) => new DomainError('invalid', `地图包：${message}`, 'uploadId')

interface SchemaRow {
  type: string
  name: string
  sql: string | null
}

export function tileLayout(db: Database.Database): TileLayout {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('table', 'view')").all() as SchemaRow[]
  const entry = (name: string) => rows.find((r) => r.name.toLowerCase() === name)
  const isTable = (name: string) => {
    const r = entry(name)
    return r !== undefined && r.type === 'table' && !/^\s*CREATE\s+VIRTUAL\b/i.test(r.sql ?? '')
  }
  if (!entry('metadata') || (!entry('tiles') && !(entry('map') && entry('images')))) throw refuse('不是 MBTiles 文件（缺少 metadata 或 tiles 表）')
  if (!isTable('metadata')) throw refuse('metadata 不是普通数据表（是视图或虚拟表），出于安全考虑拒绝读取')

  if (isTable('tiles')) {
    requireColumns(db, 'tiles', ['zoom_level', 'tile_column', 'tile_row', 'tile_data'])
    const tileSql = `SELECT length(tile_data) AS n, CASE WHEN length(tile_data) <= ? THEN tile_data END AS data
      FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?`
    requireSearch(db, tileSql, 'tiles 表没有按级别、列、行的索引，读取每个瓦片都要扫描全表')
    return { kind: 'tiles', tileSql, gridTable: 'tiles' }
  }
  if (isTable('map') && isTable('images')) {
    requireColumns(db, 'map', ['zoom_level', 'tile_column', 'tile_row', 'tile_id'])
    requireColumns(db, 'images', ['tile_id', 'tile_data'])
    const tileSql = `SELECT length(images.tile_data) AS n, CASE WHEN length(images.tile_data) <= ? THEN images.tile_data END AS data
      FROM map JOIN images ON images.tile_id = map.tile_id
      WHERE map.zoom_level = ? AND map.tile_column = ? AND map.tile_row = ? LIMIT 1`
    requireSearch(db, tileSql, 'map/images 表没有按级别、列、行及 tile_id 的索引，读取每个瓦片都要扫描全表')
    return { kind: 'map+images', tileSql, gridTable: 'map' }
  }
  throw refuse('tiles 不是普通数据表（是视图或虚拟表），也没有标准的 map/images 表，出于安全考虑拒绝读取')
}

/** The columns must exist as stored columns: a generated column is computed (by the file's expression) on every read. */
function requireColumns(db: Database.Database, table: string, names: string[]): void {
  const columns = db.prepare(`SELECT name, hidden FROM pragma_table_xinfo(?)`).all(table) as Array<{ name: string; hidden: number }>
  for (const name of names) {
    const column = columns.find((c) => c.name.toLowerCase() === name)
    if (!column) throw refuse(`${table} 表缺少 ${name} 列`)
    if (column.hidden !== 0) throw refuse(`${table} 表的 ${name} 列是计算列，出于安全考虑拒绝读取`)
  }
}

/** Every step of the statement's plan must search an index the file has (SEARCH …): none scan a table or build an automatic index. */
function requireSearch(db: Database.Database, sql: string, reason: string): void {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(MAX_TILE_BYTES, 0, 0, 0) as Array<{ detail: string }>
  if (plan.length === 0 || plan.some((step) => !/^SEARCH\b/.test(step.detail) || /\bAUTOMATIC\b/.test(step.detail))) throw refuse(reason)
}
