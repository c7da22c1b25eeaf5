import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [{ path: 'history', element: lazyScreen(() => import('./HistoryScreen'), (m) => m.HistoryScreen) }],
  nav: { path: '/history', labelKey: 'history:nav', order: 86 },
}
