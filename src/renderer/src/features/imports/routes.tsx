import type { FeatureRoutes } from '../../app/routes'
import { ImportHistoryScreen } from './ImportHistoryScreen'
import { ImportScreen } from './ImportScreen'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'imports', element: <ImportScreen /> },
    { path: 'imports/history', element: <ImportHistoryScreen /> },
  ],
  nav: { path: '/imports', labelKey: 'imports:nav', order: 80 },
}
