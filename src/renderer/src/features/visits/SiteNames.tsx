import { useTranslation } from 'react-i18next'
import type { VisitSite } from '../../../../shared/visits'

const SHOWN = 3

/** The first few sites of a visit by name, then how many more: a list cell stays one line or two. */
export function SiteNames({ sites }: { sites: VisitSite[] }) {
  const { t } = useTranslation('visits')
  if (sites.length === 0) return <span className="muted">—</span>
  const names = sites.slice(0, SHOWN).map((s) => s.name).join('、')
  const more = sites.length - SHOWN
  return (
    <span title={sites.map((s) => s.name).join('、')}>
      {names}
      {more > 0 && <span className="muted"> {t('list.more', { count: more, total: sites.length })}</span>}
    </span>
  )
}
