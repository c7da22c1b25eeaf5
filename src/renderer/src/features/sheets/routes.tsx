import type { FeatureRoutes } from '../../app/routes'
import { SheetScreen } from './SheetScreen'

// The printable inventory sheet and handbook: reached from the map, a cluster or a district, with
// the scope in the address (#/sheet?scope=…); no navigation entry of its own.
export const feature: FeatureRoutes = {
  routes: [{ path: 'sheet', element: <SheetScreen /> }],
}
