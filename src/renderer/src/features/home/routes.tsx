import type { FeatureRoutes } from '../../app/routes'
import { HomeScreen } from './HomeScreen'

export const feature: FeatureRoutes = {
  routes: [{ path: 'overview', element: <HomeScreen /> }],
  nav: { path: '/overview', labelKey: 'nav.home', order: 5 },
}
