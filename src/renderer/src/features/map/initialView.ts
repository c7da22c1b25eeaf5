import bbox from '@turf/bbox'
import type { MapSites } from '../../../../shared/mapSites'
import type { MapView } from './mapState'

/** Shenyang's city centre: where the first users work, used when nothing is placed yet. */
const FALLBACK: MapView = { center: [123.43, 41.8], zoom: 11 }

/**
 * Where the map opens: where it was left; else framing the placed sites of the city most of them
 * are in (a bureau works one city; a few sites elsewhere should not zoom the map out to the whole
 * country); else the fallback. The zoom that frames a box is worked out for a map ~800 px wide.
 */
export function initialViewOf(saved: MapView | null, sites: MapSites): MapView {
  if (saved) return saved
  const placed = [...sites.buildings, ...sites.parcels].filter((s) => s.lng != null && s.lat != null)
  if (placed.length === 0) return FALLBACK
  const cityOf = (districtCode: string) => districtCode.slice(0, 4)
  const counts = new Map<string, number>()
  for (const s of placed) counts.set(cityOf(s.districtCode), (counts.get(cityOf(s.districtCode)) ?? 0) + 1)
  const home = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]
  const points = placed.filter((s) => cityOf(s.districtCode) === home).map((s) => [s.lng!, s.lat!])
  const [w, s, e, n] = bbox({ type: 'MultiPoint', coordinates: points })
  const span = Math.max(e - w, (n - s) * 1.3, 0.01)
  const zoom = Math.max(4, Math.min(15, Math.floor(Math.log2((800 / 256) * (360 / span)))))
  return { center: [(w + e) / 2, (s + n) / 2], zoom }
}
