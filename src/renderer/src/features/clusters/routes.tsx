import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'clusters', element: lazyScreen(() => import('./ClusterListScreen'), (m) => m.ClusterListScreen) },
    { path: 'clusters/new', element: lazyScreen(() => import('./ClusterFormScreen'), (m) => m.NewClusterScreen) },
    { path: 'clusters/:id', element: lazyScreen(() => import('./ClusterDetailScreen'), (m) => m.ClusterDetailScreen) },
    { path: 'clusters/:id/edit', element: lazyScreen(() => import('./ClusterFormScreen'), (m) => m.EditClusterScreen) },
  ],
  nav: { path: '/clusters', labelKey: 'nav.clusters', order: 40 },
}
