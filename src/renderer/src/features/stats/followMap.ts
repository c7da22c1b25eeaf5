import { useSearchParams } from 'react-router'
import { type MapScope, useMapScope } from './buildings/useMapScope'

/** The address parameter that keeps "按地图当前筛选统计" on, across tabs and in links. */
export const FOLLOW_MAP_PARAM = 'map'

export interface FollowMap extends MapScope {
  follow: boolean
  setFollow: (follow: boolean) => void
}

/**
 * The land, sky-park, rankings and trends tabs' "follow the map" switch: on in the address
 * (?map=1, as the buildings tab keeps it), the scope from the buildings tab's useMapScope.
 */
export function useFollowMap(): FollowMap {
  const [params, setParams] = useSearchParams()
  const follow = params.get(FOLLOW_MAP_PARAM) === '1'
  const mapScope = useMapScope(follow)
  const setFollow = (next: boolean) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev)
      if (next) out.set(FOLLOW_MAP_PARAM, '1')
      else out.delete(FOLLOW_MAP_PARAM)
      return out
    }, { replace: true })
  return { ...mapScope, follow, setFollow }
}
