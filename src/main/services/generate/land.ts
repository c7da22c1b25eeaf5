import turfArea from '@turf/area'
import type { Boundary } from '../../../shared/schemas/parcels'
import { round } from '../demo/random'
import { degreesPerMetre } from './positions'
import type { GenRandom } from './random'

// The geometry of generated parcels: a 50 m grid over the city on which every parcel takes a block
// of free cells (so no two parcels overlap, and they line up like blocks between roads), and the
// irregular polygon drawn inside a block, sized to an exact area as @turf/area measures it.

/** Shenyang's rough extent (WGS-84), which the grid covers: no parcel lies outside it. */
export const CITY_BOX = { west: 122.4, east: 124.0, south: 41.1, north: 42.2 }

/** Side of a grid cell, metres. */
export const CELL = 50

export interface Block {
  column: number
  row: number
}

/** A 50 m grid over the city box; a cell is taken once a parcel's block covers it. */
export class LandGrid {
  readonly cellLng: number
  readonly cellLat: number
  readonly columns: number
  readonly rows: number
  private readonly taken: Uint8Array

  constructor() {
    const perMetre = degreesPerMetre((CITY_BOX.south + CITY_BOX.north) / 2)
    this.cellLng = CELL * perMetre.lng
    this.cellLat = CELL * perMetre.lat
    this.columns = Math.floor((CITY_BOX.east - CITY_BOX.west) / this.cellLng)
    this.rows = Math.floor((CITY_BOX.north - CITY_BOX.south) / this.cellLat)
    this.taken = new Uint8Array(this.columns * this.rows)
  }

  /**
   * Takes a free block of `width` × `height` cells centred near a point drawn around `at` with
   * `spread` metres of standard deviation (widening as draws fail), or returns null.
   */
  takeNear(random: GenRandom, at: readonly [number, number], spread: number, width: number, height: number, tries = 40): Block | null {
    const perMetre = degreesPerMetre(at[1])
    for (let t = 0; t < tries; t++) {
      const sigma = spread * (1 + t / 10)
      const lng = at[0] + random.gaussian() * sigma * perMetre.lng
      const lat = at[1] + random.gaussian() * sigma * perMetre.lat
      const column = Math.floor((lng - CITY_BOX.west) / this.cellLng - width / 2)
      const row = Math.floor((lat - CITY_BOX.south) / this.cellLat - height / 2)
      if (column < 0 || row < 0 || column + width > this.columns || row + height > this.rows) continue
      if (this.free(column, row, width, height)) return this.mark(column, row, width, height)
    }
    return null
  }

  /** The first free block in a square of `radius` metres around `at`, row by row from a random row: for a crowded area. */
  scanNear(random: GenRandom, at: readonly [number, number], radius: number, width: number, height: number): Block | null {
    const perMetre = degreesPerMetre(at[1])
    const c0 = Math.max(0, Math.floor((at[0] - radius * perMetre.lng - CITY_BOX.west) / this.cellLng))
    const c1 = Math.min(this.columns, Math.floor((at[0] + radius * perMetre.lng - CITY_BOX.west) / this.cellLng)) - width
    const r0 = Math.max(0, Math.floor((at[1] - radius * perMetre.lat - CITY_BOX.south) / this.cellLat))
    const r1 = Math.min(this.rows, Math.floor((at[1] + radius * perMetre.lat - CITY_BOX.south) / this.cellLat)) - height
    if (c1 < c0 || r1 < r0) return null
    const start = random.int(r0, r1)
    for (let k = 0; k <= r1 - r0; k++) {
      const row = r0 + ((start - r0 + k) % (r1 - r0 + 1))
      for (let column = c0; column <= c1; column++) {
        if (this.free(column, row, width, height)) return this.mark(column, row, width, height)
      }
    }
    return null
  }

  private mark(column: number, row: number, width: number, height: number): Block {
    for (let r = row; r < row + height; r++) this.taken.fill(1, r * this.columns + column, r * this.columns + column + width)
    return { column, row }
  }

  private free(column: number, row: number, width: number, height: number): boolean {
    for (let r = row; r < row + height; r++) {
      const start = r * this.columns + column
      for (let i = start; i < start + width; i++) if (this.taken[i]) return false
    }
    return true
  }
}

/**
 * An irregular polygon of 4–8 vertices inside a `width` × `height` m rectangle centred on the
 * origin, as [east, north] metre offsets, counter-clockwise. The vertices go round the centre in
 * strictly increasing angle (one near each corner, extra ones bending an edge), so the ring is
 * star-shaped around the centre and can never cross itself.
 */
export function parcelShape(random: GenRandom, width: number, height: number): Array<[number, number]> {
  const hw = width / 2
  const hh = height / 2
  const toEdge = (angle: number) => Math.min(hw / Math.abs(Math.cos(angle)), hh / Math.abs(Math.sin(angle)))
  const corner = Math.atan2(hh, hw)
  const corners = [corner, Math.PI - corner, Math.PI + corner, 2 * Math.PI - corner]
  const sides = random.weighted([[4, 55], [5, 25], [6, 12], [7, 5], [8, 3]] as const)
  const bent = new Set(random.shuffle([0, 1, 2, 3]).slice(0, sides - 4))
  const vertices: Array<[number, number]> = []
  const at = (angle: number, factor: number) => {
    const r = toEdge(angle) * factor
    vertices.push([r * Math.cos(angle), r * Math.sin(angle)])
  }
  const jitter = (5 * Math.PI) / 180
  corners.forEach((angle, i) => {
    at(angle + random.float(-jitter, jitter, 6), random.float(0.86, 1, 4))
    if (bent.has(i)) {
      const next = i === 3 ? corners[0]! + 2 * Math.PI : corners[i + 1]!
      at(angle + (next - angle) * random.float(0.3, 0.7, 4), random.float(0.9, 1, 4))
    }
  })
  return vertices
}

function planarArea(points: ReadonlyArray<[number, number]>): number {
  let twice = 0
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i]!
    const [x2, y2] = points[(i + 1) % points.length]!
    twice += x1 * y2 - x2 * y1
  }
  return Math.abs(twice) / 2
}

/**
 * The ring around (lng, lat) with close to `target` m² as @turf/area measures it. Turf's spherical
 * formula is linear in longitude differences, so scaling the east–west offsets by target/measured
 * lands on the target; the 7-decimal rounding (≈1 cm) then moves it by far less than 0.1 %.
 */
export function ringAround(shape: ReadonlyArray<[number, number]>, lng: number, lat: number, target: number): Boundary {
  const perMetre = degreesPerMetre(lat)
  const shrink = Math.sqrt(target / planarArea(shape))
  const offsets = shape.map(([x, y]) => [x * shrink * perMetre.lng, y * shrink * perMetre.lat] as const)
  const ring = (scale: number) => {
    const corners = offsets.map(([x, y]) => [round(lng + x * scale, 7), round(lat + y, 7)] as [number, number])
    return [...corners, corners[0]!]
  }
  const measured = turfArea({ type: 'Polygon', coordinates: [ring(1)] })
  return { type: 'Polygon', coordinates: [ring(target / measured)] }
}

