import type {} from '@geoman-io/leaflet-geoman-free' // Geoman's types on L.Map (map.pm …); the code loads on demand
import L from 'leaflet'
import { useEffect, useRef } from 'react'
import { useMap } from 'react-leaflet'
import type { Boundary } from '../../../../../shared/schemas/parcels'
import type { MapCrs } from '../../../../../shared/types'
import { fromDisplay, type LngLat } from '../crs'
import { boundaryArea, pathLength, ringArea, ringFromDisplay } from '../geometry'
import { boundaryLatLngs } from '../layers/ParcelLayer'
import { setSitesInteractive } from './picking'

// The map's drawing and picking tools. Drawing and vertex editing are Leaflet-Geoman's; this
// component only turns a tool choice into Geoman modes or click handlers, and hands back what was
// drawn in WGS-84 with its live measurement. Geoman (a large plugin) is fetched the first time a
// drawing or editing tool is chosen, not when the map opens.

export type ToolMode =
  | { kind: 'none' }
  | { kind: 'measure' }
  | { kind: 'selectPolygon' }
  | { kind: 'selectRadius' }
  | { kind: 'placeBuilding'; buildingId: string }
  | { kind: 'newBuilding' }
  | { kind: 'drawParcel'; parcelId?: string }
  | { kind: 'editParcel'; parcelId: string; boundary: Boundary }

export interface ToolCallbacks {
  /** Live figure while drawing: metres (measure) or m² (polygons); null when nothing drawn. */
  onLive: (value: number | null) => void
  onMeasured: (metres: number) => void
  onPolygon: (ring: LngLat[]) => void
  onPoint: (point: LngLat) => void
  /** Editing a boundary: the boundary as it now is, after each change. */
  onEdited: (boundary: Boundary, area: number) => void
}

const DRAW_STYLE = { color: '#1f6feb', weight: 2, fillColor: '#1f6feb', fillOpacity: 0.12 }

let geoman: Promise<typeof import('../geoman')> | null = null
/** Loads Geoman once; a map made before it loaded gets its `pm` afterwards (Geoman adds it when a map is made). */
async function withGeoman(map: L.Map): Promise<void> {
  geoman ??= import('../geoman')
  const { default: withPm } = await geoman
  if (!map.pm) withPm.PM.reInitLayer(map as unknown as L.Layer)
}

const needsGeoman = (kind: ToolMode['kind']) => kind === 'measure' || kind === 'selectPolygon' || kind === 'drawParcel' || kind === 'editParcel'

