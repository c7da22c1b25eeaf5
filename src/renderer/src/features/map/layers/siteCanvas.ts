import L from 'leaflet'
import { isPicking } from '../tools/picking'

// The map's one canvas for every site (parcels, buildings, cluster outlines, drawn areas): Leaflet's
// canvas renderer, with painters underneath its shapes. A painter draws thousands of shapes of its
// own from plain arrays in a few batched paths (the parcels: ParcelLayer), instead of one Leaflet
// object each that every pan and zoom would project, clip and paint one by one. Because they share
// the canvas, a click or hover finds the Leaflet shapes first (buildings lie above parcels) and
// then the painters' sites: a second canvas on top would swallow the clicks meant for the first.

/** A site a painter has under the pointer. */
export interface PaintedSite {
  /** Tells one site from another, to open its tooltip once. */
  key: string
  tooltip: () => string
  select: () => void
}

export interface CanvasPainter {
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

type Self = SiteCanvas & CanvasInternals & { _painters: CanvasPainter[]; _hover: { key: string; tip: L.Tooltip } | null }

const base = L.Canvas.prototype as unknown as CanvasInternals

function shapeUnder(self: Self, point: L.Point): boolean {
  for (let order = self._drawFirst; order; order = order.next) {
    if (order.layer.options.interactive && order.layer._containsPoint(point)) return true
  }
  return false
}

function paintedUnder(self: Self, point: L.Point): PaintedSite | null {
  const map = self._map
  if (!map || isPicking(map)) return null // a tool takes the clicks: sites let them through
  for (let i = self._painters.length - 1; i >= 0; i--) {
    const hit = self._painters[i]!.hit(point, map)
    if (hit) return hit
  }
  return null
}

function hideHover(self: Self): void {
  if (!self._hover) return
  self._hover.tip.remove()
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
    if (this._map && this._bounds && this._painters.length > 0) {
      const ctx = this._ctx
      ctx.save()
      const clip = this._redrawBounds
      if (clip) {
        const size = clip.getSize()
        ctx.beginPath()
        ctx.rect(clip.min!.x, clip.min!.y, size.x, size.y)
        ctx.clip()
      }
      // A partial redraw (a few shapes changed) paints only what meets its region.
      for (const painter of this._painters) painter.paint(ctx, this._map, clip ?? this._bounds, !clip)
      ctx.restore()
    }
    base._draw.call(this)
  },

  _onClick(this: Self, e: MouseEvent) {
    // A click on a painted site that no Leaflet shape covers selects it and goes no further (it
    // is not a click on the empty map). Other mouse events, and clicks after a drag, go on as usual.
    if (e.type === 'click' && this._map && this._painters.length > 0) {
      const map = this._map as L.Map & { _draggableMoved(o: unknown): boolean }
      const point = map.mouseEventToLayerPoint(e)
      if (!map._draggableMoved(map) && !shapeUnder(this, point)) {
        const hit = paintedUnder(this, point)
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
    if (this._mouseHoverThrottled) return
    base._handleMouseHover.call(this, e, point)
    if (this._painters.length === 0 || !this._map) return
    const hit = this._hoveredLayer ? null : paintedUnder(this, point)
    if (!hit) return hideHover(this)
    const latlng = this._map.layerPointToLatLng(point)
    if (this._hover?.key === hit.key) {
      this._hover.tip.setLatLng(latlng)
      return
    }
    hideHover(this)
    const tip = L.tooltip({ sticky: true, direction: 'auto' }).setLatLng(latlng).setContent(hit.tooltip())
    tip.openOn(this._map)
    this._hover = { key: hit.key, tip }
    this._container.classList.add('leaflet-interactive')
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

/** The map's site canvas, when it has one (the app's map does; a map made elsewhere may not). */
export function siteCanvasOf(map: L.Map): SiteCanvas | null {
  const renderer = map.options.renderer as Partial<SiteCanvas> | undefined
  return renderer && typeof renderer.addPainter === 'function' ? (renderer as SiteCanvas) : null
}
