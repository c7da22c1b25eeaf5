import L from 'leaflet'
import { isPicking } from '../tools/picking'

// The map's one canvas for every site (parcels, buildings, cluster outlines, drawn areas): Leaflet's
// canvas renderer, with painters under and over its shapes. A painter draws thousands of shapes of
// its own from plain arrays in a few batched paths (the parcels under: ParcelLayer; the buildings
// and their cluster bubbles over: BuildingLayer), instead of one Leaflet object each that every pan
// and zoom would project, clip and paint one by one. Because all share the canvas, a click or hover
// finds what is drawn on top first — the buildings, then Leaflet's shapes (cluster outlines, drawn
// areas), then the parcels: a second canvas on top would swallow the clicks meant for the first.

/** A site a painter has under the pointer. */
export interface PaintedSite {
  /** Tells one site from another, to open its tooltip once. */
  key: string
  /** The hover tooltip's HTML; null for none. */
  tooltip: (() => string) | null
  select: () => void
}

export interface CanvasPainter {
  /** Under Leaflet's shapes (parcels) or over them (buildings). */
  place: 'under' | 'over'
  /**
   * Paints in layer points what meets `view`: the canvas's padded extent (`whole`), or the part
   * being redrawn after a few shapes changed.
   */
  paint(ctx: CanvasRenderingContext2D, map: L.Map, view: L.Bounds, whole: boolean): void
  /** The painter's topmost site at a layer point, if any. */
  hit(point: L.Point, map: L.Map): PaintedSite | null
}

export interface SiteCanvas extends L.Canvas {
  /** Adds a painter, and the canvas to the map when no Leaflet shape has put it there yet. */
  addPainter(map: L.Map, painter: CanvasPainter): void
  removePainter(painter: CanvasPainter): void
  /** Paints everything again, after a painter's sites or their look changed. */
  repaint(): void
}

/** What this file uses of L.Canvas beyond its typings (Leaflet 1.9's renderer internals). */
interface CanvasInternals {
  _map?: L.Map
  _ctx: CanvasRenderingContext2D
  _container: HTMLCanvasElement
  _bounds?: L.Bounds
  _redrawBounds: L.Bounds | null
  _hoveredLayer: L.Path | null
  _mouseHoverThrottled: boolean
  _drawFirst: { layer: L.Path & { _containsPoint(p: L.Point): boolean }; next: CanvasInternals['_drawFirst'] } | null
  _draw(): void
  _redraw(): void
  _onClick(e: MouseEvent): void
  _handleMouseHover(e: MouseEvent, point: L.Point): void
  _handleMouseOut(e: MouseEvent): void
}

type Self = SiteCanvas & CanvasInternals & { _painters: CanvasPainter[]; _hover: { key: string; tip: L.Tooltip | null } | null }

const base = L.Canvas.prototype as unknown as CanvasInternals

/** Paints the painters of one place; a partial redraw (a few shapes changed) paints only what meets its region. */
function paintPlace(layer: Self, place: 'under' | 'over'): void {
  const painters = layer._painters.filter((p) => p.place === place)
  if (!layer._map || !layer._bounds || painters.length === 0) return
  const ctx = layer._ctx
  ctx.save()
  const clip = layer._redrawBounds
  if (clip) {
    const size = clip.getSize()
    ctx.beginPath()
    ctx.rect(clip.min!.x, clip.min!.y, size.x, size.y)
    ctx.clip()
  }
  for (const painter of painters) painter.paint(ctx, layer._map, clip ?? layer._bounds, !clip)
  ctx.restore()
}

function shapeUnder(self: Self, point: L.Point): boolean {
  for (let order = self._drawFirst; order; order = order.next) {
    if (order.layer.options.interactive && order.layer._containsPoint(point)) return true
  }
  return false
}

function paintedAt(self: Self, point: L.Point, place: CanvasPainter['place']): PaintedSite | null {
  const map = self._map
  if (!map || isPicking(map)) return null // a tool takes the clicks: sites let them through
  for (let i = self._painters.length - 1; i >= 0; i--) {
    const painter = self._painters[i]!
    if (painter.place !== place) continue
    const hit = painter.hit(point, map)
    if (hit) return hit
  }
  return null
}

function showHover(self: Self, hit: PaintedSite, point: L.Point): void {
  const latlng = self._map!.layerPointToLatLng(point)
  self._container.classList.add('leaflet-interactive')
  if (self._hover?.key === hit.key) {
    self._hover.tip?.setLatLng(latlng)
    return
  }
  hideHover(self)
  const tip = hit.tooltip ? L.tooltip({ sticky: true, direction: 'auto' }).setLatLng(latlng).setContent(hit.tooltip()) : null
  tip?.openOn(self._map!)
  self._hover = { key: hit.key, tip }
}

