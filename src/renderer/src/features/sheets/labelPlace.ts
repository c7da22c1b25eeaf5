// Where to print a district's name on a small map: the centre of the part of the district that is
// in view (its outer rings clipped to the view rectangle), so a district whose own centre lies off
// the map is still named. Plain planar geometry in map coordinates: fine at the scale of one view.

export type XY = [number, number]
export interface Rect {
  west: number
  south: number
  east: number
  north: number
}

/** Sutherland–Hodgman: a ring clipped to the rectangle (possibly empty). */
export function clipRing(ring: readonly XY[], r: Rect): XY[] {
  const edges: Array<[(p: XY) => boolean, (a: XY, b: XY) => XY]> = [
    [(p) => p[0] >= r.west, (a, b) => atX(a, b, r.west)],
    [(p) => p[0] <= r.east, (a, b) => atX(a, b, r.east)],
    [(p) => p[1] >= r.south, (a, b) => atY(a, b, r.south)],
    [(p) => p[1] <= r.north, (a, b) => atY(a, b, r.north)],
  ]
  let out: XY[] = [...ring]
  for (const [inside, cross] of edges) {
    const input = out
    out = []
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!
      const previous = input[(i + input.length - 1) % input.length]!
      if (inside(current)) {
        if (!inside(previous)) out.push(cross(previous, current))
        out.push(current)
      } else if (inside(previous)) out.push(cross(previous, current))
    }
    if (out.length === 0) break
  }
  return out
}

const atX = (a: XY, b: XY, x: number): XY => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])]
const atY = (a: XY, b: XY, y: number): XY => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y]

/** Signed area and centroid of a ring (shoelace). */
export function ringCentroid(ring: readonly XY[]): { area: number; at: XY } | null {
  let a = 0
  let cx = 0
  let cy = 0
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!
    const [x1, y1] = ring[(i + 1) % ring.length]!
    const cross = x0 * y1 - x1 * y0
    a += cross
    cx += (x0 + x1) * cross
    cy += (y0 + y1) * cross
  }
  if (Math.abs(a) < 1e-12) return null
  return { area: Math.abs(a / 2), at: [cx / (3 * a), cy / (3 * a)] }
}

/** Point-in-ring (even–odd). */
export function inRing(p: XY, ring: readonly XY[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/**
 * The label point of a district's outer rings within the view: the centroid of its largest
 * visible piece, when that piece covers at least `minShare` of the view and the centroid falls
 * inside it; else null (too little of the district shows to name it).
 */
export function labelPoint(outerRings: ReadonlyArray<readonly XY[]>, view: Rect, minShare = 0.04): XY | null {
  const viewArea = (view.east - view.west) * (view.north - view.south)
  let best: { area: number; at: XY; ring: XY[] } | null = null
  for (const ring of outerRings) {
    const clipped = clipRing(ring, view)
    if (clipped.length < 3) continue
    const c = ringCentroid(clipped)
    if (c && (!best || c.area > best.area)) best = { ...c, ring: clipped }
  }
  if (!best || best.area < viewArea * minShare) return null
  return inRing(best.at, best.ring) ? best.at : null
}
