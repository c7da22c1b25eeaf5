import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [{ path: 'settings', element: lazyScreen(() => import('./SettingsScreen'), (m) => m.SettingsScreen) }],
  nav: { path: '/settings', labelKey: 'nav.settings', order: 90 },
}
