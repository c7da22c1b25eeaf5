import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

// The printable inventory sheet and handbook: reached from the map, a cluster or a district, with
// the scope in the address (#/sheet?scope=…); no navigation entry of its own.
export const feature: FeatureRoutes = {
  routes: [{ path: 'sheet', element: lazyScreen(() => import('./SheetScreen'), (m) => m.SheetScreen) }],
}