export function MapTools({ mode, crs, callbacks }: { mode: ToolMode; crs: MapCrs; callbacks: ToolCallbacks }) {
  const map = useMap()
  const cb = useRef(callbacks)
  cb.current = callbacks
  const editBoundary = mode.kind === 'editParcel' ? mode.boundary : null

  // Fetched once the map is idle, so that a tool chosen later starts at once.
  useEffect(() => {
    const id = requestIdleCallback(() => void withGeoman(map), { timeout: 10_000 })
    return () => cancelIdleCallback(id)
  }, [map])

  useEffect(() => {
    const container = map.getContainer()
    container.dataset.tool = mode.kind
    const cleanups: Array<() => void> = []
    let cancelled = false
    if (needsGeoman(mode.kind) && !map.pm) {
      container.dataset.toolLoading = 'true'
      void withGeoman(map).then(() => {
        delete container.dataset.toolLoading
        if (!cancelled) setUp()
      })
    } else setUp()

    function setUp() {
      if (mode.kind !== 'none') {
        setSitesInteractive(map, false)
        container.classList.add('map--tool')
        cleanups.push(() => {
          setSitesInteractive(map, true)
          container.classList.remove('map--tool')
        })
      }

      if (mode.kind === 'measure' || mode.kind === 'selectPolygon' || mode.kind === 'drawParcel') {
        const shape = mode.kind === 'measure' ? 'Line' : 'Polygon'
        map.pm.setGlobalOptions({ pathOptions: DRAW_STYLE, templineStyle: { color: '#1f6feb' }, hintlineStyle: { color: '#1f6feb', dashArray: '5 5' } } as L.PM.GlobalOptions)
        let working: L.Polyline | null = null
        const live = (cursor?: L.LatLng) => {
          if (!working) return
          const placed = working.getLatLngs() as L.LatLng[]
          // Nothing placed yet (a new line after the last one was finished): keep the last reading.
          if (placed.length === 0) return
          const vertices = [...placed, ...(cursor ? [cursor] : [])]
          const points = vertices.map((v) => fromDisplay(crs, [v.lng, v.lat]))
          cb.current.onLive(shape === 'Line' ? pathLength(points) : points.length >= 3 ? ringArea(points) : null)
        }
        const onStart: L.PM.DrawStartEventHandler = (e) => {
          working = e.workingLayer as L.Polyline
          working.on('pm:vertexadded', () => live())
        }
        const onMove = (e: L.LeafletMouseEvent) => live(e.latlng)
        const onCreate: L.PM.CreateEventHandler = (e) => {
          const layer = e.layer as L.Polyline
          const vertices = (shape === 'Line' ? layer.getLatLngs() : (layer.getLatLngs() as L.LatLng[][])[0]!) as L.LatLng[]
          layer.remove()
          working = null
          cb.current.onLive(null)
          if (shape === 'Line') cb.current.onMeasured(pathLength(vertices.map((v) => fromDisplay(crs, [v.lng, v.lat]))))
          else cb.current.onPolygon(ringFromDisplay(crs, vertices))
          // Stay in the tool for the next shape only when measuring.
          if (shape === 'Line') map.pm.enableDraw('Line', { snappable: false, finishOn: 'dblclick' } as L.PM.DrawModeOptions)
        }
        // Listen first: Geoman fires pm:drawstart from inside enableDraw.
        map.on('pm:drawstart', onStart)
        map.on('mousemove', onMove)
        map.on('pm:create', onCreate)
        map.pm.enableDraw(shape, { snappable: false, allowSelfIntersection: false, finishOn: shape === 'Line' ? 'dblclick' : null } as L.PM.DrawModeOptions)
        cleanups.push(() => {
          map.off('pm:drawstart', onStart)
          map.off('mousemove', onMove)
          map.off('pm:create', onCreate)
          map.pm.disableDraw()
          cb.current.onLive(null)
        })
      }

      if (mode.kind === 'selectRadius' || mode.kind === 'placeBuilding' || mode.kind === 'newBuilding') {
        container.classList.add('map--picking')
        const onClick = (e: L.LeafletMouseEvent) => cb.current.onPoint(fromDisplay(crs, [e.latlng.lng, e.latlng.lat]))
        map.on('click', onClick)
        cleanups.push(() => {
          map.off('click', onClick)
          container.classList.remove('map--picking')
        })
      }

      if (mode.kind === 'editParcel' && editBoundary) {
        const layer = L.polygon(boundaryLatLngs(editBoundary, crs) as L.LatLngExpression[][], DRAW_STYLE).addTo(map)
        layer.pm.enable({ allowSelfIntersection: false, snappable: false } as L.PM.EditModeOptions)
        const report = () => {
          const geo = layer.toGeoJSON().geometry as Boundary
          const back = (ring: number[][]) => ring.map((p) => fromDisplay(crs, [p[0]!, p[1]!]))
          const boundary: Boundary =
            geo.type === 'Polygon'
              ? { type: 'Polygon', coordinates: geo.coordinates.map(back) }
              : { type: 'MultiPolygon', coordinates: geo.coordinates.map((poly) => poly.map(back)) }
          cb.current.onEdited(boundary, boundaryArea(boundary))
        }
        layer.on('pm:edit pm:markerdragend pm:vertexremoved pm:vertexadded', report)
        report()
        cleanups.push(() => {
          layer.pm.disable()
          layer.remove()
        })
      }
    }

    return () => {
      cancelled = true
      for (const cleanup of cleanups.reverse()) cleanup()
      delete container.dataset.tool
    }
  }, [map, mode.kind, crs, editBoundary])

  return null
}
