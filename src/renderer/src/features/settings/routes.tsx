import type { FeatureRoutes } from '../../app/routes'
import { SettingsScreen } from './SettingsScreen'

export const feature: FeatureRoutes = {
  routes: [{ path: 'settings', element: <SettingsScreen /> }],
  nav: { path: '/settings', labelKey: 'nav.settings', order: 90 },
}
