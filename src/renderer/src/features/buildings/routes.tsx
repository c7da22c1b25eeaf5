import type { FeatureRoutes } from '../../app/routes'
import { BuildingDetailScreen } from './BuildingDetailScreen'
import { EditBuildingScreen, NewBuildingScreen } from './BuildingFormScreen'
import { BuildingListScreen } from './BuildingListScreen'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'buildings', element: <BuildingListScreen /> },
    { path: 'buildings/new', element: <NewBuildingScreen /> },
    { path: 'buildings/:id', element: <BuildingDetailScreen /> },
    { path: 'buildings/:id/edit', element: <EditBuildingScreen /> },
  ],
  nav: { path: '/buildings', labelKey: 'nav.buildings', order: 10 },
}
