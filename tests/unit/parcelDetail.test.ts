import area from '@turf/area'
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import kinks from '@turf/kinks'
import { describe, expect, it } from 'vitest'
import type { Boundary } from '../../src/shared/schemas/parcels'
import {
  boundaryAtZoom,
  boundaryBox,
  FULL_DETAIL_ZOOM,
  pixelDegrees,
  simplifyRing,
  toleranceForZoom,
  vertexCount,
} from '../../src/renderer/src/features/map/parcelDetail'

type Ring = [number, number][]

/** A surveyed-looking parcel: a rectangle about 400 × 300 m at Shenyang whose edges wobble by a few metres, with `perEdge` vertices on each edge. */
function wobblyParcel(perEdge: number, wobbleMetres = 2): Ring {
  const [lng, lat] = [123.43, 41.8]
  const dx = 400 / 83_000
  const dy = 300 / 111_000
  const corners: Ring = [
    [lng, lat],
    [lng + dx, lat],
    [lng + dx, lat + dy],
    [lng, lat + dy],
  ]
  const ring: Ring = []
  corners.forEach((a, k) => {
    const b = corners[(k + 1) % 4]!
    for (let i = 0; i < perEdge; i++) {
      const t = i / perEdge
      // The wobble runs across the edge: at most `wobbleMetres` off the straight line.
      const off = (Math.sin(i * 1.7) * wobbleMetres) / 111_000
      const across = k % 2 === 0 ? [0, off] : [off, 0]
      ring.push([a[0] + (b[0] - a[0]) * t + across[0]!, a[1] + (b[1] - a[1]) * t + across[1]!])
    }
  })
  ring.push(ring[0]!)
  return ring
}

const polygon = (...rings: Ring[]): Boundary => ({ type: 'Polygon', coordinates: rings })
const closed = (ring: number[][]) => ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1]

describe('parcel detail per zoom', () => {
  it('uses a pixel as the tolerance, halving with each zoom, and none from full detail on', () => {
    expect(toleranceForZoom(10)).toBeCloseTo(pixelDegrees(10), 12)
    expect(toleranceForZoom(11) / toleranceForZoom(10)).toBeCloseTo(0.5, 12)
    // Fractional zooms (mid-animation, fitBounds) take the nearest level's tolerance.
    expect(toleranceForZoom(12.4)).toBe(toleranceForZoom(12))
    expect(toleranceForZoom(FULL_DETAIL_ZOOM)).toBe(0)
    expect(toleranceForZoom(19)).toBe(0)
    // At zoom 0 one pixel is 360/256 degrees.
    expect(pixelDegrees(0)).toBeCloseTo(360 / 256, 12)
  })

  it('drops the vertices a zoom cannot show and keeps the ring closed, simple and the same area', () => {
    const ring = wobblyParcel(50)
    const stored = polygon(ring)
    const storedArea = area(stored)
    let previous = Infinity
    for (const zoom of [16, 15, 13, 11]) {
      const shape = boundaryAtZoom(stored, zoom)
      const outer = shape.coordinates[0] as Ring
      expect(closed(outer)).toBe(true)
      expect(outer.length).toBeGreaterThanOrEqual(4)
      // Coarser zooms keep fewer vertices, and every kept vertex is one of the stored ones.
      expect(outer.length).toBeLessThanOrEqual(previous)
      previous = outer.length
      for (const p of outer) expect(ring.some((q) => q[0] === p[0] && q[1] === p[1])).toBe(true)
      expect(kinks(shape as GeoJSON.Polygon).features).toHaveLength(0)
      // A pixel's worth of wobble on a 400 × 300 m parcel moves its area by very little.
      expect(Math.abs(area(shape) - storedArea) / storedArea).toBeLessThan(0.05)
    }
    // The city's zoom makes the 200-vertex ring a handful of corners.
    expect(vertexCount(boundaryAtZoom(stored, 11))).toBeLessThan(12)
    // Full detail draws the boundary as stored.
    expect(boundaryAtZoom(stored, FULL_DETAIL_ZOOM)).toBe(stored)
  })

  it('keeps a parcel smaller than a pixel as stored and leaves out a hole that collapses', () => {
    const tiny: Ring = [
      [123.43, 41.8],
      [123.43001, 41.8],
      [123.43001, 41.80001],
      [123.43, 41.80001],
      [123.43, 41.8],
    ]
    expect(simplifyRing(tiny, toleranceForZoom(10))).toBeNull()
    const shape = boundaryAtZoom(polygon(tiny), 10)
    expect(shape.coordinates[0]).toEqual(tiny)

    const outer = wobblyParcel(20)
    const hole: Ring = [
      [123.431, 41.801],
      [123.43101, 41.801],
      [123.43101, 41.80101],
      [123.431, 41.801],
    ]
    const withHole = boundaryAtZoom(polygon(outer, hole), 11)
    expect(withHole.coordinates).toHaveLength(1)
    // Close enough to show, the hole stays.
    expect(boundaryAtZoom(polygon(outer, hole), 18).coordinates).toHaveLength(2)
  })

  it('simplifies each polygon of a multipolygon and gives the box of all of them', () => {
    const a = wobblyParcel(30)
    const b = a.map(([x, y]) => [x + 0.01, y + 0.005] as [number, number])
    const multi: Boundary = { type: 'MultiPolygon', coordinates: [[a], [b]] }
    const shape = boundaryAtZoom(multi, 12)
    expect(shape.type).toBe('MultiPolygon')
    expect(shape.coordinates).toHaveLength(2)
    expect(vertexCount(shape)).toBeLessThan(vertexCount(multi))
    const [w, s, e, n] = boundaryBox(multi)
    expect(w).toBe(Math.min(...a.map((p) => p[0])))
    expect(e).toBe(Math.max(...b.map((p) => p[0])))
    expect(s).toBe(Math.min(...a.map((p) => p[1])))
    expect(n).toBe(Math.max(...b.map((p) => p[1])))
    // The simplified outline still covers the parcel's middle.
    const middle: [number, number] = [(Math.min(...a.map((p) => p[0])) + Math.max(...a.map((p) => p[0]))) / 2, (s + Math.max(...a.map((p) => p[1]))) / 2]
    expect(booleanPointInPolygon(middle, { type: 'Polygon', coordinates: (shape.coordinates as Ring[][])[0]! })).toBe(true)
  })
})
