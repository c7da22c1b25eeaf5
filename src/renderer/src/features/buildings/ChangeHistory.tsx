import type { HistorySiteKind } from '../../../../shared/history'
import { SiteHistory } from '../history/SiteHistory'

/**
 * Who changed what on one row (or, given a site, on the site and its children), newest first, in
 * Chinese sentences. Kept under this name for the pages that show it; the list is the history
 * feature's.
 */
export function ChangeHistory({ rowId, site }: { rowId: string; site?: HistorySiteKind; fieldLabel?: (field: string) => string }) {
  return <SiteHistory filter={site ? { site: { kind: site, id: rowId } } : { rowId }} />
}
