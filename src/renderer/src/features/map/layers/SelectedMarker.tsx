import L from 'leaflet'
import { useEffect, useRef } from 'react'
import { useMap } from 'react-leaflet'
import type { MapCrs } from '../../../../../shared/types'
import { fromDisplay, latLngOf, toDisplay, type LngLat } from '../crs'

// A ring around the selected building. It is a DOM marker (unlike the canvas circles) so it can be
// dragged to move the building, and it carries the positions it was drawn at for the tests.

interface Props {
  id: string
  /** WGS-84 */
  position: LngLat
  crs: MapCrs
  draggable: boolean
  /** WGS-84, after a drag */
  onMoved: (position: LngLat) => void
}

export function SelectedMarker({ id, position, crs, draggable, onMoved }: Props) {
  const map = useMap()
  const onMovedRef = useRef(onMoved)
  onMovedRef.current = onMoved
  const [lng, lat] = position

  useEffect(() => {
    const display = toDisplay(crs, [lng, lat])
    const icon = L.divIcon({
      className: `selected-site${draggable ? ' selected-site--draggable' : ''}`,
      html: `<span data-selected-id="${id}" data-wgs84="${lng},${lat}" data-display="${display[0]},${display[1]}"></span>`,
      iconSize: [30, 30],
    })
    const marker = L.marker(latLngOf(display), { icon, draggable, keyboard: false, zIndexOffset: 1000, autoPan: true })
    marker.on('dragend', () => {
      const moved = marker.getLatLng()
      onMovedRef.current(fromDisplay(crs, [moved.lng, moved.lat]))
    })
    marker.addTo(map)
    return () => {
      marker.remove()
    }
  }, [map, id, lng, lat, crs, draggable])

  return null
}
