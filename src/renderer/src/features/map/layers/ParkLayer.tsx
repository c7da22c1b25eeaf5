import L from 'leaflet'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { MapBuilding, MapPark } from '../../../../../shared/mapSites'
import type { MapCrs } from '../../../../../shared/types'
import { latLngOf, toDisplay } from '../crs'
import { BUILDINGS_DRAWN, type Item } from './BuildingLayer'
import { useLayerGroup } from './useLayerGroup'

// Sky parks are floors of office towers, so each wears a badge beside what stands for its host
// building on the map: the building's circle, or the bubble its building is grouped into. The
// badge sits at the circle's or bubble's upper right, outside it, so both stay clickable: the
// badge opens the park, the bubble zooms in, the circle opens the building. Parks beside one
// circle or bubble share a badge with their number (园 3). Badges are kept, not made again, while
// what they stand beside stays the same: a pan that changes no bubble touches no badge.

interface Props {
  parks: readonly MapPark[]
  buildingsById: ReadonlyMap<string, MapBuilding>
  /** The buildings the building layer draws (the filter's): a park whose host is not among them stands at the host's place. */
  drawnBuildings: readonly MapBuilding[]
  crs: MapCrs
  selectedId: string | null
  onSelect: (id: string) => void
  tooltip: (park: MapPark) => string
  /** The badge's one character: 园 in Chinese. */
  badge: string
}

const BADGE = 22
const GROUP_WIDTH = 40

/** A badge: the parks beside one painted circle or bubble (or beside their host, with no buildings drawn). */
interface Badge {
  key: string
  parks: MapPark[]
  /** Display lat/lng of what it stands beside, and that thing's radius in px. */
  lat: number
  lng: number
  radius: number
  /** The hosts' positions, for zooming in on a group. */
  hosts: L.LatLng[]
}

function badgesOf(placed: ReadonlyArray<{ park: MapPark; at: L.LatLng; buildingId: string }>, items: readonly Item[] | null, drawn: ReadonlySet<string>, map: L.Map): Badge[] {
  const byKey = new Map<string, Badge>()
  const circles = new Map<string, Item>()
  const bubbles: Item[] = []
  for (const item of items ?? []) {
    if (item.building) circles.set(item.building.id, item)
    else bubbles.push(item)
  }
  for (const { park, at, buildingId } of placed) {
    let beside: { lat: number; lng: number; radius: number; key: string } = { lat: at.lat, lng: at.lng, radius: 6, key: `host:${buildingId}` }
    const circle = circles.get(buildingId)
    if (circle) beside = { lat: circle.lat, lng: circle.lng, radius: circle.radius, key: `building:${buildingId}` }
    else if (bubbles.length > 0 && drawn.has(buildingId)) {
      // The bubble a building is grouped into is the one nearest it (supercluster gathers points
      // around the bubble's middle).
      const p = map.latLngToLayerPoint(at)
      let best: Item | null = null
      let bestDistance = Infinity
      for (const b of bubbles) {
        const d = (b.x - p.x) ** 2 + (b.y - p.y) ** 2
        if (d < bestDistance) [best, bestDistance] = [b, d]
      }
      if (best && Math.sqrt(bestDistance) < 200) beside = { lat: best.lat, lng: best.lng, radius: best.radius, key: `cluster:${best.cluster!.id}` }
    }
    const badge = byKey.get(beside.key)
    if (badge) {
      if (!badge.parks.includes(park)) badge.parks.push(park)
      badge.hosts.push(at)
    } else byKey.set(beside.key, { key: beside.key, parks: [park], lat: beside.lat, lng: beside.lng, radius: beside.radius, hosts: [at] })
  }
  return [...byKey.values()]
}

export function ParkLayer({ parks, buildingsById, drawnBuildings, crs, selectedId, onSelect, tooltip, badge }: Props) {
  const { map, group } = useLayerGroup()
  const callbacks = useRef({ onSelect, tooltip })
  callbacks.current = { onSelect, tooltip }
  const [items, setItems] = useState<{ list: readonly Item[] | null }>({ list: null })

  useEffect(() => {
    const drawn = (e: L.LeafletEvent) => setItems({ list: (e as L.LeafletEvent & { items: Item[] | null }).items })
    map.on(BUILDINGS_DRAWN, drawn)
    return () => {
      map.off(BUILDINGS_DRAWN, drawn)
    }
  }, [map])

  const placed = useMemo(
    () =>
      parks.flatMap((park) =>
        park.hosts.flatMap((host) => {
          const b = buildingsById.get(host.buildingId)
          return b && b.lng != null && b.lat != null ? [{ park, at: L.latLng(latLngOf(toDisplay(crs, [b.lng, b.lat]))), buildingId: b.id }] : []
        }),
      ),
    [parks, buildingsById, crs],
  )

  const drawn = useMemo(() => new Set(drawnBuildings.map((b) => b.id)), [drawnBuildings])

  /** The markers on the map, by what they show; kept while that stays the same. */
  const shown = useRef(new Map<string, L.Marker>())

  useEffect(() => {
    const next = new Map<string, L.Marker>()
    let count = 0
    for (const b of badgesOf(placed, items.list, drawn, map)) {
      const selected = b.parks.some((p) => p.id === selectedId)
      const grouped = b.parks.length > 1
      const width = grouped ? GROUP_WIDTH : BADGE
      // The badge's lower left corner just outside the circle, up and to the right of its middle.
      const off = Math.round(b.radius * 0.71) + 1
      const key = `${b.key}|${b.lat},${b.lng}|${off}|${b.parks.map((p) => p.id).join(',')}|${selected}|${badge}`
      count += b.parks.length
      const kept = shown.current.get(key)
      if (kept) {
        next.set(key, kept)
        continue
      }
      const ids = b.parks.map((p) => p.id).join(' ')
      const icon = L.divIcon({
        className: `park-badge${grouped ? ' park-badge--group' : ''}${selected ? ' park-badge--selected' : ''}`,
        html: `<span data-park-id="${ids}" data-beside="${b.key}" data-beside-at="${b.lng},${b.lat}" data-beside-radius="${b.radius}">${grouped ? `${badge} ${b.parks.length}` : badge}</span>`,
        iconSize: [width, BADGE],
        iconAnchor: [-off, BADGE + off],
      })
      const marker = L.marker([b.lat, b.lng], { icon, keyboard: false, zIndexOffset: 500 })
      if (grouped) {
        const hosts = L.latLngBounds(b.hosts)
        const oneBuilding = hosts.getNorthEast().equals(hosts.getSouthWest())
        marker.bindTooltip(() => b.parks.map((p) => callbacks.current.tooltip(p)).join('<br>'), { direction: 'top', offset: [width / 2 + off, -BADGE - off] })
        // Parks in one building open the first (its card lists the others); else zoom in on them.
        marker.on('click', () => (oneBuilding ? callbacks.current.onSelect(b.parks[0]!.id) : map.fitBounds(hosts, { padding: [60, 60], maxZoom: 18 })))
      } else {
        marker.bindTooltip(() => callbacks.current.tooltip(b.parks[0]!), { direction: 'top', offset: [BADGE / 2 + off, -BADGE - off] })
        marker.on('click', () => callbacks.current.onSelect(b.parks[0]!.id))
      }
      marker.addTo(group)
      next.set(key, marker)
    }
    for (const [key, marker] of shown.current) if (!next.has(key)) group.removeLayer(marker)
    shown.current = next
    map.getContainer().dataset.parksShown = String(count)
  }, [map, group, placed, items, drawn, selectedId, badge])

  return null
}
