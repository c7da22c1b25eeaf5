import Database from 'better-sqlite3'
import { DomainError } from '../../../shared/result'
import { isGzip, normaliseFormat, sniffImage, type TileFormat } from './format'
import { MAX_TILE_BYTES, tileWithinLimits } from './limits'
import { type TileLayout, tileLayout } from './mbtilesLayout'
import { type BBox, boundsOfTiles, flipY, MAX_LAT, MAX_PACKAGE_ZOOM } from './tileMath'

// Reading MBTiles packages (https://github.com/mapbox/mbtiles-spec): a SQLite file with a
// `metadata` (name, value) table and a `tiles` (zoom_level, tile_column, tile_row, tile_data)
// table, or the `map` + `images` tables behind a `tiles` view, whose rows count from the south
// (TMS). Always opened read-only, with the file's schema untrusted (mbtilesLayout.ts decides what
// is read); metadata is read within row and length limits, a tile's length before its bytes.

/** Metadata rows read, and a value's length (characters): real packages have a dozen short ones. */
const MAX_METADATA_ROWS = 1000
const MAX_METADATA_VALUE = 64 * 1024

/** What a package says about itself, checked; bounds in the package's own coordinates. */
export interface PackageInfo {
  format: TileFormat
  minZoom: number
  maxZoom: number
  bounds: BBox | null
  name: string | null
  attribution: string | null
}

/** A map package refused, saying why; the fault is the upload's, so the field is uploadId. */
export function refusePackage(message: string): DomainError {
  return new DomainError('invalid', `地图包：${message}`, 'uploadId')
}

export const VECTOR_REFUSAL = '这是矢量瓦片包（pbf），目前只支持栅格瓦片（png/jpg/webp）'

/** An open package and the layout its tiles are read through. */
export interface OpenMbtiles {
  db: Database.Database
  layout: TileLayout
}

export function openMbtiles(file: string): OpenMbtiles {
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw refusePackage(`无法打开 MBTiles 文件（${(error as Error).message}）`)
  }
  try {
    // Functions the file's schema names run only if they are harmless; no memory-mapped reads of a hostile file.
    db.pragma('trusted_schema = OFF')
    db.pragma('mmap_size = 0')
    return { db, layout: tileLayout(db) }
  } catch (error) {
    db.close()
    if (error instanceof DomainError) throw error
    throw refusePackage(`不是有效的 MBTiles 文件（${(error as Error).message}）`)
  }
}

/** Reads and checks a package's metadata, filling what is missing from the tiles themselves. */
export function inspectMbtiles(file: string): PackageInfo {
  const { db, layout } = openMbtiles(file)
  try {
    return inspectOpen(db, layout)
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw refusePackage(`读取 MBTiles 文件失败（${(error as Error).message}）`)
  } finally {
    db.close()
  }
}

function inspectOpen(db: Database.Database, layout: TileLayout): PackageInfo {
  const meta = new Map(
    (db
      .prepare(`SELECT name, CASE WHEN length(value) <= ${MAX_METADATA_VALUE} THEN value END AS value FROM metadata
        WHERE length(name) <= 100 LIMIT ${MAX_METADATA_ROWS}`)
      .all() as Array<{ name: unknown; value: unknown }>)
      .filter((r) => typeof r.name === 'string' && r.value !== null && r.value !== undefined)
      .map((r) => [String(r.name).toLowerCase(), String(r.value)]),
  )

  const grid = layout.gridTable
  const extent = db.prepare(`SELECT MIN(zoom_level) AS minZoom, MAX(zoom_level) AS maxZoom FROM ${grid}`).get() as {
    minZoom: number | null
    maxZoom: number | null
  }
  if (extent.minZoom === null || extent.maxZoom === null) throw refusePackage('包里没有任何瓦片')

  const format = packageFormat(db, layout, extent.minZoom, meta.get('format'))

  const minZoom = zoomOf(meta.get('minzoom')) ?? extent.minZoom
  const maxZoom = zoomOf(meta.get('maxzoom')) ?? extent.maxZoom
  if (!Number.isInteger(minZoom) || !Number.isInteger(maxZoom) || minZoom < 0 || maxZoom > MAX_PACKAGE_ZOOM || minZoom > maxZoom) {
    throw refusePackage(`级别范围无效（${minZoom}–${maxZoom}），应在 0–${MAX_PACKAGE_ZOOM} 之间且最小级别不大于最大级别`)
  }

  const declared = meta.get('bounds')
  const bounds = declared !== undefined && declared.trim() !== '' ? parseBounds(declared) : boundsFromTiles(db, grid, extent.maxZoom)

  return {
    format,
    minZoom,
    maxZoom,
    bounds,
    name: meta.get('name')?.trim() || null,
    attribution: meta.get('attribution')?.trim() || null,
  }
}

