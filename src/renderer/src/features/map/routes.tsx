import type { FeatureRoutes } from '../../app/routes'
import { MapScreen } from './MapScreen'

export const feature: FeatureRoutes = {
  routes: [{ index: true, element: <MapScreen /> }],
  nav: { path: '/', labelKey: 'nav.map', order: 0 },
}
