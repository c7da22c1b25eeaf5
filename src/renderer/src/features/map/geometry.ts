import area from '@turf/area'
import length from '@turf/length'
import type { Boundary } from '../../../../shared/schemas/parcels'
import type { MapCrs } from '../../../../shared/types'
import { fromDisplay, type LngLat } from './crs'

// Measurements of what is drawn on screen. Drawn vertices are in the basemap's coordinates; they
// are brought back to WGS-84 before measuring and storing, as everything else is.

/** A closed WGS-84 ring from drawn display vertices (first point repeated at the end). */
export function ringFromDisplay(crs: MapCrs, vertices: ReadonlyArray<{ lng: number; lat: number }>): LngLat[] {
  const ring = vertices.map((v) => fromDisplay(crs, [v.lng, v.lat]))
  if (ring.length > 0) {
    const [first, last] = [ring[0]!, ring[ring.length - 1]!]
    if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first)
  }
  return ring
}

/** Area in m² of a ring (closed or not); 0 for fewer than three points. */
export function ringArea(ring: readonly LngLat[]): number {
  const distinct = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.length - 1 : ring.length
  if (distinct < 3) return 0
  const closed = distinct === ring.length ? [...ring, ring[0]!] : [...ring]
  return area({ type: 'Polygon', coordinates: [closed] })
}

export function boundaryArea(boundary: Boundary): number {
  return area(boundary)
}

/** Length in metres of a drawn path. */
export function pathLength(points: readonly LngLat[]): number {
  if (points.length < 2) return 0
  return length({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...points] } }, { units: 'meters' })
}

/** 850 m · 2.35 km */
export function formatDistance(metres: number, lang: 'zh' | 'en'): string {
  if (metres < 1000) return `${Math.round(metres)} ${lang === 'zh' ? '米' : 'm'}`
  return `${(metres / 1000).toFixed(2)} ${lang === 'zh' ? '公里' : 'km'}`
}
