import L from 'leaflet'
import { useEffect, useMemo, useRef } from 'react'
import { useMap } from 'react-leaflet'
import Supercluster from 'supercluster'
import type { MapBuilding } from '../../../../../shared/mapSites'
import { markerRadius, vacancyClass } from '../../../../../shared/vacancyColors'
import { formatBubbleCount } from '../../../lib/format'
import { toDisplay } from '../crs'
import type { MapCrs } from '../../../../../shared/types'
import { type CanvasPainter, type PaintedSite, siteCanvasOf, STALE_DASH, STALE_STROKE, staleHatch } from './siteCanvas'

// Ten thousand buildings stay smooth: they are clustered with supercluster for the current view
// and painted straight onto the map's one canvas, over the parcels and outlines (siteCanvas.ts) —
// circles in their vacancy colours, and bubbles with their counts where buildings crowd. No Leaflet
// object and no React component exists per building: a pan or zoom asks the index for the view's
// clusters (a range query) and paints them, a few batched paths in all. The index is rebuilt only
// when the filtered buildings (or the basemap's coordinate system) change; a new selection only
// repaints. Clicks and the hover tooltip find the circle or bubble under the pointer.

interface Props {
  buildings: readonly MapBuilding[]
  crs: MapCrs
  selectedId: string | null
  onSelect: (id: string) => void
  tooltip: (b: MapBuilding) => string
  /** Buildings whose check is before this day are stale: hatched (shared/freshness.ts staleCutoff). */
  staleBefore: string
}

interface PointProps {
  index: number
  vacant: number
  leasable: number
  /** 1 when the building is stale (not verified within the threshold). */
  stale: number
}

type BuildingIndex = Supercluster<PointProps, { vacant: number; leasable: number; stale: number }>

/** One painted circle or bubble, in layer points. */
export interface Item {
  x: number
  y: number
  radius: number
  lat: number
  lng: number
  fill: string
  building: MapBuilding | null
  /** A bubble's cluster and count. */
  cluster: { id: number; count: number } | null
  /** A stale building, or a bubble at least half of whose buildings are stale: hatched. */
  stale: boolean
}

/** Fired on the map with `{ items }` after each whole paint, and `{ items: null }` when the layer goes. */
export const BUILDINGS_DRAWN = 'sites:buildingsdrawn'

const SELECTED_STROKE = '#1f6feb'
/** How far from a circle (px) a click or hover still finds it, as the canvas's own tolerance. */
const HIT_TOLERANCE = 4
const BUBBLE_FONT = '600 12px system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif'

const bubbleRadius = (count: number) => Math.round(22 + Math.min(18, Math.log2(count) * 3)) / 2

interface State {
  index: BuildingIndex
  placed: MapBuilding[]
  selectedId: string | null
}

