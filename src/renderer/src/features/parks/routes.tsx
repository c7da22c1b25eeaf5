import type { FeatureRoutes } from '../../app/routes'
import { ParkDetailScreen } from './ParkDetailScreen'
import { EditParkScreen, NewParkScreen } from './ParkFormScreen'
import { ParkListScreen } from './ParkListScreen'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'parks', element: <ParkListScreen /> },
    { path: 'parks/new', element: <NewParkScreen /> },
    { path: 'parks/:id', element: <ParkDetailScreen /> },
    { path: 'parks/:id/edit', element: <EditParkScreen /> },
  ],
  nav: { path: '/parks', labelKey: 'nav.parks', order: 30 },
}
