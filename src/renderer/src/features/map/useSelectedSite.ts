import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { SiteRef } from '../../../../shared/mapSites'

// The selected site lives in the address (#/?site=building:<id>), so it can be linked to, and in
// this session's memory, because the navigation link back to the map drops the address's ?site.

let lastSite: string | null = null

function parseSiteParam(value: string | null): SiteRef | null {
  const match = /^(building|parcel|park):([0-9a-f-]{36})$/.exec(value ?? '')
  return match ? { kind: match[1] as SiteRef['kind'], id: match[2]! } : null
}

export function useSelectedSite(): [SiteRef | null, (ref: SiteRef | null) => void] {
  const [params, setParams] = useSearchParams()
  const selected = useMemo(() => parseSiteParam(params.get('site') ?? lastSite), [params])
  const setSelected = useCallback(
    (ref: SiteRef | null) => {
      lastSite = ref ? `${ref.kind}:${ref.id}` : null
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          if (ref) next.set('site', `${ref.kind}:${ref.id}`)
          else next.delete('site')
          return next
        },
        { replace: true },
      )
    },
    [setParams],
  )
  return [selected, setSelected]
}
