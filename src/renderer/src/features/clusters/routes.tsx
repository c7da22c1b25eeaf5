import type { FeatureRoutes } from '../../app/routes'
import { ClusterDetailScreen } from './ClusterDetailScreen'
import { EditClusterScreen, NewClusterScreen } from './ClusterFormScreen'
import { ClusterListScreen } from './ClusterListScreen'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'clusters', element: <ClusterListScreen /> },
    { path: 'clusters/new', element: <NewClusterScreen /> },
    { path: 'clusters/:id', element: <ClusterDetailScreen /> },
    { path: 'clusters/:id/edit', element: <EditClusterScreen /> },
  ],
  nav: { path: '/clusters', labelKey: 'nav.clusters', order: 40 },
}
