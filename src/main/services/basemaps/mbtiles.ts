import Database from 'better-sqlite3'
import { DomainError } from '../../../shared/result'
import { isGzip, normaliseFormat, sniffImage, type TileFormat } from './format'
import { type BBox, boundsOfTiles, flipY, MAX_LAT, MAX_PACKAGE_ZOOM } from './tileMath'

// Reading MBTiles packages (https://github.com/mapbox/mbtiles-spec): a SQLite file with a
// `metadata` (name, value) table and a `tiles` (zoom_level, tile_column, tile_row, tile_data)
// table or view whose rows count from the south (TMS). Always opened read-only.

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

export function openMbtiles(file: string): Database.Database {
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw refusePackage(`无法打开 MBTiles 文件（${(error as Error).message}）`)
  }
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name IN ('metadata', 'tiles')")
      .all() as Array<{ name: string }>
    if (names.length < 2) throw refusePackage('不是 MBTiles 文件（缺少 metadata 或 tiles 表）')
  } catch (error) {
    db.close()
    if (error instanceof DomainError) throw error
    throw refusePackage(`不是有效的 MBTiles 文件（${(error as Error).message}）`)
  }
  return db
}

/** Reads and checks a package's metadata, filling what is missing from the tiles themselves. */
export function inspectMbtiles(file: string): PackageInfo {
  const db = openMbtiles(file)
  try {
    return inspectOpen(db)
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw refusePackage(`读取 MBTiles 文件失败（${(error as Error).message}）`)
  } finally {
    db.close()
  }
}

function inspectOpen(db: Database.Database): PackageInfo {
  const meta = new Map(
    (db.prepare('SELECT name, value FROM metadata').all() as Array<{ name: unknown; value: unknown }>)
      .filter((r) => typeof r.name === 'string' && r.value !== null && r.value !== undefined)
      .map((r) => [String(r.name).toLowerCase(), String(r.value)]),
  )

  const extent = db.prepare('SELECT MIN(zoom_level) AS minZoom, MAX(zoom_level) AS maxZoom FROM tiles').get() as {
    minZoom: number | null
    maxZoom: number | null
  }
  if (extent.minZoom === null || extent.maxZoom === null) throw refusePackage('包里没有任何瓦片')

  const format = packageFormat(db, meta.get('format'))

  const minZoom = zoomOf(meta.get('minzoom')) ?? extent.minZoom
  const maxZoom = zoomOf(meta.get('maxzoom')) ?? extent.maxZoom
  if (!Number.isInteger(minZoom) || !Number.isInteger(maxZoom) || minZoom < 0 || maxZoom > MAX_PACKAGE_ZOOM || minZoom > maxZoom) {
    throw refusePackage(`级别范围无效（${minZoom}–${maxZoom}），应在 0–${MAX_PACKAGE_ZOOM} 之间且最小级别不大于最大级别`)
  }

  const declared = meta.get('bounds')
  const bounds = declared !== undefined && declared.trim() !== '' ? parseBounds(declared) : boundsFromTiles(db, extent.maxZoom)

  return {
    format,
    minZoom,
    maxZoom,
    bounds,
    name: meta.get('name')?.trim() || null,
    attribution: meta.get('attribution')?.trim() || null,
  }
}

function packageFormat(db: Database.Database, declared: string | undefined): TileFormat {
  if (declared !== undefined && declared.trim() !== '') {
    const format = normaliseFormat(declared)
    if (format === 'vector') throw refusePackage(VECTOR_REFUSAL)
    if (format === null) throw refusePackage(`不支持的瓦片格式（${declared}），目前只支持栅格瓦片（png/jpg/webp）`)
    return format
  }
  // No declared format: look at a tile.
  const row = db.prepare('SELECT tile_data AS data FROM tiles LIMIT 1').get() as { data: Uint8Array | null } | undefined
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

function boundsFromTiles(db: Database.Database, z: number): BBox {
  const r = db
    .prepare(
      `SELECT MIN(tile_column) AS xMin, MAX(tile_column) AS xMax, MIN(tile_row) AS rowMin, MAX(tile_row) AS rowMax
       FROM tiles WHERE zoom_level = ?`,
    )
    .get(z) as { xMin: number; xMax: number; rowMin: number; rowMax: number }
  // Rows are TMS: the highest row is the northernmost.
  return boundsOfTiles(z, r.xMin, r.xMax, flipY(r.rowMax, z), flipY(r.rowMin, z))
}

/** Serves tiles of one package; the statement is prepared once. */
export class MbtilesReader {
  private readonly db: Database.Database
  private readonly select: Database.Statement<[number, number, number], { data: Uint8Array | null }>

  constructor(file: string) {
    this.db = openMbtiles(file)
    this.select = this.db.prepare('SELECT tile_data AS data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?')
  }

  /** The tile at XYZ z/x/y, or null when the package has none there. */
  read(z: number, x: number, y: number): Uint8Array | null {
    const data = this.select.get(z, x, flipY(y, z))?.data
    // A plain view of better-sqlite3's Buffer, no copy.
    return data instanceof Uint8Array && data.length > 0 ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null
  }

  close(): void {
    this.db.close()
  }
}
