import { useApiQuery } from '../../api/hooks'
import type { SheetOptions } from '../../../../shared/sheets'

export { useBoundaryCities } from '../map/queries'
export { useSettings } from '../meta/queries'

/** Everything the sheet shows, fetched again whenever its options change. */
export const useSheetData = (options: SheetOptions | null) =>
  useApiQuery('sheets.data', options ?? { scope: { kind: 'all' } }, { enabled: options !== null, staleTime: 0 })

/** One city's district boundaries (the built-in basemap), cached as long as the map caches them. */
export const useBoundaryCity = (code: string | null) =>
  useApiQuery('boundaries.city', { code: code ?? '' }, { enabled: code !== null, staleTime: Infinity, gcTime: 10 * 60_000 })

/** The basemaps, fetched afresh when the sheet opens: it prints on the basemap active now. */
export const useBasemapsNow = () => useApiQuery('basemaps.list', {}, { staleTime: 0, refetchOnMount: 'always' })
