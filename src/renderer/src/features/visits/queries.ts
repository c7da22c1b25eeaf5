import { z } from 'zod'
import type { MethodInput } from '../../../../shared/api'
import type { SiteKind, SiteRef } from '../../../../shared/mapSites'
import { useApiQuery } from '../../api/hooks'
import { useMapSites } from '../map/queries'
import { useSettings } from '../meta/queries'
import type { PickedSite } from './visitForm'

export type VisitFilters = MethodInput<'visits.list'>

export const useVisits = (filters: VisitFilters) => useApiQuery('visits.list', filters)
export const useVisit = (id: string) => useApiQuery('visits.get', { id })
/** The visits where a site was shown, for the site's page. */
export const useSiteVisits = (site: SiteRef) => useApiQuery('visits.list', { site: { kind: site.kind, id: site.id } })

const SITE_KINDS = new Set<string>(['building', 'parcel', 'park'])

/** Buildings, parcels and parks whose name matches, for the site picker. */
export function useSiteSearch(q: string) {
  const hits = useApiQuery('search.query', { q, limit: 30 }, { enabled: q.trim().length > 0, placeholderData: (previous) => previous })
  return { ...hits, sites: (hits.data ?? []).filter((h) => SITE_KINDS.has(h.kind)) }
}

/** The person's name as set in the settings: who records a visit, by default. */
export function useUserName(): { name: string; ready: boolean } {
  const settings = useSettings()
  return { name: settings.data?.['user.name'] ?? '', ready: !settings.isPending }
}

const selectionSchema = z.array(z.object({ kind: z.enum(['building', 'parcel', 'park']), id: z.string() }))

function readSelection(stored: string | undefined): SiteRef[] {
  if (!stored) return []
  try {
    const parsed = selectionSchema.safeParse(JSON.parse(stored))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

/**
 * The sites picked on the map (kept in the 'map.selection' setting), named from the map's list of
 * live sites; a pick deleted since is left out. The map's list is only fetched when there are picks.
 */
export function useMapPicks(): { picks: PickedSite[]; isPending: boolean } {
  const settings = useSettings()
  const selection = readSelection(settings.data?.['map.selection'])
  const sites = useMapSites({ enabled: selection.length > 0 })
  if (selection.length === 0) return { picks: [], isPending: settings.isPending }
  if (!sites.data) return { picks: [], isPending: sites.isPending }
  const names = new Map<string, string>()
  const add = (kind: SiteKind, rows: Array<{ id: string; name: string }>) => {
    for (const r of rows) names.set(`${kind}:${r.id}`, r.name)
  }
  add('building', sites.data.buildings)
  add('parcel', sites.data.parcels)
  add('park', sites.data.parks)
  const picks = selection.flatMap((s) => {
    const name = names.get(`${s.kind}:${s.id}`)
    return name === undefined ? [] : [{ kind: s.kind, id: s.id, name }]
  })
  return { picks, isPending: false }
}
