import L from 'leaflet'
import { useEffect, useMemo, useRef } from 'react'
import { useMap } from 'react-leaflet'
import { landUseColor } from '../../../../../shared/landUseColors'
import type { MapParcel } from '../../../../../shared/mapSites'
import type { Boundary } from '../../../../../shared/schemas/parcels'
import type { MapCrs } from '../../../../../shared/types'
import { latLngOf, toDisplay } from '../crs'
import { boundaryAtZoom, FULL_DETAIL_ZOOM, vertexCount } from '../parcelDetail'
import { type CanvasPainter, siteCanvasOf, STALE_DASH, STALE_STROKE, staleHatch } from './siteCanvas'

// Parcel boundaries on the map's canvas, in the land-use colours of a planning map. Five thousand
// parcels are no job for five thousand Leaflet polygons, each projected, clipped and painted on its
// own at every pan and zoom: they are painted by this layer straight onto the map's one canvas
// (siteCanvas.ts), under the buildings, from plain arrays —
//  - each parcel's shape is projected once per zoom detail (parcelDetail.ts drops what a pixel
//    cannot show) in zoom-0 pixels, and any zoom is that times a scale;
//  - only the parcels the filter keeps and whose box meets the canvas's padded view are painted;
//  - the parcels of one land use are one path: one fill and one stroke per colour.
// Clicks and the hover tooltip find the parcel under the pointer by its box, then its rings.

interface Props {
  parcels: readonly MapParcel[]
  visibleIds: ReadonlySet<string>
  crs: MapCrs
  selectedId: string | null
  /** The parcel whose boundary is being edited is hidden here and drawn by the editing tool. */
  hiddenId: string | null
  onSelect: (id: string) => void
  tooltip: (p: MapParcel) => string
  /** Parcels whose check is before this day are stale: hatched (shared/freshness.ts staleCutoff). */
  staleBefore: string
}

export function boundaryLatLngs(boundary: Boundary, crs: MapCrs): L.LatLngExpression[][] | L.LatLngExpression[][][] {
  const ring = (r: number[][]) => r.map((p) => latLngOf(toDisplay(crs, [p[0]!, p[1]!])))
  return boundary.type === 'Polygon' ? boundary.coordinates.map(ring) : boundary.coordinates.map((poly) => poly.map(ring))
}

/** A parcel known only by its position is a small circle of this radius (px). */
const POINT_RADIUS = 6
/** How far from a shape (px) a click or hover still finds it, as the canvas's own tolerance. */
const HIT_TOLERANCE = 4
const SELECTED_STROKE = '#1f6feb'

interface Entry {
  parcel: MapParcel
  /** The boundary shifted for the basemap; null for a parcel known only by its position. */
  display: Boundary | null
  /** Box in zoom-0 pixels [minX, minY, maxX, maxY]. */
  box: [number, number, number, number]
  /** The rings in zoom-0 pixels (x, y, x, y …), per zoom detail, made when first painted. */
  rings: Map<number, Float64Array[]>
  /** Few enough positions to draw as stored at every zoom (one projection, kept). */
  simple: boolean
}

/** Zoom-0 pixels of a display-coordinate point. */
const project0 = (map: L.Map, lng: number, lat: number): L.Point => map.project([lat, lng], 0)

/** A boundary with no more positions than this is drawn as stored at every zoom: nothing to drop. */
const SIMPLE_SHAPE = 16

function ringsAt(map: L.Map, entry: Entry, zoomDetail: number): Float64Array[] {
  const detail = entry.simple ? FULL_DETAIL_ZOOM : zoomDetail
  let rings = entry.rings.get(detail)
  if (rings) return rings
  const shape = boundaryAtZoom(entry.display!, detail)
  const all = shape.type === 'Polygon' ? shape.coordinates : shape.coordinates.flat()
  rings = all.map((ring) => {
    const xy = new Float64Array(ring.length * 2)
    ring.forEach(([lng, lat], i) => {
      const p = project0(map, lng, lat)
      xy[i * 2] = p.x
      xy[i * 2 + 1] = p.y
    })
    return xy
  })
  entry.rings.set(detail, rings)
  return rings
}

/** Even-odd point-in-rings, in zoom-0 pixels. */
function inside(rings: Float64Array[], x: number, y: number): boolean {
  let odd = false
  for (const r of rings) {
    const n = r.length / 2
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = r[i * 2]!, yi = r[i * 2 + 1]!, xj = r[j * 2]!, yj = r[j * 2 + 1]!
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd
    }
  }
  return odd
}

