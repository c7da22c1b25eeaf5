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
//
// A pan or zoom changes only what it must: a circle or bubble is made the first time it is shown
// and kept, and each move adds the ones that came into view and removes the ones that left. One
// tooltip and one click handler on the group serve every circle; a new selection restyles two
// circles. The cluster index is rebuilt only when the filtered buildings (or the basemap's
// coordinate system) change.

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

type BuildingIndex = Supercluster<PointProps, { vacant: number; leasable: number }>

/** A building's circle knows its building: the group's tooltip and click handler read it. */
interface BuildingCircle extends L.CircleMarker {
  building: MapBuilding
  selectedStyle: boolean
}

const circleStyle = (b: MapBuilding, selected: boolean): L.PathOptions => ({
  color: selected ? '#1f6feb' : '#ffffff',
  weight: selected ? 3 : 1.2,
  fillColor: vacancyClass(b.vacancyRate).color,
  fillOpacity: 0.92,
})

export function BuildingLayer({ buildings, crs, selectedId, onSelect, tooltip }: Props) {
  const { map, group: circles } = useLayerGroup(() => L.featureGroup())
  const { group: bubbles } = useLayerGroup()
  const callbacks = useRef({ onSelect, tooltip })
  callbacks.current = { onSelect, tooltip }
  const selected = useRef(selectedId)
  selected.current = selectedId

  const placed = useMemo(() => buildings.filter((b) => b.lng != null && b.lat != null), [buildings])
  const index = useMemo((): BuildingIndex => {
    const sc: BuildingIndex = new Supercluster({
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

  // One tooltip and one click handler for every circle, bound once.
  useEffect(() => {
    circles.bindTooltip((layer) => callbacks.current.tooltip((layer as BuildingCircle).building), { direction: 'top', offset: [0, -6] })
    const click = (e: L.LeafletMouseEvent) => {
      L.DomEvent.stopPropagation(e)
      const circle = (e.propagatedFrom ?? e.layer) as BuildingCircle | undefined
      if (circle?.building) callbacks.current.onSelect(circle.building.id)
    }
    circles.on('click', click)
    return () => {
      circles.off('click', click)
      circles.unbindTooltip()
    }
  }, [circles])

  // Circles are kept per building (the same objects through every filter) for as long as the
  // coordinate system holds; bubbles per cluster of this index and zoom.
  const made = useMemo(() => ({ crs, circles: new WeakMap<MapBuilding, BuildingCircle>(), shown: new Set<BuildingCircle>() }), [crs])

  // Circles of another coordinate system are taken off when it changes.
  useEffect(
    () => () => {
      for (const circle of made.shown) circles.removeLayer(circle)
      made.shown.clear()
    },
    [circles, made],
  )

  useEffect(() => {
    const container = map.getContainer()
    const madeBubbles = new Map<number, L.Marker>()
    const shownBubbles = new Set<number>()
    let bubbleZoom = -1

    const circleOf = (b: MapBuilding, lat: number, lng: number): BuildingCircle => {
      let circle = made.circles.get(b)
      const isSelected = b.id === selected.current
      if (!circle) {
        circle = L.circleMarker([lat, lng], {
          site: true,
          pmIgnore: true,
          interactive: !isPicking(map),
          radius: markerRadius(b.leasableArea),
          ...circleStyle(b, isSelected),
        }) as BuildingCircle
        circle.building = b
        circle.selectedStyle = isSelected
        made.circles.set(b, circle)
      } else {
        // A kept circle missed any tool switch or selection while off the map: it takes the current state.
        circle.options.interactive = !isPicking(map)
        if (circle.selectedStyle !== isSelected) {
          circle.setStyle(circleStyle(b, isSelected))
          circle.selectedStyle = isSelected
        }
      }
      return circle
    }

    const bubbleOf = (id: number, count: number, vacant: number, leasable: number, lat: number, lng: number): L.Marker => {
      let bubble = madeBubbles.get(id)
      if (!bubble) {
        const rate = leasable > 0 ? vacant / leasable : null
        const size = Math.round(22 + Math.min(18, Math.log2(count) * 3))
        const icon = L.divIcon({
          className: 'building-cluster',
          html: `<div style="width:${size}px;height:${size}px;line-height:${size}px;background:${vacancyClass(rate).color}">${formatBubbleCount(count)}</div>`,
          iconSize: [size, size],
        })
        bubble = L.marker([lat, lng], { icon, keyboard: false, pmIgnore: true }).on('click', () =>
          map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(id), 18)),
        )
        madeBubbles.set(id, bubble)
      }
      return bubble
    }

    const draw = () => {
      const bounds = map.getBounds().pad(0.25)
      const zoom = Math.round(map.getZoom())
      // Cluster ids belong to one zoom level: the bubbles made for another are let go.
      if (zoom !== bubbleZoom) {
        for (const id of madeBubbles.keys()) if (!shownBubbles.has(id)) madeBubbles.delete(id)
        bubbleZoom = zoom
      }
      const items = index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom)
      const nextCircles = new Set<BuildingCircle>()
      const nextBubbles = new Set<number>()
      let shown = 0
      for (const item of items) {
        const [lng, lat] = item.geometry.coordinates as [number, number]
        const props = item.properties
        if ('cluster' in props && props.cluster) {
          shown += props.point_count
          nextBubbles.add(props.cluster_id)
          if (!shownBubbles.has(props.cluster_id)) bubbles.addLayer(bubbleOf(props.cluster_id, props.point_count, props.vacant, props.leasable, lat, lng))
        } else {
          shown += 1
          const circle = circleOf(placed[(props as PointProps).index]!, lat, lng)
          nextCircles.add(circle)
          if (!made.shown.has(circle)) circles.addLayer(circle)
        }
      }
      for (const circle of made.shown) if (!nextCircles.has(circle)) circles.removeLayer(circle)
      for (const id of shownBubbles) if (!nextBubbles.has(id)) bubbles.removeLayer(madeBubbles.get(id)!)
      made.shown.clear()
      for (const circle of nextCircles) made.shown.add(circle)
      shownBubbles.clear()
      for (const id of nextBubbles) shownBubbles.add(id)
      // Read by the end-to-end tests and the benchmark: what the layer drew for this view.
      container.dataset.buildingsPlaced = String(placed.length)
      container.dataset.buildingsShown = String(shown)
    }
    const stop = drawOnEveryMove(map, draw)
    return () => {
      stop()
      // The circles stay for the next index's first draw, which removes only those it does not show.
      bubbles.clearLayers()
    }
  }, [map, circles, bubbles, index, placed, made])

  // A new selection restyles the circle it leaves and the one it takes; nothing else is redrawn.
  useEffect(() => {
    for (const circle of made.shown) {
      const isSelected = circle.building.id === selectedId
      if (circle.selectedStyle === isSelected) continue
      circle.setStyle(circleStyle(circle.building, isSelected))
      circle.selectedStyle = isSelected
      if (isSelected) circle.bringToFront()
    }
  }, [made, selectedId])

  return null
}
