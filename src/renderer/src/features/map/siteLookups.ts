import type { MapSites, SiteRef } from '../../../../shared/mapSites'
import type { BoundaryCity } from '../../../../shared/types'
import type { CardSite } from './SiteCard'

// Small lookups of the map screen over the sites it holds: pure, so the screen stays about layout.

/** A radius typed in km, as metres (at most 200 km); null when it is not a positive number. */
export function radiusMetres(text: string): number | null {
  const km = Number(text)
  return Number.isFinite(km) && km > 0 ? Math.min(km, 200) * 1000 : null
}

export function cardOf(selected: SiteRef | null, sites: MapSites): CardSite | null {
  if (!selected) return null
  if (selected.kind === 'building') {
    const site = sites.buildings.find((b) => b.id === selected.id)
    return site ? { kind: 'building', site, parks: sites.parks.filter((p) => site.parkIds.includes(p.id)) } : null
  }
  if (selected.kind === 'parcel') {
    const site = sites.parcels.find((p) => p.id === selected.id)
    return site ? { kind: 'parcel', site } : null
  }
  const site = sites.parks.find((p) => p.id === selected.id)
  if (!site) return null
  const hostIds = new Set(site.hosts.map((h) => h.buildingId))
  return { kind: 'park', site, hosts: sites.buildings.filter((b) => hostIds.has(b.id)) }
}

/** The boundary cities the sites are in (a district's city is the index entry listing it). */
export function cityCodesOf(sites: MapSites, cities: readonly BoundaryCity[]): string[] {
  const used = new Set([...sites.buildings, ...sites.parcels].map((s) => s.districtCode))
  return cities.filter((c) => c.districts.some((d) => used.has(d.code))).map((c) => c.code)
}

/** New sites default to the district most sites are in: usually the bureau's own. */
export function mostCommonDistrict(sites: MapSites): string {
  const counts = new Map<string, number>()
  for (const s of [...sites.buildings, ...sites.parcels]) counts.set(s.districtCode, (counts.get(s.districtCode) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''
}