/** The painter's state, replaced by the component as props change; read at each paint and hit. */
interface State {
  entries: Entry[]
  visibleIds: ReadonlySet<string>
  hiddenId: string | null
  selectedId: string | null
  staleBefore: string
}

function parcelPainter(state: { current: State }, callbacks: { current: { onSelect: (id: string) => void; tooltip: (p: MapParcel) => string } }): CanvasPainter {
  /** What the last whole paint drew, bottom to top: hits are looked up here. */
  let painted: Entry[] = []
  return {
    place: 'under',
    paint(ctx, map, view, whole) {
      const { entries, visibleIds, hiddenId, selectedId, staleBefore } = state.current
      const zoom = map.getZoom()
      const scale = map.getZoomScale(zoom, 0)
      const origin = map.getPixelOrigin()
      const detail = Math.min(Math.round(zoom), FULL_DETAIL_ZOOM)
      const pad = POINT_RADIUS / scale
      const [x0, y0] = [(view.min!.x + origin.x) / scale, (view.min!.y + origin.y) / scale]
      const [x1, y1] = [(view.max!.x + origin.x) / scale, (view.max!.y + origin.y) / scale]
      const byUse = new Map<string, Entry[]>()
      let shown = 0
      let selected: Entry | null = null
      const drawn: Entry[] = []
      const stale: Entry[] = []
      for (const entry of entries) {
        const id = entry.parcel.id
        if (!visibleIds.has(id) || id === hiddenId) continue
        shown += 1
        const [bx0, by0, bx1, by1] = entry.box
        if (bx1 + pad < x0 || bx0 - pad > x1 || by1 + pad < y0 || by0 - pad > y1) continue
        if (id === selectedId) {
          selected = entry
          continue
        }
        // A check sorts before the cutoff day exactly when it is stale ('YYYY-MM-DDV' vs 'YYYY-MM-DD').
        if (entry.parcel.check < staleBefore) stale.push(entry)
        const group = byUse.get(entry.parcel.landUse)
        if (group) group.push(entry)
        else byUse.set(entry.parcel.landUse, [entry])
      }

      const trace = (entry: Entry) => {
        if (!entry.display) {
          const x = entry.box[0] * scale - origin.x
          const y = entry.box[1] * scale - origin.y
          ctx.moveTo(x + POINT_RADIUS, y)
          ctx.arc(x, y, POINT_RADIUS, 0, Math.PI * 2)
          return
        }
        // Rings end where they start, so no closePath(): in Chromium it costs more than the lines.
        for (const r of ringsAt(map, entry, detail)) {
          ctx.moveTo(r[0]! * scale - origin.x, r[1]! * scale - origin.y)
          for (let i = 2; i < r.length; i += 2) ctx.lineTo(r[i]! * scale - origin.x, r[i + 1]! * scale - origin.y)
        }
      }
      const fillAndStroke = (list: Entry[], fill: string, fillOpacity: number, stroke: string, weight: number) => {
        ctx.beginPath()
        for (const entry of list) trace(entry)
        ctx.globalAlpha = fillOpacity
        ctx.fillStyle = fill
        ctx.fill('evenodd')
        ctx.globalAlpha = 1
        ctx.strokeStyle = stroke
        ctx.lineWidth = weight
        ctx.stroke()
      }
      ctx.lineJoin = 'round'
      ctx.lineCap = 'round'
      for (const [use, list] of byUse) {
        const colour = landUseColor(use as MapParcel['landUse'])
        // Parcels known by a point only are drawn with a thicker ring, as before.
        const shapes = list.filter((e) => e.display)
        const points = list.filter((e) => !e.display)
        if (shapes.length > 0) fillAndStroke(shapes, colour.fill, 0.42, colour.stroke, 1)
        if (points.length > 0) fillAndStroke(points, colour.fill, 0.42, colour.stroke, 2)
        drawn.push(...list)
      }
      // Stale parcels: hatched over their land-use colour, outlined dashed (one path for all).
      if (stale.length > 0) {
        ctx.save()
        ctx.beginPath()
        for (const entry of stale) trace(entry)
        const hatch = staleHatch(ctx)
        if (hatch) {
          ctx.fillStyle = hatch
          ctx.fill('evenodd')
        }
        ctx.setLineDash(STALE_DASH)
        ctx.strokeStyle = STALE_STROKE
        ctx.lineWidth = 1.2
        ctx.stroke()
        ctx.restore()
      }
      if (selected) {
        fillAndStroke([selected], landUseColor(selected.parcel.landUse).fill, 0.6, SELECTED_STROKE, 3)
        drawn.push(selected)
      }
      if (!whole) return
      painted = drawn
      // Read by the end-to-end tests and the benchmark: parcels the filter keeps, and those painted.
      const container = map.getContainer()
      container.dataset.parcelsShown = String(shown)
      container.dataset.parcelsDrawn = String(drawn.length)
      container.dataset.parcelsStale = String(stale.length)

    },

    hit(point, map) {
      const zoom = map.getZoom()
      const scale = map.getZoomScale(zoom, 0)
      const origin = map.getPixelOrigin()
      const detail = Math.min(Math.round(zoom), FULL_DETAIL_ZOOM)
      const x = (point.x + origin.x) / scale
      const y = (point.y + origin.y) / scale
      const tolerance = HIT_TOLERANCE / scale
      for (let i = painted.length - 1; i >= 0; i--) {
        const entry = painted[i]!
        const [bx0, by0, bx1, by1] = entry.box
        if (!entry.display) {
          if (Math.hypot(x - bx0, y - by0) > (POINT_RADIUS + HIT_TOLERANCE) / scale) continue
        } else {
          if (x < bx0 - tolerance || x > bx1 + tolerance || y < by0 - tolerance || y > by1 + tolerance) continue
          if (!inside(ringsAt(map, entry, detail), x, y)) continue
        }
        const parcel = entry.parcel
        return { key: parcel.id, tooltip: () => callbacks.current.tooltip(parcel), select: () => callbacks.current.onSelect(parcel.id) }
      }
      return null
    },
  }
}

