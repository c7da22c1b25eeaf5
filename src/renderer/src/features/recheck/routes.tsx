import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [{ path: 'recheck', element: lazyScreen(() => import('./RecheckScreen'), (m) => m.RecheckScreen) }],
  // The label lives in this feature's strings, so the shell's shared strings need no edit.
  nav: { path: '/recheck', labelKey: 'recheck:nav', order: 65 },
}
