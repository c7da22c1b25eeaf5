import L from 'leaflet'
import { useEffect, useMemo, useRef } from 'react'
import { landUseColor } from '../../../../../shared/landUseColors'
import type { MapParcel } from '../../../../../shared/mapSites'
import type { Boundary } from '../../../../../shared/schemas/parcels'
import type { MapCrs } from '../../../../../shared/types'
import { isPicking } from '../tools/picking'
import { latLngOf, toDisplay } from '../crs'
import { boundaryAtZoom, boundaryBox, FULL_DETAIL_ZOOM, vertexCount } from '../parcelDetail'
import { drawOnEveryMove, useLayerGroup } from './useLayerGroup'

// Parcel boundaries on the map's canvas, in the land-use colours of a planning map. Only the
// parcels the filter keeps and whose box meets the view (padded as the canvas is) are on the
// canvas: a pan or zoom projects, clips and paints those, not all five thousand. Each parcel's
// shape is made the first time it comes into view, at the detail the zoom can show
// (parcelDetail.ts), and kept; a move or a filter change adds and removes only the parcels whose
// state changed. One tooltip and one click handler on the group serve every parcel.

interface Props {
  parcels: readonly MapParcel[]
  visibleIds: ReadonlySet<string>
  crs: MapCrs
  selectedId: string | null
  /** The parcel whose boundary is being edited is hidden here and drawn by the editing tool. */
  hiddenId: string | null
  onSelect: (id: string) => void
  tooltip: (p: MapParcel) => string
}

export function boundaryLatLngs(boundary: Boundary, crs: MapCrs): L.LatLngExpression[][] | L.LatLngExpression[][][] {
  const ring = (r: number[][]) => r.map((p) => latLngOf(toDisplay(crs, [p[0]!, p[1]!])))
  return boundary.type === 'Polygon' ? boundary.coordinates.map(ring) : boundary.coordinates.map((poly) => poly.map(ring))
}

/** A boundary already in display coordinates, as Leaflet takes it. */
const displayLatLngs = (boundary: Boundary): L.LatLngExpression[][] | L.LatLngExpression[][][] => {
  const ring = (r: number[][]) => r.map((p): L.LatLngTuple => [p[1]!, p[0]!])
  return boundary.type === 'Polygon' ? boundary.coordinates.map(ring) : boundary.coordinates.map((poly) => poly.map(ring))
}

const styleOf = (p: MapParcel, selected: boolean): L.PathOptions => {
  const colour = landUseColor(p.landUse)
  return {
    color: selected ? '#1f6feb' : colour.stroke,
    weight: selected ? 3 : 1,
    fillColor: colour.fill,
    fillOpacity: selected ? 0.6 : 0.42,
  }
}

/** How far beyond the view parcels are kept on the canvas: the canvas renderer's own padding. */
const VIEW_PADDING = 0.3

/** One parcel on the map: its shape in display coordinates, its box, and its layer once made. */
interface Entry {
  parcel: MapParcel
  /** The boundary shifted for the basemap (null: a parcel known only by its position). */
  display: Boundary | null
  box: [number, number, number, number]
  layer: ParcelShape | null
  /** The zoom whose detail the layer's shape has (FULL_DETAIL_ZOOM: as stored). */
  detail: number
  vertices: number
  selectedStyle: boolean
}

type ParcelShape = (L.Polygon | L.CircleMarker) & { parcel: MapParcel }

