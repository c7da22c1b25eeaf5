import type { FeatureRoutes } from '../../app/routes'
import { ExportScreen } from './ExportScreen'

export const feature: FeatureRoutes = {
  routes: [{ path: 'exports', element: <ExportScreen /> }],
  nav: { path: '/exports', labelKey: 'exports:nav', order: 85 },
}
