import { type CoordinateSystem, convert, type LngLat } from '../../../shared/coordinates'
import type { MapCrs } from '../../../shared/types'

// Web Mercator tile arithmetic (the XYZ / "slippy map" scheme: y grows southwards) and the
// WGS-84 ↔ GCJ-02 shift of a bounding box. Pure functions.

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number]

/** The tiles of one zoom level inside a box: columns xMin…xMax, rows yMin…yMax (inclusive). */
export interface TileRange {
  z: number
  xMin: number
  xMax: number
  yMin: number
  yMax: number
}

export const MAX_LAT = 85.0511287798

/** Deepest zoom a package may declare; beyond it tile numbers stop being exact integers in SQLite/JS. */
export const MAX_PACKAGE_ZOOM = 24

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/** Fractional tile column of a longitude at zoom z. */
export function lngToTileX(lng: number, z: number): number {
  return ((clamp(lng, -180, 180) + 180) / 360) * 2 ** z
}

/** Fractional tile row (XYZ, counted from the north) of a latitude at zoom z. */
export function latToTileY(lat: number, z: number): number {
  const rad = (clamp(lat, -MAX_LAT, MAX_LAT) * Math.PI) / 180
  return ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z
}

export function tileXToLng(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180
}

export function tileYToLat(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z
  return (180 / Math.PI) * Math.atan(Math.sinh(n))
}

/** True for a tile that exists in the Web Mercator pyramid. */
export function isTile(z: number, x: number, y: number): boolean {
  return (
    Number.isInteger(z) && Number.isInteger(x) && Number.isInteger(y) &&
    z >= 0 && z <= MAX_PACKAGE_ZOOM && x >= 0 && y >= 0 && x < 2 ** z && y < 2 ** z
  )
}

/** The XYZ row as MBTiles (TMS) stores it, and back: rows counted from the south. */
export function flipY(y: number, z: number): number {
  return 2 ** z - 1 - y
}

/** The tiles covering a box at one zoom; a box edge exactly on a tile edge does not pull in the next tile. */
export function tileRange([west, south, east, north]: BBox, z: number): TileRange {
  const last = 2 ** z - 1
  // Rounding slack: an edge computed as 0.9999999999 of a tile is the tile edge 1.
  const EPS = 1e-9
  const xMin = clamp(Math.floor(lngToTileX(west, z) + EPS), 0, last)
  const yMin = clamp(Math.floor(latToTileY(north, z) + EPS), 0, last)
  const xMax = clamp(Math.ceil(lngToTileX(east, z) - EPS) - 1, xMin, last)
  const yMax = clamp(Math.ceil(latToTileY(south, z) - EPS) - 1, yMin, last)
  return { z, xMin, xMax, yMin, yMax }
}

export function tileRanges(bbox: BBox, minZoom: number, maxZoom: number): TileRange[] {
  const ranges: TileRange[] = []
  for (let z = minZoom; z <= maxZoom; z++) ranges.push(tileRange(bbox, z))
  return ranges
}

export function rangeSize(r: TileRange): number {
  return (r.xMax - r.xMin + 1) * (r.yMax - r.yMin + 1)
}

export function countTiles(ranges: TileRange[]): number {
  return ranges.reduce((sum, r) => sum + rangeSize(r), 0)
}

/** Every tile of the ranges, zoom by zoom, row by row, without building a list. */
export function* tilesIn(ranges: TileRange[]): Generator<[z: number, x: number, y: number]> {
  for (const r of ranges) {
    for (let y = r.yMin; y <= r.yMax; y++) {
      for (let x = r.xMin; x <= r.xMax; x++) yield [r.z, x, y]
    }
  }
}

/** The box covered by a block of tiles at zoom z. */
export function boundsOfTiles(z: number, xMin: number, xMax: number, yMin: number, yMax: number): BBox {
  return [tileXToLng(xMin, z), tileYToLat(yMax + 1, z), tileXToLng(xMax + 1, z), tileYToLat(yMin, z)]
}

/** A WGS-84 box in the coordinates a basemap of `crs` is drawn in (the envelope of its shifted corners). */
export function wgs84ToNative(bbox: BBox, crs: MapCrs): BBox {
  return crs === 'wgs84' ? bbox : shiftBox(bbox, 'wgs84', crs)
}

/** A box in a basemap's own coordinates, back in WGS-84. */
export function nativeToWgs84(bbox: BBox, crs: MapCrs): BBox {
  return crs === 'wgs84' ? bbox : shiftBox(bbox, crs, 'wgs84')
}

function shiftBox([west, south, east, north]: BBox, from: CoordinateSystem, to: CoordinateSystem): BBox {
  const box: LngLat[] = [[west, south], [west, north], [east, south], [east, north]]
  const corners = box.map((p) => convert(p, from, to))
  const lngs = corners.map((c) => c[0])
  const lats = corners.map((c) => c[1])
  return [
    clamp(Math.min(...lngs), -180, 180),
    clamp(Math.min(...lats), -MAX_LAT, MAX_LAT),
    clamp(Math.max(...lngs), -180, 180),
    clamp(Math.max(...lats), -MAX_LAT, MAX_LAT),
  ]
}
