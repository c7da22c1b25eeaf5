import L from 'leaflet'
import { useEffect, useState } from 'react'
import type { FilteredSites } from '../../../../shared/mapFilter'
import type { MapBuilding, SiteRef } from '../../../../shared/mapSites'
import type { MapCrs } from '../../../../shared/types'
import { fromDisplay, latLngOf, toDisplay, type LngLat } from './crs'
import { showInFreeArea } from './MapBehaviour'

// Where the sites a filter keeps are: to frame them all ("show all"), and to tell a person when
// the map looks at a place without any of them.

/** WGS-84 positions of the kept sites: placed buildings, parcels, and parks at their host buildings. */
export function sitePoints(filtered: FilteredSites, buildingsById: ReadonlyMap<string, MapBuilding>): LngLat[] {
  const points: LngLat[] = []
  for (const b of filtered.buildings) if (b.lng != null && b.lat != null) points.push([b.lng, b.lat])
  for (const p of filtered.parcels) if (p.lng != null && p.lat != null) points.push([p.lng, p.lat])
  for (const park of filtered.parks) {
    for (const h of park.hosts) {
      const b = buildingsById.get(h.buildingId)
      if (b && b.lng != null && b.lat != null) points.push([b.lng, b.lat])
    }
  }
  return points
}

/** Frames every point in the part of the map no card or legend covers. */
export function fitPoints(map: L.Map, points: readonly LngLat[], crs: MapCrs): void {
  if (points.length === 0) return
  const bounds = L.latLngBounds(points.map((p) => latLngOf(toDisplay(crs, p))))
  showInFreeArea(map, bounds, { zoomToFit: true, maxZoom: 16 })
}

/** Whether a kept site is the one shown, for closing the card of a site a filter hides. */
export function isKept(ref: SiteRef, filtered: FilteredSites): boolean {
  const list: ReadonlyArray<{ id: string }> = ref.kind === 'building' ? filtered.buildings : ref.kind === 'parcel' ? filtered.parcels : filtered.parks
  return list.some((s) => s.id === ref.id)
}

/**
 * True while the map shows none of `points` (and there are some): checked after every move, with
 * the view turned into WGS-84 once rather than every point into the basemap's coordinates.
 */
export function useNothingInView(map: L.Map | null, points: readonly LngLat[], crs: MapCrs): boolean {
  const [nothing, setNothing] = useState(false)
  useEffect(() => {
    if (!map) return
    const check = () => {
      if (points.length === 0) return setNothing(false)
      const b = map.getBounds()
      const [w, s] = fromDisplay(crs, [b.getWest(), b.getSouth()])
      const [e, n] = fromDisplay(crs, [b.getEast(), b.getNorth()])
      setNothing(!points.some(([lng, lat]) => lng >= w && lng <= e && lat >= s && lat <= n))
    }
    check()
    map.on('moveend', check)
    return () => {
      map.off('moveend', check)
    }
  }, [map, points, crs])
  return nothing
}
