import type { MapBuilding, MapCluster, MapSites } from '../../../../shared/mapSites'
import type { LngLat } from './crs'
import type { CardSite } from './SiteCard'

// Where a selected site is, in words a person can use without a street map: its address (a
// park's is its host building's), and the building cluster it belongs to or lies nearest.

export interface SitePlace {
  address: string | null
  /** For a site without an address of its own (a parcel): the nearest placed building. */
  nearBuilding: { name: string; metres: number } | null
  /** `metres` 0 for a building in the cluster. */
  cluster: { cluster: MapCluster; metres: number; member: boolean } | null
}

/** Metres between two WGS-84 points; equirectangular, exact enough within a city. */
export function metresBetween([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const rad = Math.PI / 180
  const x = (lng2 - lng1) * rad * Math.cos(((lat1 + lat2) / 2) * rad)
  const y = (lat2 - lat1) * rad
  return Math.hypot(x, y) * 6_371_000
}

const placed = (b: MapBuilding): LngLat | null => (b.lng != null && b.lat != null ? [b.lng, b.lat] : null)

/** The cluster with a building nearest `point` (a cluster is where its buildings are). */
function nearestCluster(point: LngLat, sites: MapSites): SitePlace['cluster'] {
  const clusters = new Map(sites.clusters.map((c) => [c.id, c]))
  let best: SitePlace['cluster'] = null
  for (const b of sites.buildings) {
    const at = placed(b)
    const cluster = b.clusterId ? clusters.get(b.clusterId) : undefined
    if (!at || !cluster) continue
    const metres = metresBetween(point, at)
    if (!best || metres < best.metres) best = { cluster, metres, member: false }
  }
  return best
}

export function placeOf(card: CardSite, sites: MapSites): SitePlace {
  const clusterById = new Map(sites.clusters.map((c) => [c.id, c]))
  if (card.kind === 'building' || card.kind === 'park') {
    const building = card.kind === 'building' ? card.site : (card.hosts.find((h) => placed(h)) ?? card.hosts[0])
    if (!building) return { address: null, nearBuilding: null, cluster: null }
    const own = building.clusterId ? clusterById.get(building.clusterId) : undefined
    const at = placed(building)
    return {
      address: building.address,
      nearBuilding: null,
      cluster: own ? { cluster: own, metres: 0, member: true } : at ? nearestCluster(at, sites) : null,
    }
  }
  const parcel = card.site
  if (parcel.lng == null || parcel.lat == null) return { address: null, nearBuilding: null, cluster: null }
  const at: LngLat = [parcel.lng, parcel.lat]
  let near: SitePlace['nearBuilding'] = null
  for (const b of sites.buildings) {
    const p = placed(b)
    if (!p) continue
    const metres = metresBetween(at, p)
    if (!near || metres < near.metres) near = { name: b.name, metres }
  }
  return { address: null, nearBuilding: near, cluster: nearestCluster(at, sites) }
}
