import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

// The statistics view replaces the old 总览 (overview) at the same address: the totals are its
// first tab's tiles.
export const feature: FeatureRoutes = {
  routes: [{ path: 'overview', element: lazyScreen(() => import('./StatsScreen'), (m) => m.StatsScreen) }],
  nav: { path: '/overview', labelKey: 'stats:nav', order: 5 },
}
