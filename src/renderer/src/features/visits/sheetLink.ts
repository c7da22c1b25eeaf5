import { sheetHash } from '../../../../shared/sheets'
import type { SiteScope } from '../../../../shared/siteScope'

/** The in-app address (hash route) of the inventory sheet (招商资源清单) of `scope`. */
export function sheetHref(scope: SiteScope): string {
  return sheetHash({ scope })
}
