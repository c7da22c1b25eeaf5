import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'buildings', element: lazyScreen(() => import('./BuildingListScreen'), (m) => m.BuildingListScreen) },
    { path: 'buildings/new', element: lazyScreen(() => import('./BuildingFormScreen'), (m) => m.NewBuildingScreen) },
    { path: 'buildings/:id', element: lazyScreen(() => import('./BuildingDetailScreen'), (m) => m.BuildingDetailScreen) },
    { path: 'buildings/:id/edit', element: lazyScreen(() => import('./BuildingFormScreen'), (m) => m.EditBuildingScreen) },
  ],
  nav: { path: '/buildings', labelKey: 'nav.buildings', order: 10 },
}
