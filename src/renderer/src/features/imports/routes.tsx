import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'imports', element: lazyScreen(() => import('./ImportScreen'), (m) => m.ImportScreen) },
    { path: 'imports/history', element: lazyScreen(() => import('./ImportHistoryScreen'), (m) => m.ImportHistoryScreen) },
  ],
  nav: { path: '/imports', labelKey: 'imports:nav', order: 80 },
}
