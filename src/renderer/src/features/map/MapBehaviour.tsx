import L from 'leaflet'
import { useEffect, useRef } from 'react'
import { useMap, useMapEvent } from 'react-leaflet'
import type { MapCrs } from '../../../../shared/types'
import { latLngOf, toDisplay, type LngLat } from './crs'
import { boundaryLatLngs } from './layers/ParcelLayer'
import type { Boundary } from '../../../../shared/schemas/parcels'
import { freeArea, paddingsOf, type Overlay, type Rect } from './freeArea'

/**
 * Keeps Leaflet's idea of the map's size true when the panels around it change (a tool's hint
 * line, the window), so a click lands on the coordinates under the pointer.
 */
export function ResizeWatcher() {
  const map = useMap()
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }))
    observer.observe(map.getContainer())
    return () => observer.disconnect()
  }, [map])
  return null
}

export interface FocusTarget {
  key: string
  point: LngLat | null
  boundary: Boundary | null
}

const SIDES = ['left', 'right', 'top', 'bottom'] as const

/** Space kept between a selected site and the edge of the free part of the map (px). */
const MARGIN = 24

/**
 * The part of the map no card, legend or control covers, in container points. Overlays are the
 * map's Leaflet controls and the screen's panels marked data-map-overlay beside it (its value, if
 * any, the side it is cut from: the card is always cut from the right).
 */
export function freeAreaOf(map: L.Map): { whole: Rect; free: Rect } {
  const container = map.getContainer()
  const box = container.getBoundingClientRect()
  const whole: Rect = { left: 0, top: 0, right: box.width, bottom: box.height }
  const holder = container.parentElement ?? container
  const overlays = [...holder.querySelectorAll<HTMLElement>('[data-map-overlay], .leaflet-control')]
    .map((el) => ({ r: el.getBoundingClientRect(), side: SIDES.find((side) => side === el.dataset.mapOverlay) }))
    .filter(({ r }) => r.width > 0 && r.height > 0)
    .map(({ r, side }): Overlay => ({ left: r.left - box.left, top: r.top - box.top, right: r.right - box.left, bottom: r.bottom - box.top, side }))
  return { whole, free: freeArea(whole, overlays) }
}

/** Moves the map so `bounds` (or a point) sits in the middle of the free part of the map. */
export function showInFreeArea(map: L.Map, bounds: L.LatLngBounds, options: { maxZoom?: number; animate?: boolean; zoomToFit?: boolean } = {}): void {
  const { whole, free } = freeAreaOf(map)
  const nw = map.latLngToContainerPoint(bounds.getNorthWest())
  const se = map.latLngToContainerPoint(bounds.getSouthEast())
  const fits = se.x - nw.x <= free.right - free.left - 2 * MARGIN && se.y - nw.y <= free.bottom - free.top - 2 * MARGIN
  if (!fits || options.zoomToFit) {
    // A single point has no size to fit: it is shown at the largest zoom allowed.
    map.fitBounds(bounds, { ...paddingsOf(whole, free, MARGIN), maxZoom: options.maxZoom ?? map.getZoom(), animate: options.animate })
    return
  }
  const middle = L.point((nw.x + se.x) / 2, (nw.y + se.y) / 2)
  const target = L.point((free.left + free.right) / 2, (free.top + free.bottom) / 2)
  map.panBy(middle.subtract(target), { animate: options.animate })
}

/** Pans only if the point is not already clear of every overlay. */
function keepClear(map: L.Map, point: L.LatLng): void {
  const { free } = freeAreaOf(map)
  const p = map.latLngToContainerPoint(point)
  const reach = 18 // the selected ring's half width and a little
  if (p.x - reach >= free.left && p.x + reach <= free.right && p.y - reach >= free.top && p.y + reach <= free.bottom) return
  showInFreeArea(map, L.latLngBounds(point, point))
}

/**
 * Brings a newly selected site into the middle of the free part of the map, keeping the zoom
 * unless it must fit; and keeps it clear when what floats over the map changes (`layout`: the
 * legend opened) or the window is resized.
 */
export function CenterOnSelection({ target, crs, layout }: { target: FocusTarget | null; crs: MapCrs; layout: string }) {
  const map = useMap()
  const last = useRef<string | null>(null)
  const point = target?.point ? L.latLng(latLngOf(toDisplay(crs, target.point))) : null
  const pointRef = useRef(point)
  pointRef.current = point
  useEffect(() => {
    if (pointRef.current) keepClear(map, pointRef.current)
  }, [map, layout])
  useEffect(() => {
    const resized = () => {
      if (pointRef.current) keepClear(map, pointRef.current)
    }
    map.on('resize', resized)
    return () => {
      map.off('resize', resized)
    }
  }, [map])
  useEffect(() => {
    if (!target || target.key === last.current) return
    last.current = target.key
    if (target.boundary) {
      const bounds = L.polygon(boundaryLatLngs(target.boundary, crs) as L.LatLngExpression[][]).getBounds()
      showInFreeArea(map, bounds, { maxZoom: Math.max(map.getZoom(), 14) })
      return
    }
    if (target.point) {
      const point = L.latLng(latLngOf(toDisplay(crs, target.point)))
      showInFreeArea(map, L.latLngBounds(point, point))
    }
  }, [map, target, crs])
  return null
}

/** A click on empty map (no tool active) closes the card. */
export function DeselectOnMapClick({ active, onDeselect }: { active: boolean; onDeselect: () => void }) {
  useMapEvent('click', () => {
    if (active) onDeselect()
  })
  return null
}

/** Hands the Leaflet map to the screen, for reading the view (e.g. the area to download). */
export function MapHandle({ onMap }: { onMap: (map: L.Map) => void }) {
  const map = useMap()
  useEffect(() => onMap(map), [map, onMap])
  return null
}