function packageFormat(db: Database.Database, layout: TileLayout, minZoom: number, declared: string | undefined): TileFormat {
  if (declared !== undefined && declared.trim() !== '') {
    const format = normaliseFormat(declared)
    if (format === 'vector') throw refusePackage(VECTOR_REFUSAL)
    if (format === null) throw refusePackage(`不支持的瓦片格式（${declared}），目前只支持栅格瓦片（png/jpg/webp）`)
    return format
  }
  // No declared format: look at a tile of the first zoom.
  const first = db.prepare(`SELECT zoom_level AS z, tile_column AS x, tile_row AS y FROM ${layout.gridTable} WHERE zoom_level = ? LIMIT 1`).get(minZoom) as
    | { z: number; x: number; y: number }
    | undefined
  const row = first ? (db.prepare(layout.tileSql).get(MAX_TILE_BYTES, first.z, first.x, first.y) as StoredTile | undefined) : undefined
  const bytes = row?.data instanceof Uint8Array ? row.data : new Uint8Array()
  if (isGzip(bytes)) throw refusePackage(VECTOR_REFUSAL)
  const sniffed = sniffImage(bytes)
  if (sniffed === null || sniffed === 'gif') throw refusePackage('无法识别瓦片格式，目前只支持栅格瓦片（png/jpg/webp）')
  return sniffed
}

function zoomOf(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return null
  return Number(value)
}

/** "west,south,east,north" → a checked box (latitudes clamped to Web Mercator's extent). */
export function parseBounds(value: string): BBox {
  const parts = value.split(',').map((p) => Number(p.trim()))
  const bad = () => refusePackage(`范围（bounds）无效：“${value.slice(0, 80)}”，应为“西,南,东,北”的经纬度`)
  if (parts.length !== 4 || !parts.every(Number.isFinite)) throw bad()
  const [west, south, east, north] = parts as BBox
  if (west < -180 || east > 180 || south < -90 || north > 90 || west >= east || south >= north) throw bad()
  return [west, Math.max(south, -MAX_LAT), east, Math.min(north, MAX_LAT)]
}

function boundsFromTiles(db: Database.Database, grid: TileLayout['gridTable'], z: number): BBox {
  const r = db
    .prepare(
      `SELECT MIN(tile_column) AS xMin, MAX(tile_column) AS xMax, MIN(tile_row) AS rowMin, MAX(tile_row) AS rowMax
       FROM ${grid} WHERE zoom_level = ?`,
    )
    .get(z) as { xMin: number; xMax: number; rowMin: number; rowMax: number }
  // Rows are TMS: the highest row is the northernmost.
  return boundsOfTiles(z, r.xMin, r.xMax, flipY(r.rowMax, z), flipY(r.rowMin, z))
}

/** A tile's stored length, and its bytes when within MAX_TILE_BYTES. */
interface StoredTile {
  n: number | null
  data: Uint8Array | null
}

/** Serves tiles of one package; the statement is prepared once. */
export class MbtilesReader {
  private readonly db: Database.Database
  private readonly select: Database.Statement<[number, number, number, number], StoredTile>

  constructor(file: string) {
    const { db, layout } = openMbtiles(file)
    this.db = db
    this.select = db.prepare(layout.tileSql)
  }

  /** The tile at XYZ z/x/y, or null when the package has none there or it breaks the per-tile limits. */
  read(z: number, x: number, y: number): Uint8Array | null {
    let data: Uint8Array | null | undefined
    try {
      data = this.select.get(MAX_TILE_BYTES, z, x, flipY(y, z))?.data
    } catch {
      return null // a damaged page of the package: that tile is not shown, the others still are
    }
    if (!(data instanceof Uint8Array) || data.length === 0 || !tileWithinLimits(data)) return null
    // A plain view of better-sqlite3's Buffer, no copy.
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  }

  close(): void {
    this.db.close()
  }
}
