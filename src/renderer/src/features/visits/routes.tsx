import type { FeatureRoutes } from '../../app/routes'
import { VisitDetailScreen } from './VisitDetailScreen'
import { EditVisitScreen, NewVisitScreen } from './VisitFormScreen'
import { VisitListScreen } from './VisitListScreen'

export const feature: FeatureRoutes = {
  routes: [
    { path: 'visits', element: <VisitListScreen /> },
    { path: 'visits/new', element: <NewVisitScreen /> },
    { path: 'visits/:id', element: <VisitDetailScreen /> },
    { path: 'visits/:id/edit', element: <EditVisitScreen /> },
  ],
  // The label lives in this feature's strings, so the shell's shared strings need no edit.
  nav: { path: '/visits', labelKey: 'visits:nav', order: 60 },
}
