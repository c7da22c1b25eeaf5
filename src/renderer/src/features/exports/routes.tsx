import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [{ path: 'exports', element: lazyScreen(() => import('./ExportScreen'), (m) => m.ExportScreen) }],
  nav: { path: '/exports', labelKey: 'exports:nav', order: 85 },
}
