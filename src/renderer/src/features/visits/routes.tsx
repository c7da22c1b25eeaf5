import { lazyScreen } from '../../app/lazyScreen'
import type { FeatureRoutes } from '../../app/routes'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'visits', element: lazyScreen(() => import('./VisitListScreen'), (m) => m.VisitListScreen) },
    { path: 'visits/new', element: lazyScreen(() => import('./VisitFormScreen'), (m) => m.NewVisitScreen) },
    { path: 'visits/:id', element: lazyScreen(() => import('./VisitDetailScreen'), (m) => m.VisitDetailScreen) },
    { path: 'visits/:id/edit', element: lazyScreen(() => import('./VisitFormScreen'), (m) => m.EditVisitScreen) },
  ],
  // The label lives in this feature's strings, so the shell's shared strings need no edit.
  nav: { path: '/visits', labelKey: 'visits:nav', order: 60 },
}
