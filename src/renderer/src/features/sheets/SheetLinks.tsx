import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { MapArea, MapFilter } from '../../../../shared/mapFilter'
import type { SiteRef } from '../../../../shared/mapSites'
import { sheetHash } from '../../../../shared/sheets'
import type { SiteScope } from '../../../../shared/siteScope'

// The ways into a sheet, for other screens to place: the map's picks and its current results, a
// saved search, a district's or a cluster's handbook. Each is a link to #/sheet with the scope.

const to = (scope: SiteScope, handbook = false) => sheetHash({ scope, handbook }).slice(1)

/** On the map: a sheet of the picks (已选), and one of the sites the filter and area show. */
export function MapSheetLinks({ picks, filter, area }: { picks: readonly SiteRef[]; filter: MapFilter; area: MapArea | null }) {
  const { t } = useTranslation('sheets')
  return (
    <div className="sheet-links">
      {picks.length > 0 ? (
        <Link className="button" data-sheet-link="picks" to={to({ kind: 'ids', sites: picks.map((p) => ({ kind: p.kind, id: p.id })) })}>
          {t('links.picks', { count: picks.length })}
        </Link>
      ) : (
        <span className="button button--disabled" aria-disabled="true" data-sheet-link="picks">{t('links.picks', { count: 0 })}</span>
      )}
      <Link className="button" data-sheet-link="filtered" to={to({ kind: 'filter', filter, area })}>{t('links.filtered')}</Link>
    </div>
  )
}

export function SavedSearchSheetLink({ searchId }: { searchId: string }) {
  const { t } = useTranslation('sheets')
  return <Link className="link-button" data-sheet-link="search" to={to({ kind: 'search', searchId })}>{t('links.search')}</Link>
}

export function HandbookLink({ scope, className = 'button' }: { scope: Extract<SiteScope, { kind: 'district' | 'cluster' }>; className?: string }) {
  const { t } = useTranslation('sheets')
  return <Link className={className} data-sheet-link="handbook" to={to(scope, true)}>{t('links.handbook')}</Link>
}
