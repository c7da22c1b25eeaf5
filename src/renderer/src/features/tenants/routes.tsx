import type { FeatureRoutes } from '../../app/routes'
import { TenantDetailScreen } from './TenantDetailScreen'
import { EditTenantScreen, NewTenantScreen } from './TenantFormScreen'
import { TenantListScreen } from './TenantListScreen'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'tenants', element: <TenantListScreen /> },
    { path: 'tenants/new', element: <NewTenantScreen /> },
    { path: 'tenants/:id', element: <TenantDetailScreen /> },
    { path: 'tenants/:id/edit', element: <EditTenantScreen /> },
  ],
  nav: { path: '/tenants', labelKey: 'nav.tenants', order: 50 },
}
