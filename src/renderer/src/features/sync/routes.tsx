import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'sync', element: lazyScreen(() => import('./SyncScreen'), (m) => m.SyncScreen) },
    { path: 'sync/conflicts', element: lazyScreen(() => import('./ConflictsScreen'), (m) => m.ConflictsScreen) },
  ],
  nav: { path: '/sync', labelKey: 'sync:nav', order: 87 },
}
