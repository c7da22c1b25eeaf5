import L from 'leaflet'
import { useEffect, useRef } from 'react'
import type { Boundary } from '../../../../shared/schemas/parcels'
import type { Basemap, BoundaryCity, BoundaryFeatureCollection, MapCrs } from '../../../../shared/types'
import { api } from '../../api/client'
import { escapeHtml } from '../../lib/html'
import { latLngOf, toDisplay } from '../map/crs'
import { labelPoint, type XY } from './labelPlace'
import { useBoundaryCity } from './queries'
import { useReadyTask } from './readiness'

// A site's location for the printed page: a small still Leaflet map (no controls but the scale, no
// animation, no interaction) on the basemap the map screen uses — the active tile basemap, else
// the built-in district boundaries with their names — with the site marked, a parcel's boundary
// drawn and a park's host buildings. Shapes are SVG and names are HTML, so both print as vectors
// and text; overlays are shifted to GCJ-02 on such a basemap, as on the map screen.

export interface SnapshotPoint {
  lng: number
  lat: number
  label: string
  color: string
  /** false: only the name (a parcel's boundary marks the place itself). */
  marker?: boolean
}

interface Props {
  districtCode: string
  points: SnapshotPoint[]
  boundary?: { shape: Boundary; fill: string; stroke: string } | null
  basemap: Basemap | null
  cities: readonly BoundaryCity[] | undefined
}

// Solid lines: a dashed stroke reaches the PDF as thousands of separate dashes.
const DISTRICT_STYLE: L.PathOptions = { color: '#9aa5b1', weight: 1, fillColor: '#fbfaf6', fillOpacity: 1, interactive: false }
const HOME_DISTRICT_STYLE: L.PathOptions = { ...DISTRICT_STYLE, fillColor: '#f3efe2', color: '#52606d', weight: 1.4 }

