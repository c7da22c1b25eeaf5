import { filterSites } from '../../../shared/mapFilter'
import type { MapSites, SiteRef } from '../../../shared/mapSites'
import { DomainError } from '../../../shared/result'
import type { SiteScope } from '../../../shared/siteScope'
import { mapSites } from '../../store/mapSites'
import { getSavedSearch } from '../../store/savedSearches'
import type { ServiceContext } from '../context'

// A sheet's or an export's scope as the sites it covers, in a stable order: buildings, then
// parcels, then parks, each in the order of the map's list (store order). Picks keep the order the
// person picked them in. Uses the same match rules as the map (shared/mapFilter.ts), so a sheet of
// "the current filter" holds exactly what the map shows.

export interface ResolvedScope {
  sites: SiteRef[]
  /** The map's view of every live site, reused by callers that need names or figures. */
  all: MapSites
  /** A default title for the sheet: the saved search's or cluster's name, the district … */
  label: string | null
}

export async function resolveScope(ctx: ServiceContext, scope: SiteScope | undefined): Promise<ResolvedScope> {
  const all = await mapSites(ctx.store.db)
  const refs = (sites: { buildings: { id: string }[]; parcels: { id: string }[]; parks: { id: string }[] }): SiteRef[] => [
    ...sites.buildings.map((b) => ({ kind: 'building' as const, id: b.id })),
    ...sites.parcels.map((p) => ({ kind: 'parcel' as const, id: p.id })),
    ...sites.parks.map((p) => ({ kind: 'park' as const, id: p.id })),
  ]
  if (!scope || scope.kind === 'all') return { sites: refs(all), all, label: null }
  switch (scope.kind) {
    case 'ids': {
      const live = new Set(refs(all).map((r) => `${r.kind}:${r.id}`))
      const seen = new Set<string>()
      const sites = scope.sites.filter((r) => {
        const key = `${r.kind}:${r.id}`
        if (!live.has(key) || seen.has(key)) return false
        seen.add(key)
        return true
      })
      return { sites, all, label: null }
    }
    case 'search': {
      const search = await getSavedSearch(ctx.store.db, scope.searchId)
      if (!search || search.deletedAt) throw new DomainError('not_found', '保存的查询：找不到该记录', 'searchId')
      return { sites: refs(filterSites(all, search.filter, search.area)), all, label: search.name }
    }
    case 'filter':
      return { sites: refs(filterSites(all, scope.filter, scope.area ?? null)), all, label: null }
    case 'district': {
      const district = await ctx.store.db.selectFrom('districts').select('name').where('code', '=', scope.districtCode).executeTakeFirst()
      if (!district) throw new DomainError('not_found', `区县：找不到代码 ${scope.districtCode}`, 'districtCode')
      const inDistrict = <T extends { districtCode: string }>(rows: T[]) => rows.filter((r) => r.districtCode === scope.districtCode)
      return {
        sites: refs({ buildings: inDistrict(all.buildings), parcels: inDistrict(all.parcels), parks: inDistrict(all.parks) }),
        all,
        label: district.name,
      }
    }
    case 'cluster': {
      const cluster = all.clusters.find((c) => c.id === scope.clusterId)
      if (!cluster) throw new DomainError('not_found', '聚集区：找不到该记录', 'clusterId')
      const buildings = all.buildings.filter((b) => b.clusterId === scope.clusterId)
      const ids = new Set(buildings.map((b) => b.id))
      const parks = all.parks.filter((p) => p.hosts.some((h) => ids.has(h.buildingId)))
      return { sites: refs({ buildings, parcels: [], parks }), all, label: cluster.name }
    }
  }
}
