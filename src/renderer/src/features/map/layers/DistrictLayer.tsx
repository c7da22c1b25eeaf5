import centroid from '@turf/centroid'
import { useQueries } from '@tanstack/react-query'
import L from 'leaflet'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useMapEvent } from 'react-leaflet'
import type { BoundaryCity, BoundaryFeatureCollection, MapCrs } from '../../../../../shared/types'
import { api } from '../../../api/client'
import { escapeHtml } from '../../../lib/html'
import { latLngOf, toDisplay } from '../crs'
import { useLayerGroup } from './useLayerGroup'

// The embedded basemap: district boundaries with their names, for any city in China, loaded city
// by city as the map comes to them (each city is a small file in resources/boundaries). Zoomed out,
// every city's outline is drawn from one light overview instead.

/** Below this zoom the overview of all cities is drawn instead of districts. */
const DISTRICT_ZOOM = 8
/** At most this many cities' districts are loaded at once (a view over a whole province). */
const MAX_CITIES = 8

const DISTRICT_STYLE: L.PathOptions = { color: '#7b8794', weight: 1.2, dashArray: '5 4', fill: true, fillColor: '#fbfaf6', fillOpacity: 0.5, interactive: false }
const CITY_STYLE: L.PathOptions = { color: '#9aa5b1', weight: 1, fill: true, fillColor: '#fbfaf6', fillOpacity: 0.4, interactive: false }

interface Props {
  cities: readonly BoundaryCity[]
  overview: BoundaryFeatureCollection | undefined
  crs: MapCrs
  /** Cities the store's sites are in: always loaded, so the district names are there at once. */
  homeCities: readonly string[]
  /** On the built-in map the districts are the paper; over tiles only their lines are drawn. */
  filled: boolean
}

const intersects = (a: [number, number, number, number], b: [number, number, number, number]) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]

function shifted(collection: BoundaryFeatureCollection, crs: MapCrs, renderer: L.Renderer): L.GeoJSON {
  return L.geoJSON(collection as GeoJSON.FeatureCollection, {
    coordsToLatLng: (c) => L.latLng(latLngOf(toDisplay(crs, [c[0]!, c[1]!]))),
    style: () => ({ renderer }),
  })
}

/** Panes of their own keep the boundaries under the sites however late a city arrives. */
function boundaryPanes(map: L.Map): L.Renderer {
  if (!map.getPane('boundaries')) {
    map.createPane('boundaries').style.zIndex = '350'
    const labels = map.createPane('boundaryLabels')
    labels.style.zIndex = '450'
    labels.style.pointerEvents = 'none'
  }
  return L.canvas({ pane: 'boundaries' })
}

export function DistrictLayer({ cities, overview, crs, homeCities, filled }: Props) {
  const { map, group } = useLayerGroup()
  const [view, setView] = useState(() => ({ bounds: map.getBounds(), zoom: map.getZoom() }))
  useMapEvent('moveend', () => setView({ bounds: map.getBounds(), zoom: map.getZoom() }))

  const wanted = useMemo(() => {
    if (view.zoom < DISTRICT_ZOOM) return []
    const box: [number, number, number, number] = [view.bounds.getWest(), view.bounds.getSouth(), view.bounds.getEast(), view.bounds.getNorth()]
    const inView = cities.filter((c) => intersects(c.bbox, box)).map((c) => c.code)
    return [...new Set([...homeCities, ...inView])].slice(0, MAX_CITIES)
  }, [cities, view, homeCities])

  const loaded = useQueries({
    queries: wanted.map((code) => ({
      queryKey: ['boundaries.city', { code }],
      queryFn: () => api.call('boundaries.city', { code }),
      staleTime: Infinity,
      gcTime: 10 * 60_000,
    })),
  })
  const collections = loaded.flatMap((q) => (q.data ? [q.data] : []))
  const key = collections.map((c) => c.features[0]?.properties.cityCode).join(',')

  const renderer = useMemo(() => boundaryPanes(map), [map])

  // Each city's outlines and labels are made once (for this basemap's coordinates) and kept: a zoom
  // across DISTRICT_ZOOM or a new city in view only adds and removes ready layers, instead of
  // parsing every city's shapes and working out every label's place again.
  const built = useRef(new WeakMap<BoundaryFeatureCollection, L.LayerGroup>())
  const crsOfBuilt = useRef(crs)
  if (crsOfBuilt.current !== crs) {
    built.current = new WeakMap()
    crsOfBuilt.current = crs
  }
  const layerOf = (collection: BoundaryFeatureCollection, districts: boolean): L.LayerGroup => {
    const kept = built.current.get(collection)
    if (kept) return kept
    const made = L.layerGroup([shifted(collection, crs, renderer)])
    if (districts) {
      for (const feature of collection.features) {
        const [lng, lat] = centroid(feature as GeoJSON.Feature).geometry.coordinates as [number, number]
        L.marker(latLngOf(toDisplay(crs, [lng, lat])), {
          icon: L.divIcon({ className: 'district-label', html: `<span>${escapeHtml(feature.properties.name)}</span>`, iconSize: [0, 0] }),
          pane: 'boundaryLabels',
          interactive: false,
          keyboard: false,
          zIndexOffset: -1000,
        }).addTo(made)
      }
    }
    built.current.set(collection, made)
    return made
  }
  const outlineOf = (layer: L.LayerGroup) => layer.getLayers()[0] as L.GeoJSON

  useEffect(() => {
    const container = map.getContainer()
    const wantedLayers = new Set<L.LayerGroup>()
    let shown = 0
    if (view.zoom < DISTRICT_ZOOM) {
      if (overview) {
        const layer = layerOf(overview, false)
        outlineOf(layer).setStyle({ ...CITY_STYLE, fill: filled })
        wantedLayers.add(layer)
      }
    } else {
      for (const collection of collections) {
        const layer = layerOf(collection, true)
        outlineOf(layer).setStyle({ ...DISTRICT_STYLE, fill: filled })
        wantedLayers.add(layer)
        shown += collection.features.length
      }
    }
    for (const layer of group.getLayers() as L.LayerGroup[]) if (!wantedLayers.has(layer)) group.removeLayer(layer)
    for (const layer of wantedLayers) if (!group.hasLayer(layer)) group.addLayer(layer)
    container.dataset.districtsShown = String(shown)
    // `key` names the loaded cities: redraw when that set changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, group, renderer, key, overview, crs, filled, view.zoom < DISTRICT_ZOOM])

  return null
}
