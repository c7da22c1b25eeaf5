// The part of the map a person can see: the map's rectangle less what floats over it (the site
// card, the legend, the controls). Pure arithmetic on rectangles, so it is tested on its own.

export interface Rect {
  left: number
  top: number
  right: number
  bottom: number
}

/** An overlay's rectangle, and the one side it must be cut from when a side is given. */
export interface Overlay extends Rect {
  side?: 'left' | 'right' | 'top' | 'bottom'
}

const areaOf = (r: Rect) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top)
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/**
 * The largest rectangle left free of `overlays` inside `map`, found by cutting each overlay off
 * from the side that keeps the most room (the card on the right cuts the right side; a wide legend
 * low on the left cuts the bottom, a tall one the left). Overlays are taken largest first, so a
 * small control does not decide the cut a large card should make. An overlay whose height changes
 * (the card, as its photo loads) names its side, so that the cut does not depend on its height.
 */
export function freeArea(map: Rect, overlays: readonly Overlay[]): Rect {
  let free = { ...map }
  const sorted = [...overlays].filter((o) => areaOf(o) > 0).sort((a, b) => areaOf(b) - areaOf(a))
  for (const o of sorted) {
    if (!overlaps(free, o)) continue
    const cuts: Record<NonNullable<Overlay['side']>, Rect> = {
      left: { ...free, left: Math.max(free.left, o.right) },
      right: { ...free, right: Math.min(free.right, o.left) },
      top: { ...free, top: Math.max(free.top, o.bottom) },
      bottom: { ...free, bottom: Math.min(free.bottom, o.top) },
    }
    free = o.side ? cuts[o.side] : Object.values(cuts).reduce((best, c) => (areaOf(c) > areaOf(best) ? c : best))
  }
  return free
}

/** Leaflet's fitBounds/panInside paddings that keep a view inside `free` of `map`. */
export function paddingsOf(map: Rect, free: Rect, margin: number): { paddingTopLeft: [number, number]; paddingBottomRight: [number, number] } {
  return {
    paddingTopLeft: [free.left - map.left + margin, free.top - map.top + margin],
    paddingBottomRight: [map.right - free.right + margin, map.bottom - free.bottom + margin],
  }
}
