import type L from 'leaflet'

/** True while a map tool takes clicks (placing, radius, drawing): sites then let clicks through. */
export const isPicking = (map: L.Map): boolean => {
  const tool = map.getContainer().dataset.tool
  return tool !== undefined && tool !== 'none'
}

declare module 'leaflet' {
  interface PathOptions {
    /** Marks a shape that stands for a site, so that tools can make it click-through. */
    site?: boolean
  }
}

/**
 * Makes the sites' shapes on the canvas click-through while a tool is active. A click on a canvas
 * shape is consumed by Leaflet (it never reaches the map), so a tool that listens to map clicks —
 * Geoman's drawing, placing a building — would miss every click that lands on a parcel or a
 * building. The canvas reads `interactive` at each event, so flipping it takes effect at once.
 */
export function setSitesInteractive(map: L.Map, interactive: boolean): void {
  map.eachLayer((layer) => {
    const options = layer.options as { site?: boolean; interactive?: boolean }
    if (options.site) options.interactive = interactive
  })
}
