import L from 'leaflet'
import { useEffect } from 'react'
import type { MapArea } from '../../../../../shared/mapFilter'
import type { MapCrs } from '../../../../../shared/types'
import { latLngOf, toDisplay } from '../crs'
import { useLayerGroup } from './useLayerGroup'

/** The drawn search area (polygon or radius), outlined over the map. */
export function AreaLayer({ area, crs }: { area: MapArea | null; crs: MapCrs }) {
  const { group } = useLayerGroup()
  useEffect(() => {
    group.clearLayers()
    if (!area) return
    const style: L.PathOptions = { color: '#1f6feb', weight: 2, fillColor: '#1f6feb', fillOpacity: 0.06, interactive: false }
    if (area.type === 'circle') {
      L.circle(latLngOf(toDisplay(crs, area.center)), { radius: area.radius, ...style }).addTo(group)
      L.circleMarker(latLngOf(toDisplay(crs, area.center)), { radius: 4, color: '#1f6feb', fillOpacity: 1, interactive: false }).addTo(group)
    } else {
      L.polygon(area.ring.map((p) => latLngOf(toDisplay(crs, p))), style).addTo(group)
    }
  }, [group, area, crs])
  return null
}
