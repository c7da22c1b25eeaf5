import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [{ path: 'trash', element: lazyScreen(() => import('./TrashScreen'), (m) => m.TrashScreen) }],
  nav: { path: '/trash', labelKey: 'trash:nav', order: 88 },
}