export function ParcelLayer({ parcels, visibleIds, crs, selectedId, hiddenId, onSelect, tooltip, staleBefore }: Props) {
  const map = useMap()
  const callbacks = useRef({ onSelect, tooltip })
  callbacks.current = { onSelect, tooltip }

  const entries = useMemo(() => {
    const list: Entry[] = []
    for (const parcel of parcels) {
      let display: Boundary | null = null
      let box: Entry['box']
      if (parcel.boundary) {
        // On a WGS-84 basemap the stored boundary is drawn as it is: no copy of every position.
        const shift = (ring: number[][]) => ring.map((p) => toDisplay(crs, [p[0]!, p[1]!]))
        display =
          crs === 'wgs84'
            ? parcel.boundary
            : parcel.boundary.type === 'Polygon'
              ? { type: 'Polygon', coordinates: parcel.boundary.coordinates.map(shift) }
              : { type: 'MultiPolygon', coordinates: parcel.boundary.coordinates.map((poly) => poly.map(shift)) }
        // The box in degrees, then its two corners projected: Web Mercator keeps the order of
        // longitudes and of latitudes, so this is the box of the projected positions, at two
        // projections a parcel instead of one per position.
        let [w, so, e, n] = [Infinity, Infinity, -Infinity, -Infinity]
        for (const ring of display.type === 'Polygon' ? display.coordinates : display.coordinates.flat()) {
          for (const [lng, lat] of ring) {
            if (lng! < w) w = lng!
            if (lng! > e) e = lng!
            if (lat! < so) so = lat!
            if (lat! > n) n = lat!
          }
        }
        const sw = project0(map, w, so)
        const ne = project0(map, e, n)
        box = [sw.x, ne.y, ne.x, sw.y]
      } else if (parcel.lng != null && parcel.lat != null) {
        const [lng, lat] = toDisplay(crs, [parcel.lng, parcel.lat])
        const p = project0(map, lng, lat)
        box = [p.x, p.y, p.x, p.y]
      } else continue
      list.push({ parcel, display, box, rings: new Map(), simple: display === null || vertexCount(display) <= SIMPLE_SHAPE })
    }
    return list
  }, [map, parcels, crs])

  const state = useRef<State>({ entries, visibleIds, hiddenId, selectedId, staleBefore })
  const painter = useMemo(() => parcelPainter(state, callbacks), [])
  const canvas = useMemo(() => siteCanvasOf(map), [map])

  useEffect(() => {
    canvas.addPainter(map, painter)
    return () => canvas.removePainter(painter)
  }, [map, canvas, painter])

  // Any change of parcels, filter, selection or editing paints the canvas again: a few
  // milliseconds for every parcel in view.
  useEffect(() => {
    const s = state.current
    if (s.entries === entries && s.visibleIds === visibleIds && s.hiddenId === hiddenId && s.selectedId === selectedId && s.staleBefore === staleBefore) return // painted when added
    state.current = { entries, visibleIds, hiddenId, selectedId, staleBefore }
    canvas.repaint()
  }, [canvas, entries, visibleIds, hiddenId, selectedId, staleBefore])

  return null
}
