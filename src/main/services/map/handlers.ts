import { encodeMapSites, type MapSitesWire } from '../../../shared/mapSitesWire'
import type { MapSites } from '../../../shared/mapSites'
import { mapSites } from '../../store/mapSites'
import { deepFreeze } from '../../store/version'
import type { FeatureHandlers } from '../context'

// The wire form of a kept answer is made once and kept beside it, frozen like it, so that the
// hosts can keep its JSON and gzip too (web/encode.ts keeps bytes per frozen answer).
const wires = new WeakMap<MapSites, MapSitesWire>()

function wireOf(sites: MapSites): MapSitesWire {
  if (!Object.isFrozen(sites)) return encodeMapSites(sites)
  let wire = wires.get(sites)
  if (!wire) {
    wire = deepFreeze(encodeMapSites(sites))
    wires.set(sites, wire)
  }
  return wire
}

export const mapHandlers = {
  'map.sites': async (_input, { store }) => wireOf(await mapSites(store.db)),
} satisfies FeatureHandlers<'map'>
