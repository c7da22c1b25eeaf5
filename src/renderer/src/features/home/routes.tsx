import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [{ path: 'overview', element: lazyScreen(() => import('./HomeScreen'), (m) => m.HomeScreen) }],
  nav: { path: '/overview', labelKey: 'nav.home', order: 5 },
}
