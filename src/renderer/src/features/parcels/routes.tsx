import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'parcels', element: lazyScreen(() => import('./ParcelListScreen'), (m) => m.ParcelListScreen) },
    { path: 'parcels/new', element: lazyScreen(() => import('./ParcelFormScreen'), (m) => m.NewParcelScreen) },
    { path: 'parcels/:id', element: lazyScreen(() => import('./ParcelDetailScreen'), (m) => m.ParcelDetailScreen) },
    { path: 'parcels/:id/edit', element: lazyScreen(() => import('./ParcelFormScreen'), (m) => m.EditParcelScreen) },
  ],
  nav: { path: '/parcels', labelKey: 'nav.parcels', order: 20 },
}
