import L from 'leaflet'
import { useEffect, useMemo, useRef } from 'react'
import Supercluster from 'supercluster'
import type { MapBuilding } from '../../../../../shared/mapSites'
import { markerRadius, vacancyClass } from '../../../../../shared/vacancyColors'
import { isPicking } from '../tools/picking'
import { formatBubbleCount } from '../../../lib/format'
import { toDisplay } from '../crs'
import type { MapCrs } from '../../../../../shared/types'
import { drawOnEveryMove, useLayerGroup } from './useLayerGroup'

// Thousands of buildings stay smooth: they are clustered with supercluster for the current view
// and drawn as circles on the map's one canvas (shared with the parcels, so that a click finds
// whichever is under it — a second canvas on top would swallow the clicks meant for the first), so a redraw touches only what is visible and no
// React component exists per building. Cluster bubbles (a few dozen at a time) are DOM markers
// so their counts can be read.

interface Props {
  buildings: readonly MapBuilding[]
  crs: MapCrs
  selectedId: string | null
  onSelect: (id: string) => void
  tooltip: (b: MapBuilding) => string
}

interface PointProps {
  index: number
  vacant: number
  leasable: number
}

export function BuildingLayer({ buildings, crs, selectedId, onSelect, tooltip }: Props) {
  const { map, group } = useLayerGroup()
  const callbacks = useRef({ onSelect, tooltip })
  callbacks.current = { onSelect, tooltip }

  const placed = useMemo(() => buildings.filter((b) => b.lng != null && b.lat != null), [buildings])
  const index = useMemo(() => {
    const sc = new Supercluster<PointProps, { vacant: number; leasable: number }>({
      radius: 64,
      maxZoom: 15,
      map: (p) => ({ vacant: p.vacant, leasable: p.leasable }),
      reduce: (acc, p) => {
        acc.vacant += p.vacant
        acc.leasable += p.leasable
      },
    })
    sc.load(
      placed.map((b, i) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: toDisplay(crs, [b.lng!, b.lat!]) },
        properties: { index: i, vacant: b.vacantArea, leasable: b.leasableArea },
      })),
    )
    return sc
  }, [placed, crs])


  useEffect(() => {
    const container = map.getContainer()
    const draw = () => {
      group.clearLayers()
      const bounds = map.getBounds().pad(0.25)
      const zoom = Math.round(map.getZoom())
      const items = index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom)
      let shown = 0
      for (const item of items) {
        const [lng, lat] = item.geometry.coordinates as [number, number]
        const props = item.properties
        if ('cluster' in props && props.cluster) {
          shown += props.point_count
          const rate = props.leasable > 0 ? props.vacant / props.leasable : null
          const size = Math.round(22 + Math.min(18, Math.log2(props.point_count) * 3))
          const icon = L.divIcon({
            className: 'building-cluster',
            html: `<div style="width:${size}px;height:${size}px;line-height:${size}px;background:${vacancyClass(rate).color}">${formatBubbleCount(props.point_count)}</div>`,
            iconSize: [size, size],
          })
          const clusterId = props.cluster_id
          L.marker([lat, lng], { icon, keyboard: false })
            .on('click', () => map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), 18)))
            .addTo(group)
        } else {
          shown += 1
          const b = placed[(props as PointProps).index]!
          const selected = b.id === selectedId
          L.circleMarker([lat, lng], {
            site: true,
            interactive: !isPicking(map),
            radius: markerRadius(b.leasableArea),
            color: selected ? '#1f6feb' : '#ffffff',
            weight: selected ? 3 : 1.2,
            fillColor: vacancyClass(b.vacancyRate).color,
            fillOpacity: 0.92,
          })
            .bindTooltip(() => callbacks.current.tooltip(b), { direction: 'top', offset: [0, -6] })
            .on('click', (e) => {
              L.DomEvent.stopPropagation(e)
              callbacks.current.onSelect(b.id)
            })
            .addTo(group)
        }
      }
      // Read by the end-to-end tests and the benchmark: what the layer drew for this view.
      container.dataset.buildingsPlaced = String(placed.length)
      container.dataset.buildingsShown = String(shown)
    }
    return drawOnEveryMove(map, draw)
  }, [map, group, index, placed, selectedId])

  return null
}
