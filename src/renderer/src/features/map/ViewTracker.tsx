import { useEffect, useRef } from 'react'
import { useMap } from 'react-leaflet'
import type { MapCrs } from '../../../../shared/types'
import { fromDisplay } from './crs'
import type { MapView } from './mapState'

/**
 * Reports where the map looks (in WGS-84, whatever the basemap) so the view is kept across
 * restarts, and exposes it on the container for the end-to-end tests.
 */
export function ViewTracker({ crs, onView }: { crs: MapCrs; onView: (view: MapView) => void }) {
  const map = useMap()
  const onViewRef = useRef(onView)
  onViewRef.current = onView
  useEffect(() => {
    const report = () => {
      const c = map.getCenter()
      const zoom = map.getZoom()
      const container = map.getContainer()
      container.dataset.zoom = String(zoom)
      container.dataset.center = `${c.lng},${c.lat}`
      container.dataset.crs = crs
      onViewRef.current({ center: fromDisplay(crs, [c.lng, c.lat]), zoom })
    }
    report()
    map.on('moveend', report)
    return () => {
      map.off('moveend', report)
    }
  }, [map, crs])
  return null
}
