import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'tenants', element: lazyScreen(() => import('./TenantListScreen'), (m) => m.TenantListScreen) },
    { path: 'tenants/new', element: lazyScreen(() => import('./TenantFormScreen'), (m) => m.NewTenantScreen) },
    { path: 'tenants/:id', element: lazyScreen(() => import('./TenantDetailScreen'), (m) => m.TenantDetailScreen) },
    { path: 'tenants/:id/edit', element: lazyScreen(() => import('./TenantFormScreen'), (m) => m.EditTenantScreen) },
  ],
  nav: { path: '/tenants', labelKey: 'nav.tenants', order: 50 },
}
