import L from 'leaflet'
import { useEffect, useRef } from 'react'
import { useMap, useMapEvent } from 'react-leaflet'
import type { MapCrs } from '../../../../shared/types'
import { latLngOf, toDisplay, type LngLat } from './crs'
import { boundaryLatLngs } from './layers/ParcelLayer'
import type { Boundary } from '../../../../shared/schemas/parcels'

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

/** Width of the site card over the map's right side, and the gap beside it (styles.css .site-card). */
const CARD_WIDTH = 332

/**
 * The map centre that puts `point` in the middle of the part of the map the card leaves free, so
 * a selected site is never hidden under its own card (on a map too narrow for that, the middle).
 */
function besideTheCard(map: L.Map, point: L.LatLng): L.LatLng {
  const width = map.getSize().x
  if (width < CARD_WIDTH * 2) return point
  const zoom = map.getZoom()
  return map.unproject(map.project(point, zoom).add([CARD_WIDTH / 2, 0]), zoom)
}

/** Brings a newly selected site into the middle of the map, keeping the zoom unless it must fit. */
export function CenterOnSelection({ target, crs }: { target: FocusTarget | null; crs: MapCrs }) {
  const map = useMap()
  const last = useRef<string | null>(null)
  useEffect(() => {
    if (!target || target.key === last.current) return
    last.current = target.key
    if (target.boundary) {
      const bounds = L.polygon(boundaryLatLngs(target.boundary, crs) as L.LatLngExpression[][]).getBounds()
      if (!map.getBounds().pad(-0.1).contains(bounds)) {
        map.fitBounds(bounds, { padding: [80, 80], maxZoom: Math.max(map.getZoom(), 14) })
        return
      }
      map.panTo(besideTheCard(map, bounds.getCenter()))
      return
    }
    if (target.point) map.panTo(besideTheCard(map, L.latLng(latLngOf(toDisplay(crs, target.point)))))
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
