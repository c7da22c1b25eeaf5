import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [{ path: 'coming-free', element: lazyScreen(() => import('./ComingFreeScreen'), (m) => m.ComingFreeScreen) }],
  nav: { path: '/coming-free', labelKey: 'tenancy:nav', order: 55 },
}
