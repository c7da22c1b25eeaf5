import { useSearchParams } from 'react-router'
import './rankings/i18n'
import './statsTabs.css'
import { RANKINGS, type Ranking } from '../../../../../shared/stats'
import { Loading } from '../../../components/Page'
import { FollowMapToggle } from '../FollowMapToggle'
import { useFollowMap } from '../followMap'
import { RankingPanel } from './rankings/RankingPanel'
import { WatchList } from './rankings/WatchList'

/** Rankings (税收 with 千万元楼/亿元楼, 空置, 到期, 亩均税收) and the watch list. The ranking is kept in the address. */
export function RankingsTab() {
  const [params, setParams] = useSearchParams()
  const mapScope = useFollowMap()
  const asked = params.get('by')
  const by: Ranking = (RANKINGS as readonly string[]).includes(asked ?? '') ? (asked as Ranking) : 'tax'
  const limit = [10, 20, 50].includes(Number(params.get('limit'))) ? Number(params.get('limit')) : 20
  const change = (next: { by?: Ranking; limit?: number }) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev)
      if (next.by) out.set('by', next.by)
      if (next.limit) out.set('limit', String(next.limit))
      return out
    }, { replace: true })
  const toggle = <FollowMapToggle followMap={mapScope} />
  if (mapScope.pending) return <><div className="toolbar stats-toolbar">{toggle}</div><Loading /></>
  return (
    <div className="stats-tab">
      <RankingPanel by={by} limit={limit} scope={mapScope.scope} onChange={change} aside={toggle} />
      <WatchList scope={mapScope.scope} />
    </div>
  )
}