function buildingPainter(
  state: { current: State },
  callbacks: { current: { onSelect: (id: string) => void; tooltip: (b: MapBuilding) => string } },
): CanvasPainter {
  /** What the last whole paint drew, bottom to top: partial repaints and hits use it. */
  let items: Item[] = []

  const itemsFor = (map: L.Map, view: L.Bounds): { list: Item[]; shown: number } => {
    const { index, placed } = state.current
    const sw = map.layerPointToLatLng(L.point(view.min!.x, view.max!.y))
    const ne = map.layerPointToLatLng(L.point(view.max!.x, view.min!.y))
    const zoom = Math.round(map.getZoom())
    const list: Item[] = []
    let shown = 0
    for (const feature of index.getClusters([Math.max(-180, sw.lng), Math.max(-85, sw.lat), Math.min(180, ne.lng), Math.min(85, ne.lat)], zoom)) {
      const [lng, lat] = feature.geometry.coordinates as [number, number]
      const p = map.latLngToLayerPoint([lat, lng])
      const props = feature.properties
      if ('cluster' in props && props.cluster) {
        shown += props.point_count
        const rate = props.leasable > 0 ? props.vacant / props.leasable : null
        list.push({ x: p.x, y: p.y, lat, lng, radius: bubbleRadius(props.point_count), fill: vacancyClass(rate).color, building: null, cluster: { id: props.cluster_id, count: props.point_count }, stale: props.stale * 2 >= props.point_count })
      } else {
        shown += 1
        const b = placed[(props as PointProps).index]!
        list.push({ x: p.x, y: p.y, lat, lng, radius: markerRadius(b.leasableArea), fill: vacancyClass(b.vacancyRate).color, building: b, cluster: null, stale: (props as PointProps).stale === 1 })
      }
    }
    // Bubbles over circles, as the DOM bubbles were.
    list.sort((a, b) => Number(a.cluster !== null) - Number(b.cluster !== null))
    return { list, shown }
  }

  return {
    place: 'over',
    paint(ctx, map, view, whole) {
      if (whole) {
        const { list, shown } = itemsFor(map, view)
        items = list
        // Read by the end-to-end tests and the benchmark: what the layer drew for this view.
        const container = map.getContainer()
        container.dataset.buildingsPlaced = String(state.current.placed.length)
        container.dataset.buildingsShown = String(shown)
        // The park badges stand beside what is painted here (ParkLayer).
        map.fire(BUILDINGS_DRAWN, { items })
      }
      const { selectedId } = state.current
      const minX = view.min!.x - 40
      const minY = view.min!.y - 40
      const maxX = view.max!.x + 40
      const maxY = view.max!.y + 40
      const inView = (i: Item) => i.x >= minX && i.x <= maxX && i.y >= minY && i.y <= maxY

      // Circles, one path per colour: a white ring, the vacancy colour inside.
      const byColour = new Map<string, Item[]>()
      let selected: Item | null = null
      const bubbles: Item[] = []
      const stale: Item[] = []
      for (const item of items) {
        if (!inView(item)) continue
        if (item.cluster) bubbles.push(item)
        else if (item.building!.id === selectedId) selected = item
        else {
          if (item.stale) stale.push(item)
          const list = byColour.get(item.fill)
          if (list) list.push(item)
          else byColour.set(item.fill, [item])
        }
      }
      const circles = (list: Item[], fill: string, stroke: string, weight: number, opacity: number) => {
        ctx.beginPath()
        for (const i of list) {
          ctx.moveTo(i.x + i.radius, i.y)
          ctx.arc(i.x, i.y, i.radius, 0, Math.PI * 2)
        }
        ctx.globalAlpha = opacity
        ctx.fillStyle = fill
        ctx.fill()
        ctx.globalAlpha = 1
        ctx.strokeStyle = stroke
        ctx.lineWidth = weight
        ctx.stroke()
      }
      for (const [fill, list] of byColour) circles(list, fill, '#ffffff', 1.2, 0.92)
      // Stale buildings: hatched over their colour, with a dashed dark ring (one path for all).
      if (stale.length > 0) {
        ctx.save()
        ctx.beginPath()
        for (const i of stale) {
          ctx.moveTo(i.x + i.radius, i.y)
          ctx.arc(i.x, i.y, i.radius, 0, Math.PI * 2)
        }
        const hatch = staleHatch(ctx)
        if (hatch) {
          ctx.fillStyle = hatch
          ctx.fill()
        }
        ctx.setLineDash(STALE_DASH)
        ctx.strokeStyle = STALE_STROKE
        ctx.lineWidth = 1.4
        ctx.stroke()
        ctx.restore()
      }
      if (selected) circles([selected], selected.fill, SELECTED_STROKE, 3, 0.92)
      if (whole) map.getContainer().dataset.buildingsStale = String(stale.length)

      // Bubbles: a soft shadow, the colour of their buildings' vacancy, a white ring, the count.
      if (bubbles.length > 0) {
        ctx.save()
        ctx.shadowColor = 'rgba(0,0,0,.35)'
        ctx.shadowBlur = 4
        ctx.shadowOffsetY = 1
        for (const b of bubbles) {
          ctx.beginPath()
          ctx.arc(b.x, b.y, b.radius, 0, Math.PI * 2)
          ctx.fillStyle = b.fill
          ctx.fill()
        }
        ctx.restore()
        ctx.beginPath()
        for (const b of bubbles) {
          ctx.moveTo(b.x + b.radius - 1, b.y)
          ctx.arc(b.x, b.y, b.radius - 1, 0, Math.PI * 2)
        }
        ctx.strokeStyle = '#ffffff'
        ctx.lineWidth = 2
        ctx.stroke()
        const staleBubbles = bubbles.filter((b) => b.stale)
        const hatch = staleBubbles.length > 0 ? staleHatch(ctx) : null
        if (hatch) {
          // A hatched band inside the white ring, around the count, so the number stays readable.
          ctx.beginPath()
          for (const b of staleBubbles) {
            ctx.moveTo(b.x + b.radius - 2, b.y)
            ctx.arc(b.x, b.y, b.radius - 2, 0, Math.PI * 2)
            ctx.moveTo(b.x + b.radius - 6, b.y)
            ctx.arc(b.x, b.y, b.radius - 6, 0, Math.PI * 2)
          }
          ctx.fillStyle = hatch
          ctx.fill('evenodd')
        }
        ctx.save()
        ctx.font = BUBBLE_FONT
        ctx.textAlign = 'center'
        ctx.textBaseline = 'middle'
        ctx.fillStyle = '#ffffff'
        ctx.shadowColor = 'rgba(0,0,0,.5)'
        ctx.shadowBlur = 2
        for (const b of bubbles) ctx.fillText(formatBubbleCount(b.cluster!.count), b.x, b.y + 0.5)
        ctx.restore()
        if (whole) map.getContainer().dataset.bubblesStale = String(staleBubbles.length)
      }
    },

    hit(point, map): PaintedSite | null {
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i]!
        const reach = item.radius + (item.cluster ? 0 : HIT_TOLERANCE)
        if ((point.x - item.x) ** 2 + (point.y - item.y) ** 2 > reach * reach) continue
        if (item.cluster) {
          const { id } = item.cluster
          return {
            key: `cluster:${id}`,
            tooltip: null,
            select: () => map.setView([item.lat, item.lng], Math.min(state.current.index.getClusterExpansionZoom(id), 18)),
          }
        }
        const b = item.building!
        return { key: b.id, tooltip: () => callbacks.current.tooltip(b), select: () => callbacks.current.onSelect(b.id) }
      }
      return null
    },
  }
}

