import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'parks', element: lazyScreen(() => import('./ParkListScreen'), (m) => m.ParkListScreen) },
    { path: 'parks/new', element: lazyScreen(() => import('./ParkFormScreen'), (m) => m.NewParkScreen) },
    { path: 'parks/:id', element: lazyScreen(() => import('./ParkDetailScreen'), (m) => m.ParkDetailScreen) },
    { path: 'parks/:id/edit', element: lazyScreen(() => import('./ParkFormScreen'), (m) => m.EditParkScreen) },
  ],
  nav: { path: '/parks', labelKey: 'nav.parks', order: 30 },
}
