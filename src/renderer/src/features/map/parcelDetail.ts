import type { Boundary } from '../../../../shared/schemas/parcels'

// A parcel boundary at the detail a zoom level can show: vertices closer than a screen pixel to
// the line through their neighbours are dropped (Douglas–Peucker). Surveyed boundaries carry
// hundreds of vertices; at the city's zoom a parcel is a few pixels wide, and projecting and
// drawing every vertex of thousands of them on each move is what makes the map stutter.

type Position = [number, number]
type Ring = Position[]

/** At this zoom and above a boundary is drawn as stored. */
export const FULL_DETAIL_ZOOM = 17

/** Degrees of longitude one screen pixel spans at a zoom level (Web Mercator, 256 px tiles). */
export const pixelDegrees = (zoom: number): number => 360 / (256 * 2 ** zoom)

/** The simplification tolerance for a zoom, in degrees of longitude: a pixel; none from FULL_DETAIL_ZOOM. */
export function toleranceForZoom(zoom: number): number {
  const z = Math.round(zoom)
  return z >= FULL_DETAIL_ZOOM ? 0 : pixelDegrees(z)
}

/** Squared distance from p to the segment a–b, in the plane given. */
function segmentDistance2(p: number[], a: number[], b: number[]): number {
  let [x, y] = a as [number, number]
  let dx = b[0]! - x
  let dy = b[1]! - y
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0]! - x) * dx + (p[1]! - y) * dy) / (dx * dx + dy * dy)
    if (t > 1) {
      x = b[0]!
      y = b[1]!
    } else if (t > 0) {
      x += dx * t
      y += dy * t
    }
  }
  dx = p[0]! - x
  dy = p[1]! - y
  return dx * dx + dy * dy
}

/** Douglas–Peucker over points[first..last], marking the kept ones. */
function douglasPeucker(points: number[][], first: number, last: number, tolerance2: number, keep: boolean[]): void {
  let worst = 0
  let index = -1
  for (let i = first + 1; i < last; i++) {
    const d = segmentDistance2(points[i]!, points[first]!, points[last]!)
    if (d > worst) {
      worst = d
      index = i
    }
  }
  if (index >= 0 && worst > tolerance2) {
    keep[index] = true
    douglasPeucker(points, first, index, tolerance2, keep)
    douglasPeucker(points, index, last, tolerance2, keep)
  }
}

/**
 * A closed ring with the vertices a tolerance (degrees of longitude) cannot show removed, or null
 * when what is left is no longer an area (fewer than three distinct corners). Latitudes are
 * stretched by 1/cos(latitude) first, as Web Mercator does, so the tolerance is the same on
 * screen in both directions. The first and last positions stay the same point.
 */
export function simplifyRing(ring: readonly Position[], tolerance: number): Ring | null {
  if (ring.length < 4) return null
  if (tolerance <= 0) return [...ring]
  const stretch = 1 / Math.cos((ring[0]![1] * Math.PI) / 180)
  const points = ring.map((p) => [p[0], p[1] * stretch])
  // The ring is split at its first vertex and the vertex farthest from it, so that the two
  // halves are open lines Douglas–Peucker can work on.
  const last = points.length - 1
  let far = 1
  let farthest = -1
  for (let i = 1; i < last; i++) {
    const d = segmentDistance2(points[i]!, points[0]!, points[0]!)
    if (d > farthest) {
      farthest = d
      far = i
    }
  }
  const keep = points.map(() => false)
  keep[0] = keep[far] = keep[last] = true
  const tolerance2 = tolerance * tolerance
  douglasPeucker(points, 0, far, tolerance2, keep)
  douglasPeucker(points, far, last, tolerance2, keep)
  const kept = ring.filter((_, i) => keep[i])
  return kept.length >= 4 ? kept : null
}

/**
 * The boundary at a zoom's detail. An outer ring that would collapse is kept as stored (a parcel
 * smaller than a pixel still shows as a dot); a hole that would collapse is left out.
 */
export function boundaryAtZoom(boundary: Boundary, zoom: number): Boundary {
  const tolerance = toleranceForZoom(zoom)
  if (tolerance === 0) return boundary
  const polygon = (rings: Ring[]): Ring[] => {
    const [outer, ...holes] = rings
    const simplified: Ring[] = [simplifyRing(outer!, tolerance) ?? outer!]
    for (const hole of holes) {
      const kept = simplifyRing(hole, tolerance)
      if (kept) simplified.push(kept)
    }
    return simplified
  }
  return boundary.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygon(boundary.coordinates) }
    : { type: 'MultiPolygon', coordinates: boundary.coordinates.map(polygon) }
}

/** The boundary's box [west, south, east, north]. */
export function boundaryBox(boundary: Boundary): [number, number, number, number] {
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  const rings = boundary.type === 'Polygon' ? boundary.coordinates : boundary.coordinates.flat()
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < w) w = x
      if (x > e) e = x
      if (y < s) s = y
      if (y > n) n = y
    }
  }
  return [w, s, e, n]
}

/** How many positions a boundary has, to tell whether a zoom's detail changed its shape. */
export const vertexCount = (boundary: Boundary): number =>
  (boundary.type === 'Polygon' ? boundary.coordinates : boundary.coordinates.flat()).reduce((sum, ring) => sum + ring.length, 0)
