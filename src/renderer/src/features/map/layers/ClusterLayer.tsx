import circle from '@turf/circle'
import convex from '@turf/convex'
import { featureCollection, point } from '@turf/helpers'
import L from 'leaflet'
import { useEffect } from 'react'
import type { MapBuilding, MapCluster } from '../../../../../shared/mapSites'
import type { MapCrs } from '../../../../../shared/types'
import { latLngOf, toDisplay, type LngLat } from '../crs'
import { isPicking } from '../tools/picking'
import { useLayerGroup } from './useLayerGroup'

// A building cluster (楼宇聚集区) is drawn as the outline around its buildings: their convex hull,
// or a small circle for one or two buildings, dashed so it reads as an area, not a parcel.

interface Props {
  clusters: readonly MapCluster[]
  buildings: readonly MapBuilding[]
  crs: MapCrs
  tooltip: (cluster: MapCluster, buildingCount: number) => string
}

export function clusterOutline(points: LngLat[]): LngLat[] | null {
  if (points.length === 0) return null
  if (points.length >= 3) {
    const hull = convex(featureCollection(points.map((p) => point(p))))
    if (hull) return hull.geometry.coordinates[0] as LngLat[]
  }
  // One or two buildings (or all in a line): a circle around their middle, 250 m beyond them.
  const lng = points.reduce((s, p) => s + p[0], 0) / points.length
  const lat = points.reduce((s, p) => s + p[1], 0) / points.length
  const spread = Math.max(...points.map((p) => Math.hypot((p[0] - lng) * 85_000, (p[1] - lat) * 111_000)))
  return circle([lng, lat], spread + 250, { units: 'meters', steps: 32 }).geometry.coordinates[0] as LngLat[]
}

export function ClusterLayer({ clusters, buildings, crs, tooltip }: Props) {
  const { map, group } = useLayerGroup()

  useEffect(() => {
    group.clearLayers()
    const members = new Map<string, LngLat[]>()
    for (const b of buildings) {
      if (!b.clusterId || b.lng == null || b.lat == null) continue
      const points = members.get(b.clusterId)
      if (points) points.push(toDisplay(crs, [b.lng, b.lat]))
      else members.set(b.clusterId, [toDisplay(crs, [b.lng, b.lat])])
    }
    for (const cluster of clusters) {
      const points = members.get(cluster.id) ?? []
      const outline = clusterOutline(points)
      if (!outline) continue
      L.polygon(outline.map(latLngOf), {
        color: '#3a5f8f',
        weight: 2,
        dashArray: '6 5',
        fillColor: '#3a5f8f',
        fillOpacity: 0.05,
        site: true,
        interactive: !isPicking(map),
      })
        .bindTooltip(tooltip(cluster, points.length), { sticky: true })
        .addTo(group)
    }
  }, [map, group, clusters, buildings, crs, tooltip])

  return null
}
