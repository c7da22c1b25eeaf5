import { mapSites } from '../../store/mapSites'
import type { FeatureHandlers } from '../context'

export const mapHandlers = {
  'map.sites': async (_input, { store }) => mapSites(store.db),
} satisfies FeatureHandlers<'map'>
