import L from 'leaflet'
import { useEffect, useMemo, useRef } from 'react'
import { landUseColor } from '../../../../../shared/landUseColors'
import type { MapParcel } from '../../../../../shared/mapSites'
import type { Boundary } from '../../../../../shared/schemas/parcels'
import type { MapCrs } from '../../../../../shared/types'
import { isPicking } from '../tools/picking'
import { latLngOf, toDisplay } from '../crs'
import { useLayerGroup } from './useLayerGroup'

// Parcel boundaries on the map's canvas, in the land-use colours of a planning map. Every parcel's polygon
// is made once per data change; a filter change only adds or removes polygons from the layer.

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

const styleOf = (p: MapParcel, selected: boolean): L.PathOptions => {
  const colour = landUseColor(p.landUse)
  return {
    color: selected ? '#1f6feb' : colour.stroke,
    weight: selected ? 3 : 1,
    fillColor: colour.fill,
    fillOpacity: selected ? 0.6 : 0.42,
  }
}

export function ParcelLayer({ parcels, visibleIds, crs, selectedId, hiddenId, onSelect, tooltip }: Props) {
  const { map, group } = useLayerGroup(() => L.featureGroup())
  const callbacks = useRef({ onSelect, tooltip })
  callbacks.current = { onSelect, tooltip }

  const polygons = useMemo(() => {
    const made = new Map<string, { parcel: MapParcel; layer: L.Path }>()
    for (const p of parcels) {
      let layer: L.Path
      if (p.boundary) {
        layer = L.polygon(boundaryLatLngs(p.boundary, crs) as L.LatLngExpression[][], { site: true, interactive: !isPicking(map), ...styleOf(p, false) })
      } else if (p.lng != null && p.lat != null) {
        // A parcel known only by its position: a small square marker in its land-use colour.
        layer = L.circleMarker(latLngOf(toDisplay(crs, [p.lng, p.lat])), { site: true, interactive: !isPicking(map), radius: 6, ...styleOf(p, false), weight: 2 })
      } else continue
      layer.bindTooltip(() => callbacks.current.tooltip(p), { sticky: true })
      layer.on('click', (e) => {
        L.DomEvent.stopPropagation(e)
        callbacks.current.onSelect(p.id)
      })
      made.set(p.id, { parcel: p, layer })
    }
    return made
  }, [map, parcels, crs])


  const styled = useRef<string | null>(null)
  // New polygons (new data or basemap) start from an empty layer.
  useEffect(() => {
    group.clearLayers()
    styled.current = null
  }, [group, polygons])

  // A filter change adds and removes only the polygons whose visibility changed: re-adding
  // thousands of unchanged ones would project and repaint each of them again.
  useEffect(() => {
    let shown = 0
    for (const [id, { layer }] of polygons) {
      const visible = visibleIds.has(id) && id !== hiddenId
      const present = group.hasLayer(layer)
      if (visible && !present) {
        // Kept shapes missed any tool switch while off the map (setSitesInteractive reaches
        // only the map's layers): take the current state on the way back.
        layer.options.interactive = !isPicking(map)
        group.addLayer(layer)
        layer.bringToBack() // parcels lie under the buildings on the shared canvas
      } else if (!visible && present) group.removeLayer(layer)
      if (visible) shown += 1
    }
    map.getContainer().dataset.parcelsShown = String(shown)
  }, [map, group, polygons, visibleIds, hiddenId])

  useEffect(() => {
    const previous = styled.current ? polygons.get(styled.current) : undefined
    previous?.layer.setStyle(styleOf(previous.parcel, false))
    const current = selectedId ? polygons.get(selectedId) : undefined
    if (current) {
      current.layer.setStyle(styleOf(current.parcel, true))
      if (group.hasLayer(current.layer)) current.layer.bringToFront()
    }
    styled.current = selectedId
  }, [group, polygons, selectedId, visibleIds])

  return null
}
