import type { FeatureRoutes } from '../../app/routes'
import { HomeScreen } from './HomeScreen'

export const feature: FeatureRoutes = {
  routes: [{ index: true, element: <HomeScreen /> }],
  nav: { path: '/', labelKey: 'nav.home', order: 0 },
}