function buildIndex(placed: readonly MapBuilding[], crs: MapCrs, staleBefore: string): BuildingIndex {
  const sc: BuildingIndex = new Supercluster({
    radius: 64,
    maxZoom: 15,
    map: (p) => ({ vacant: p.vacant, leasable: p.leasable, stale: p.stale }),
    reduce: (acc, p) => {
      acc.vacant += p.vacant
      acc.leasable += p.leasable
      acc.stale += p.stale
    },
  })
  sc.load(
    placed.map((b, i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: toDisplay(crs, [b.lng!, b.lat!]) },
      // A check sorts before the cutoff day exactly when it is stale ('YYYY-MM-DDV' vs 'YYYY-MM-DD').
      properties: { index: i, vacant: b.vacantArea, leasable: b.leasableArea, stale: b.check < staleBefore ? 1 : 0 },
    })),
  )
  return sc
}

/**
 * The placed buildings and their cluster index, kept per list of buildings, coordinate system and
 * stale cutoff day (which changes with the date or the threshold setting, rarely):
 * the whole list comes back as the same array when a filter is cleared (shared/mapFilter.ts), and
 * its index (about 90 ms at 10,000 buildings) is then used again instead of being rebuilt.
 */
const indexes = new WeakMap<readonly MapBuilding[], Map<string, { placed: MapBuilding[]; index: BuildingIndex }>>()

function indexOf(buildings: readonly MapBuilding[], crs: MapCrs, staleBefore: string): { placed: MapBuilding[]; index: BuildingIndex } {
  let byCrs = indexes.get(buildings)
  if (!byCrs) {
    byCrs = new Map()
    indexes.set(buildings, byCrs)
  }
  const key = `${crs} ${staleBefore}`
  let entry = byCrs.get(key)
  if (!entry) {
    const placed = buildings.filter((b) => b.lng != null && b.lat != null)
    entry = { placed, index: buildIndex(placed, crs, staleBefore) }
    // One entry per list: an older cutoff's index is of no more use.
    byCrs.forEach((_, k) => k.startsWith(`${crs} `) && byCrs!.delete(k))
    byCrs.set(key, entry)
  }
  return entry
}

export function BuildingLayer({ buildings, crs, selectedId, onSelect, tooltip, staleBefore }: Props) {
  const map = useMap()
  const callbacks = useRef({ onSelect, tooltip })
  callbacks.current = { onSelect, tooltip }

  const { placed, index } = useMemo(() => indexOf(buildings, crs, staleBefore), [buildings, crs, staleBefore])

  const state = useRef<State>({ index, placed, selectedId })
  const painter = useMemo(() => buildingPainter(state, callbacks), [])
  const canvas = useMemo(() => siteCanvasOf(map), [map])

  useEffect(() => {
    canvas.addPainter(map, painter)
    return () => {
      canvas.removePainter(painter)
      map.fire(BUILDINGS_DRAWN, { items: null })
    }
  }, [map, canvas, painter])

  // A new index (filter, data, basemap, stale cutoff) or selection paints the canvas again; nothing else is redone.
  useEffect(() => {
    const s = state.current
    if (s.index === index && s.placed === placed && s.selectedId === selectedId) return // painted when added
    state.current = { index, placed, selectedId }
    canvas.repaint()
  }, [canvas, index, placed, selectedId])

  return null
}
