import { useEffect, useRef } from 'react'
import { TileLayer, useMap } from 'react-leaflet'
import type { Basemap, MapCrs } from '../../../../../shared/types'
import { api } from '../../../api/client'
import { escapeHtml } from '../../../lib/html'
import { fromDisplay, latLngOf, toDisplay } from '../crs'

/** The tiles of the active basemap, served by the host from the package or the online cache. */
export function BasemapLayer({ basemap }: { basemap: Basemap }) {
  return (
    <TileLayer
      key={basemap.id}
      url={api.assetUrl(basemap.tilePath)}
      minZoom={0}
      maxZoom={22}
      minNativeZoom={basemap.minZoom}
      maxNativeZoom={basemap.maxZoom}
      // Leaflet shows credits as HTML; a package's metadata is text and must stay text.
      attribution={escapeHtml(basemap.attribution ?? basemap.name)}
      zIndex={1}
    />
  )
}

/**
 * When the basemap's coordinate system changes, the same place has other map coordinates: keep
 * looking at the same place rather than jumping a few hundred metres.
 */
export function KeepPlaceOnCrsChange({ crs }: { crs: MapCrs }) {
  const map = useMap()
  const previous = useRef(crs)
  useEffect(() => {
    if (previous.current === crs) return
    const c = map.getCenter()
    const place = fromDisplay(previous.current, [c.lng, c.lat])
    previous.current = crs
    map.setView(latLngOf(toDisplay(crs, place)), map.getZoom(), { animate: false })
  }, [map, crs])
  return null
}
