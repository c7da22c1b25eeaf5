import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

// Under settings (its 数据安全 section links here), so the navigation shows 设置 as the place.
export const feature: FeatureRoutes = {
  routes: [{ path: 'settings/data-safety', element: lazyScreen(() => import('./DataSafetyScreen'), (m) => m.DataSafetyScreen) }],
}
