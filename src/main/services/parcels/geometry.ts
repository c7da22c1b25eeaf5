import turfArea from '@turf/area'
import turfCentroid from '@turf/centroid'
import { DomainError } from '../../../shared/result'
import type { Boundary } from '../../../shared/schemas/parcels'

// A parcel's area and map point follow from its boundary when the user gives only the polygon
// (the usual case when it is traced on the map). An area typed in from a transfer notice wins
// over the traced one: the notice is the legal figure, the tracing an approximation.

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

/** Geodesic area in m² (2 decimals), refusing a polygon with no area. */
export function boundaryArea(boundary: Boundary): number {
  const m2 = round(turfArea(boundary), 2)
  if (!(m2 > 0)) throw new DomainError('invalid', '地块边界：面积为零，请检查坐标', 'boundary')
  return m2
}

/** Mean of the vertices (turf's centroid), 7 decimals ≈ 1 cm. */
export function boundaryCentroid(boundary: Boundary): { lng: number; lat: number } {
  const [lng, lat] = turfCentroid(boundary).geometry.coordinates as [number, number]
  return { lng: round(lng, 7), lat: round(lat, 7) }
}

interface Located {
  boundary?: Boundary | null
  area?: number | null
  lng?: number | null
  lat?: number | null
}

/**
 * The store's boundary text, area and position for an input that may carry a boundary. With a
 * boundary, an area left empty (undefined or null: forms send null) is computed from it, and a
 * position left empty is set to its centroid. Without one, fields pass through as given, so an
 * update leaves undefined fields as they are.
 */
export function deriveLocation(input: Located): { boundary?: string | null; area?: number | null; lng?: number | null; lat?: number | null } {
  const out: { boundary?: string | null; area?: number | null; lng?: number | null; lat?: number | null } = {
    area: input.area,
    lng: input.lng,
    lat: input.lat,
  }
  if (input.boundary === undefined) return out
  out.boundary = input.boundary === null ? null : JSON.stringify(input.boundary)
  if (input.boundary === null) return out
  const area = boundaryArea(input.boundary)
  if (input.area == null) out.area = area
  if (input.lng == null && input.lat == null) Object.assign(out, boundaryCentroid(input.boundary))
  return out
}
