import L from 'leaflet'
import { useEffect, useMemo, useRef } from 'react'
import Supercluster from 'supercluster'
import type { MapBuilding, MapPark } from '../../../../../shared/mapSites'
import type { MapCrs } from '../../../../../shared/types'
import { toDisplay } from '../crs'
import { drawOnEveryMove, useLayerGroup } from './useLayerGroup'

// Sky parks are floors of office towers, so each is drawn as a badge standing just above its host
// buildings' markers: distinct from the vacancy circles. Parks close together on screen share one
// badge with their number (园 3), so zoomed out they do not pile up over the buildings.

interface Props {
  parks: readonly MapPark[]
  buildingsById: ReadonlyMap<string, MapBuilding>
  crs: MapCrs
  selectedId: string | null
  onSelect: (id: string) => void
  tooltip: (park: MapPark) => string
  /** The badge's one character: 园 in Chinese. */
  badge: string
}

export function ParkLayer({ parks, buildingsById, crs, selectedId, onSelect, tooltip, badge }: Props) {
  const { map, group } = useLayerGroup()
  const callbacks = useRef({ onSelect, tooltip })
  callbacks.current = { onSelect, tooltip }

  const placed = useMemo(
    () =>
      parks.flatMap((park) =>
        park.hosts.flatMap((host) => {
          const b = buildingsById.get(host.buildingId)
          return b && b.lng != null && b.lat != null ? [{ park, point: toDisplay(crs, [b.lng, b.lat]) }] : []
        }),
      ),
    [parks, buildingsById, crs],
  )
  const index = useMemo(() => {
    const sc = new Supercluster<{ index: number }>({ radius: 36, maxZoom: 16 })
    sc.load(placed.map((p, i) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: p.point }, properties: { index: i } })))
    return sc
  }, [placed])

  useEffect(() => {
    const draw = () => {
      group.clearLayers()
      const b = map.getBounds().pad(0.25)
      let shown = 0
      for (const item of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], Math.round(map.getZoom()))) {
        const [lng, lat] = item.geometry.coordinates as [number, number]
        const props = item.properties
        if ('cluster' in props && props.cluster) {
          const clusterId = props.cluster_id
          const icon = L.divIcon({ className: 'park-badge park-badge--group', html: `<span>${badge} ${props.point_count}</span>`, iconSize: [40, 22], iconAnchor: [20, 32] })
          L.marker([lat, lng], { icon, keyboard: false, zIndexOffset: 500 })
            .on('click', () => map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), 18)))
            .addTo(group)
          shown += props.point_count
          continue
        }
        const { park } = placed[(props as { index: number }).index]!
        const selected = park.id === selectedId
        const icon = L.divIcon({
          className: `park-badge${selected ? ' park-badge--selected' : ''}`,
          html: `<span data-park-id="${park.id}">${badge}</span>`,
          iconSize: [22, 22],
          iconAnchor: [11, 32],
        })
        L.marker([lat, lng], { icon, keyboard: false, zIndexOffset: 500 })
          .bindTooltip(() => callbacks.current.tooltip(park), { direction: 'top', offset: [0, -30] })
          .on('click', () => callbacks.current.onSelect(park.id))
          .addTo(group)
        shown += 1
      }
      map.getContainer().dataset.parksShown = String(shown)
    }
    return drawOnEveryMove(map, draw)
  }, [map, group, index, placed, selectedId, badge])

  return null
}