export function SheetMap({ districtCode, points, boundary, basemap, cities }: Props) {
  const city = basemap ? undefined : cities?.find((c) => c.districts.some((d) => d.code === districtCode))
  const districts = useBoundaryCity(city?.code ?? null)
  const needsBoundaries = !basemap && city !== undefined
  const boundariesReady = !needsBoundaries || districts.data !== undefined || districts.isError
  const container = useRef<HTMLDivElement>(null)
  const viewKey = JSON.stringify([districtCode, points, boundary?.shape ?? null, basemap?.id ?? null])
  const finish = useReadyTask(`map:${viewKey}`)

  useEffect(() => {
    const element = container.current
    if (!element || !boundariesReady) return
    const crs: MapCrs = basemap?.crs ?? 'wgs84'
    const shift = (lng: number, lat: number) => L.latLng(latLngOf(toDisplay(crs, [lng, lat])))
    const map = L.map(element, {
      zoomControl: false, attributionControl: false, dragging: false, touchZoom: false, scrollWheelZoom: false,
      doubleClickZoom: false, boxZoom: false, keyboard: false, zoomAnimation: false, fadeAnimation: false,
      markerZoomAnimation: false, inertia: false, zoomSnap: 0.25,
    })
    const renderer = L.svg({ padding: 0.1 })

    // The view first: tiles load for it, labels are placed in it.
    const site = points.map((p) => shift(p.lng, p.lat))
    const shape = boundary ? L.geoJSON(boundary.shape as GeoJSON.Geometry, { coordsToLatLng: (c) => shift(c[0]!, c[1]!) }) : null
    const maxZoom = basemap ? 17 : 14
    if (shape) map.fitBounds(shape.getBounds().pad(0.6), { maxZoom, animate: false })
    else if (site.length > 1) map.fitBounds(L.latLngBounds(site).pad(0.4), { maxZoom: basemap ? 16 : 14, animate: false })
    else if (site.length === 1) map.setView(site[0]!, basemap ? 15 : 12, { animate: false })

    let done = false
    const ready = () => {
      if (done) return
      done = true
      element.dataset.ready = '1'
      finish()
    }

    if (basemap) {
      const tiles = L.tileLayer(api.assetUrl(basemap.tilePath), {
        minZoom: 0, maxZoom: 22, minNativeZoom: basemap.minZoom, maxNativeZoom: basemap.maxZoom, updateWhenIdle: false, keepBuffer: 0,
      })
      tiles.on('load', () => void flattenTiles(map, tiles).finally(ready))
      tiles.addTo(map)
    } else if (districts.data) {
      drawDistricts(map, districts.data, districtCode, shift, renderer, site)
    }

    if (shape && boundary) {
      L.geoJSON(boundary.shape as GeoJSON.Geometry, {
        coordsToLatLng: (c) => shift(c[0]!, c[1]!),
        style: () => ({ renderer, color: boundary.stroke, weight: 2.5, fillColor: boundary.fill, fillOpacity: 0.55, interactive: false }),
      }).addTo(map)
    }
    site.forEach((at, i) => {
      const p = points[i]!
      if (p.marker !== false) L.circleMarker(at, { renderer, radius: 8, color: '#ffffff', weight: 2.5, fillColor: p.color, fillOpacity: 1, interactive: false }).addTo(map)
      // A parcel's name goes beside its boundary, not over it.
      const labelAt = p.marker === false && shape ? L.latLng(shape.getBounds().getCenter().lat, shape.getBounds().getEast()) : at
      L.marker(labelAt, {
        icon: L.divIcon({ className: 'sheet-map__label', html: `<span>${escapeHtml(p.label)}</span>`, iconSize: [0, 0] }),
        interactive: false, keyboard: false,
      }).addTo(map)
    })
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map)
    const centre = map.getCenter()
    element.dataset.center = `${centre.lng.toFixed(6)},${centre.lat.toFixed(6)}`
    if (!basemap) ready()
    return () => {
      map.remove()
    }
    // `viewKey` stands for points, boundary and basemap; `finish` is this view's task.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewKey, boundariesReady, districts.data])

  if (points.length === 0 && !boundary) return <div className="sheet-map sheet-map--none">尚未在地图上定位</div>
  return (
    <figure className="sheet-map-figure">
      <div ref={container} className="sheet-map" aria-hidden="true" />
      {basemap && <figcaption className="sheet-map__credit">底图：{basemap.attribution ?? basemap.name}</figcaption>}
    </figure>
  )
}

function drawDistricts(
  map: L.Map,
  collection: BoundaryFeatureCollection,
  home: string,
  shift: (lng: number, lat: number) => L.LatLng,
  renderer: L.Renderer,
  sites: readonly L.LatLng[],
): void {
  // A district's name never sits on the site's own label (to the right of its mark).
  const marks = sites.map((s) => map.latLngToContainerPoint(s))
  const clear = (p: L.Point) => marks.every((m) => Math.abs(p.y - m.y) > 30 || p.x < m.x - 100 || p.x > m.x + 170)
  L.geoJSON(collection as GeoJSON.FeatureCollection, {
    coordsToLatLng: (c) => shift(c[0]!, c[1]!),
    style: (f) => ({ ...(f?.properties?.code === home ? HOME_DISTRICT_STYLE : DISTRICT_STYLE), renderer }),
  }).addTo(map)
  // Names go at the middle of each district's visible part, in display coordinates.
  const b = map.getBounds().pad(-0.06)
  const view = { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() }
  for (const feature of collection.features) {
    const g = feature.geometry
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
    const outer = polygons.map((rings) => (rings[0] ?? []).map(([lng, lat]): XY => {
      const at = shift(lng!, lat!)
      return [at.lng, at.lat]
    }))
    const at = labelPoint(outer, view)
    if (!at || !clear(map.latLngToContainerPoint(L.latLng(at[1], at[0])))) continue
    L.marker(L.latLng(at[1], at[0]), {
      icon: L.divIcon({ className: 'sheet-map__district', html: `<span>${escapeHtml(feature.properties.name)}</span>`, iconSize: [0, 0] }),
      interactive: false, keyboard: false, zIndexOffset: -1000,
    }).addTo(map)
  }
}

/** Pixels per CSS pixel of the flattened tile picture: about 190 dpi on paper. */
const FLAT_SCALE = 2

/**
 * The loaded tiles drawn into one JPEG under the overlays, in place of the tile images: a PDF
 * embeds every tile as its own lossless image, and twenty maps of a dozen tiles each would make
 * the sheet too big to send. The tiles come from the page's own origin, so the canvas stays
 * readable; if it cannot be read the tiles stay as they are.
 */
async function flattenTiles(map: L.Map, tiles: L.TileLayer): Promise<void> {
  const container = map.getContainer()
  const box = container.getBoundingClientRect()
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(box.width * FLAT_SCALE)
  canvas.height = Math.round(box.height * FLAT_SCALE)
  const g = canvas.getContext('2d')
  if (!g) return
  g.fillStyle = '#eef1f4'
  g.fillRect(0, 0, canvas.width, canvas.height)
  for (const img of tiles.getContainer()?.querySelectorAll<HTMLImageElement>('img.leaflet-tile-loaded') ?? []) {
    const r = img.getBoundingClientRect()
    g.drawImage(img, (r.left - box.left) * FLAT_SCALE, (r.top - box.top) * FLAT_SCALE, r.width * FLAT_SCALE, r.height * FLAT_SCALE)
  }
  let url: string
  try {
    url = canvas.toDataURL('image/jpeg', 0.8)
  } catch {
    return
  }
  const picture = document.createElement('img')
  picture.className = 'sheet-map__tiles'
  picture.alt = ''
  picture.src = url
  picture.style.cssText = `position:absolute;left:0;top:0;width:${box.width}px;height:${box.height}px;z-index:150`
  await picture.decode().catch(() => undefined)
  tiles.remove()
  container.appendChild(picture)
}