function hideHover(self: Self): void {
  if (!self._hover) return
  self._hover.tip?.remove()
  self._hover = null
  if (!self._hoveredLayer) self._container.classList.remove('leaflet-interactive')
}

const SiteCanvasClass = L.Canvas.extend({
  initialize(this: Self, options: L.RendererOptions) {
    ;(L.Canvas.prototype as unknown as { initialize(o: L.RendererOptions): void }).initialize.call(this, options)
    this._painters = []
    this._hover = null
  },

  addPainter(this: Self, map: L.Map, painter: CanvasPainter) {
    this._painters.push(painter)
    if (!this._map) map.addLayer(this)
    else this.repaint()
  },

  removePainter(this: Self, painter: CanvasPainter) {
    this._painters = this._painters.filter((p) => p !== painter)
    hideHover(this)
    this.repaint()
  },

  repaint(this: Self) {
    if (!this._map || !this._bounds) return
    this._redrawBounds = null
    this._redraw()
  },

  _draw(this: Self) {
    paintPlace(this, 'under')
    base._draw.call(this)
    paintPlace(this, 'over')
  },

  _onClick(this: Self, e: MouseEvent) {
    // A click on a painted site selects it and goes no further (it is not a click on the empty
    // map): over-painted sites first, then Leaflet's shapes as usual, then under-painted sites.
    // Other mouse events, and clicks after a drag, go on as usual.
    if (e.type === 'click' && this._map && this._painters.length > 0) {
      const map = this._map as L.Map & { _draggableMoved(o: unknown): boolean }
      const point = map.mouseEventToLayerPoint(e)
      if (!map._draggableMoved(map)) {
        const hit = paintedAt(this, point, 'over') ?? (shapeUnder(this, point) ? null : paintedAt(this, point, 'under'))
        if (hit) {
          L.DomEvent.stop(e)
          hit.select()
          return
        }
      }
    }
    base._onClick.call(this, e)
  },

  _handleMouseHover(this: Self, e: MouseEvent, point: L.Point) {
    if (this._mouseHoverThrottled || !this._map) return
    const over = paintedAt(this, point, 'over')
    if (over) {
      if (this._hoveredLayer) base._handleMouseOut.call(this, e)
      return showHover(this, over, point)
    }
    base._handleMouseHover.call(this, e, point)
    const under = this._hoveredLayer ? null : paintedAt(this, point, 'under')
    if (under) showHover(this, under, point)
    else hideHover(this)
  },

  _handleMouseOut(this: Self, e: MouseEvent) {
    base._handleMouseOut.call(this, e)
    hideHover(this)
  },

  onRemove(this: Self) {
    hideHover(this)
    ;(L.Canvas.prototype as unknown as { onRemove(): void }).onRemove.call(this)
  },
})

/** The shared canvas with room for painters; options as L.canvas's. */
export function siteCanvas(options: L.RendererOptions & { tolerance?: number }): SiteCanvas {
  return new (SiteCanvasClass as unknown as new (o: L.RendererOptions) => SiteCanvas)(options)
}

/**
 * The map's site canvas: the one it was made with (the app's map), or else one made now and kept
 * as the map's renderer, so that every layer of the map shares it.
 */
export function siteCanvasOf(map: L.Map): SiteCanvas {
  const renderer = map.options.renderer as Partial<SiteCanvas> | undefined
  if (renderer && typeof renderer.addPainter === 'function') return renderer as SiteCanvas
  const made = siteCanvas({ padding: 0.3, tolerance: 4 })
  map.options.renderer = made
  return made
}

const hatches = new WeakMap<CanvasRenderingContext2D, CanvasPattern | null>()

/**
 * The hatching laid over stale sites (not verified for longer than the threshold,
 * shared/freshness.ts): dark diagonal lines over the site's own colour, so the colour still reads.
 * Made once per canvas.
 */
export function staleHatch(ctx: CanvasRenderingContext2D): CanvasPattern | null {
  if (hatches.has(ctx)) return hatches.get(ctx)!
  const tile = document.createElement('canvas')
  tile.width = tile.height = 6
  const t = tile.getContext('2d')
  if (t) {
    t.strokeStyle = 'rgba(40,40,40,.75)'
    t.lineWidth = 1.2
    t.beginPath()
    // One diagonal and its two corner pieces, so the tiles join into unbroken lines.
    t.moveTo(0, 6)
    t.lineTo(6, 0)
    t.moveTo(-1, 1)
    t.lineTo(1, -1)
    t.moveTo(5, 7)
    t.lineTo(7, 5)
    t.stroke()
  }
  const pattern = t ? ctx.createPattern(tile, 'repeat') : null
  hatches.set(ctx, pattern)
  return pattern
}

/** The stroke of a stale site's outline: dashed, so it reads without colour too. */
export const STALE_DASH = [3, 2]
export const STALE_STROKE = '#3a3a3a'
