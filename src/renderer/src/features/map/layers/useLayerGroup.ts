import L from 'leaflet'
import { useEffect, useMemo } from 'react'
import { useMap } from 'react-leaflet'

/**
 * A layer group on the map for as long as the component is mounted: the layers in this folder
 * draw into it imperatively (thousands of shapes are no job for one React component each).
 */
export function useLayerGroup<G extends L.LayerGroup = L.LayerGroup>(make: () => G = () => L.layerGroup() as G): { map: L.Map; group: G } {
  const map = useMap()
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one group for the component's life
  const group = useMemo(make, [])
  useEffect(() => {
    group.addTo(map)
    return () => {
      group.remove()
    }
  }, [map, group])
  return { map, group }
}

/** Draws now and after every pan or zoom; returns the clean-up for an effect. */
export function drawOnEveryMove(map: L.Map, draw: () => void): () => void {
  draw()
  map.on('moveend', draw)
  return () => {
    map.off('moveend', draw)
  }
}
