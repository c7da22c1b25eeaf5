import turfArea from '@turf/area'
import type { Boundary } from '../../../shared/schemas/parcels'
import type { Random } from './random'

// Parcel outlines: a rectangle, sometimes skewed or tapered, around a centre, with exactly the
// requested area as @turf/area measures it. Turf's spherical formula is linear in longitude
// differences, so scaling the east–west offsets by target / measured hits the target exactly.

const EARTH_RADIUS = 6_378_137
const DEG = 180 / Math.PI
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

export interface Outline {
  boundary: Boundary
  /** Mean of the vertices, the point the parcels service would derive. */
  lng: number
  lat: number
}

export function quadOutline(random: Random, centre: [number, number], areaM2: number): Outline {
  const [lng0, lat0] = centre
  const aspect = random.float(0.6, 1.7, 3) // east–west over north–south
  const northSouth = Math.sqrt(areaM2 / aspect)
  const dLat = (northSouth / EARTH_RADIUS) * DEG
  const dLng = ((northSouth * aspect) / (EARTH_RADIUS * Math.cos(lat0 / DEG))) * DEG
  const skew = random.float(-0.15, 0.15, 3) * dLng
  const taper = random.float(0, 0.2, 3) * dLng
  // Counter-clockwise from the south-west corner, as RFC 7946 wants for an outer ring.
  const offsets: Array<[number, number]> = [
    [-dLng / 2, -dLat / 2],
    [dLng / 2, -dLat / 2],
    [dLng / 2 - taper + skew, dLat / 2],
    [-dLng / 2 + skew, dLat / 2],
  ]
  const ring = (scale: number) => {
    const corners = offsets.map(([x, y]) => [round(lng0 + x * scale, 8), round(lat0 + y, 8)] as [number, number])
    return [...corners, corners[0]!]
  }
  const measured = turfArea({ type: 'Polygon', coordinates: [ring(1)] })
  const coordinates = ring(areaM2 / measured)
  const corners = coordinates.slice(0, 4)
  return {
    boundary: { type: 'Polygon', coordinates: [coordinates] },
    lng: round(corners.reduce((sum, c) => sum + c[0], 0) / 4, 7),
    lat: round(corners.reduce((sum, c) => sum + c[1], 0) / 4, 7),
  }
}

/**
 * Centres spread over a box without overlaps: the box is cut into a grid, each parcel takes a
 * different cell and sits near its middle.
 */
export function scatter(random: Random, box: { west: number; east: number; south: number; north: number }, count: number): Array<[number, number]> {
  const columns = Math.ceil(Math.sqrt(count * 1.5))
  const rows = Math.ceil((count * 1.5) / columns)
  const width = (box.east - box.west) / columns
  const height = (box.north - box.south) / rows
  const cells = random.shuffle(Array.from({ length: columns * rows }, (_, i) => i)).slice(0, count)
  return cells.map((cell) => {
    const column = cell % columns
    const row = Math.floor(cell / columns)
    return [
      round(box.west + (column + 0.5 + random.float(-0.2, 0.2, 3)) * width, 6),
      round(box.south + (row + 0.5 + random.float(-0.2, 0.2, 3)) * height, 6),
    ]
  })
}
