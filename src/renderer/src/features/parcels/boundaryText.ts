import type { Boundary } from '../../../../shared/schemas/parcels'

// The boundary textarea: GeoJSON as people copy it from GIS tools, geojson.io or a colleague.

export type BoundaryParse =
  | { ok: true; boundary: Boundary | null }
  | { ok: false; reason: 'json' | 'type' }

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Drops altitudes ([lng, lat, z] → [lng, lat]); anything odd is left for the server to name. */
function flatten(coordinates: unknown, depth: number): unknown {
  if (!Array.isArray(coordinates)) return coordinates
  if (depth === 0) return coordinates.length > 2 ? coordinates.slice(0, 2) : coordinates
  return coordinates.map((c) => flatten(c, depth - 1))
}

function geometryOf(value: Json): Json | undefined {
  if (value.type === 'Polygon' || value.type === 'MultiPolygon') return value
  if (value.type === 'Feature' && isObject(value.geometry)) return geometryOf(value.geometry)
  if (value.type === 'FeatureCollection' && Array.isArray(value.features) && value.features.length === 1) {
    const [only] = value.features
    return isObject(only) ? geometryOf(only) : undefined
  }
  return undefined
}

/**
 * Empty text → no boundary. Otherwise the Polygon or MultiPolygon it holds, directly or in a
 * Feature (or a collection of exactly one), reduced to `type` and 2-D `coordinates` because the
 * API takes nothing else. Coordinate ranges are checked by the server, which names the point.
 */
export function parseBoundaryText(text: string): BoundaryParse {
  if (text.trim() === '') return { ok: true, boundary: null }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'json' }
  }
  const geometry = isObject(value) ? geometryOf(value) : undefined
  if (!geometry) return { ok: false, reason: 'type' }
  const depth = geometry.type === 'Polygon' ? 2 : 3
  return { ok: true, boundary: { type: geometry.type, coordinates: flatten(geometry.coordinates, depth) } as Boundary }
}

export function boundaryText(boundary: Boundary | null): string {
  return boundary ? JSON.stringify(boundary) : ''
}

export function vertexCount(boundary: Boundary): number {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates
  return polygons.reduce((n, rings) => n + rings.reduce((m, ring) => m + Math.max(ring.length - 1, 0), 0), 0)
}
