import type { FeatureRoutes } from '../../app/routes'
import { ParcelDetailScreen } from './ParcelDetailScreen'
import { EditParcelScreen, NewParcelScreen } from './ParcelFormScreen'
import { ParcelListScreen } from './ParcelListScreen'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'parcels', element: <ParcelListScreen /> },
    { path: 'parcels/new', element: <NewParcelScreen /> },
    { path: 'parcels/:id', element: <ParcelDetailScreen /> },
    { path: 'parcels/:id/edit', element: <EditParcelScreen /> },
  ],
  nav: { path: '/parcels', labelKey: 'nav.parcels', order: 20 },
}