export function ParcelLayer({ parcels, visibleIds, crs, selectedId, hiddenId, onSelect, tooltip }: Props) {
  const { map, group } = useLayerGroup(() => L.featureGroup())
  const callbacks = useRef({ onSelect, tooltip })
  callbacks.current = { onSelect, tooltip }
  const wanted = useRef({ visibleIds, hiddenId, selectedId })
  wanted.current = { visibleIds, hiddenId, selectedId }

  // One tooltip and one click handler for every parcel, bound once.
  useEffect(() => {
    group.bindTooltip((layer) => callbacks.current.tooltip((layer as ParcelShape).parcel), { sticky: true })
    const click = (e: L.LeafletMouseEvent) => {
      L.DomEvent.stopPropagation(e)
      const shape = (e.propagatedFrom ?? e.layer) as ParcelShape | undefined
      if (shape?.parcel) callbacks.current.onSelect(shape.parcel.id)
    }
    group.on('click', click)
    return () => {
      group.off('click', click)
      group.unbindTooltip()
    }
  }, [group])

  const entries = useMemo(() => {
    const list: Entry[] = []
    for (const parcel of parcels) {
      let display: Boundary | null = null
      let box: Entry['box']
      if (parcel.boundary) {
        const shift = (ring: number[][]) => ring.map((p) => toDisplay(crs, [p[0]!, p[1]!]))
        display =
          parcel.boundary.type === 'Polygon'
            ? { type: 'Polygon', coordinates: parcel.boundary.coordinates.map(shift) }
            : { type: 'MultiPolygon', coordinates: parcel.boundary.coordinates.map((poly) => poly.map(shift)) }
        box = boundaryBox(display)
      } else if (parcel.lng != null && parcel.lat != null) {
        const [x, y] = toDisplay(crs, [parcel.lng, parcel.lat])
        box = [x, y, x, y]
      } else continue
      list.push({ parcel, display, box, layer: null, detail: -1, vertices: 0, selectedStyle: false })
    }
    return list
  }, [parcels, crs])

  const sync = useRef<() => void>(() => {})

  useEffect(() => {
    const container = map.getContainer()
    const onMap = new Set<Entry>()

    const shapeOf = (entry: Entry, zoom: number): ParcelShape => {
      const detail = Math.min(zoom, FULL_DETAIL_ZOOM)
      const isSelected = entry.parcel.id === wanted.current.selectedId
      if (!entry.layer) {
        const p = entry.parcel
        let layer: L.Polygon | L.CircleMarker
        if (entry.display) {
          const shape = boundaryAtZoom(entry.display, detail)
          entry.vertices = vertexCount(shape)
          layer = L.polygon(displayLatLngs(shape) as L.LatLngExpression[][], { site: true, pmIgnore: true, interactive: !isPicking(map), ...styleOf(p, isSelected) })
        } else {
          // A parcel known only by its position: a small marker in its land-use colour.
          layer = L.circleMarker([entry.box[1], entry.box[0]], { site: true, pmIgnore: true, interactive: !isPicking(map), radius: 6, ...styleOf(p, isSelected), weight: 2 })
        }
        entry.layer = Object.assign(layer, { parcel: p })
        entry.detail = detail
        entry.selectedStyle = isSelected
        return entry.layer
      }
      // A kept shape missed any tool switch while off the map (setSitesInteractive reaches only
      // the map's layers): it takes the current state, and the zoom's detail when that differs.
      entry.layer.options.interactive = !isPicking(map)
      if (entry.display && entry.detail !== detail && entry.layer instanceof L.Polygon) {
        const shape = boundaryAtZoom(entry.display, detail)
        const vertices = vertexCount(shape)
        if (vertices !== entry.vertices) entry.layer.setLatLngs(displayLatLngs(shape) as L.LatLngExpression[][])
        entry.vertices = vertices
        entry.detail = detail
      }
      if (entry.selectedStyle !== isSelected) {
        entry.layer.setStyle(styleOf(entry.parcel, isSelected))
        entry.selectedStyle = isSelected
      }
      return entry.layer
    }

    const draw = () => {
      const { visibleIds: visible, hiddenId: hidden } = wanted.current
      const view = map.getBounds().pad(VIEW_PADDING)
      const [w, s, e, n] = [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()]
      const zoom = Math.round(map.getZoom())
      let shown = 0
      let drawn = 0
      for (const entry of entries) {
        const id = entry.parcel.id
        const kept = visible.has(id) && id !== hidden
        if (kept) shown += 1
        const [bw, bs, be, bn] = entry.box
        const inView = kept && be >= w && bw <= e && bn >= s && bs <= n
        if (inView) {
          drawn += 1
          const layer = shapeOf(entry, zoom)
          if (!onMap.has(entry)) {
            group.addLayer(layer)
            // Parcels lie under the buildings on the shared canvas; the selected one above them all.
            if (entry.selectedStyle) layer.bringToFront()
            else layer.bringToBack()
            onMap.add(entry)
          }
        } else if (onMap.has(entry)) {
          group.removeLayer(entry.layer!)
          onMap.delete(entry)
        }
      }
      // Read by the end-to-end tests and the benchmark: parcels the filter keeps, and those on the canvas.
      container.dataset.parcelsShown = String(shown)
      container.dataset.parcelsDrawn = String(drawn)
    }
    sync.current = draw
    const stop = drawOnEveryMove(map, draw)
    return () => {
      stop()
      sync.current = () => {}
      for (const entry of onMap) group.removeLayer(entry.layer!)
    }
  }, [map, group, entries])

  // A filter change or a boundary taken into editing adds and removes only the parcels whose
  // visibility changed.
  useEffect(() => {
    sync.current()
  }, [visibleIds, hiddenId])

  // A new selection restyles the shape it leaves and the one it takes.
  useEffect(() => {
    for (const entry of entries) {
      if (!entry.layer) continue
      const isSelected = entry.parcel.id === selectedId
      if (entry.selectedStyle === isSelected) continue
      entry.layer.setStyle(styleOf(entry.parcel, isSelected))
      entry.selectedStyle = isSelected
      if (isSelected && group.hasLayer(entry.layer)) entry.layer.bringToFront()
    }
  }, [group, entries, selectedId])

  return null
}
