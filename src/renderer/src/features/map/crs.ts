import { convert, type LngLat } from '../../../../shared/coordinates'
import type { MapCrs } from '../../../../shared/types'

// The store keeps WGS-84. A basemap drawn in GCJ-02 (AMap, Tencent and most Chinese tile
// downloads) sits a few hundred metres off, so on such a basemap every overlay is shifted the same
// way before drawing, and every click is shifted back before storing.

export type { LngLat }

export const toDisplay = (crs: MapCrs, point: LngLat): LngLat => convert(point, 'wgs84', crs)
export const fromDisplay = (crs: MapCrs, point: LngLat): LngLat => convert(point, crs, 'wgs84')

/** Leaflet wants [lat, lng]. */
export const latLngOf = ([lng, lat]: LngLat): [number, number] => [lat, lng]
