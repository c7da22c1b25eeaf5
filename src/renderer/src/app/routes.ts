import type { RouteObject } from 'react-router'

/** What a feature folder contributes to the app: its routes and, optionally, a navigation entry. */
export interface FeatureRoutes {
  routes: RouteObject[]
  nav?: { path: string; labelKey: string; order: number }
}

// features/<name>/routes.tsx files are discovered, so adding a screen never edits the shell. They
// are small and load with the shell; the screens they name load when first shown (lazyScreen).
const modules = import.meta.glob<{ feature: FeatureRoutes }>('../features/*/routes.tsx', { eager: true })
export const features = Object.values(modules).map((m) => m.feature)

export const navEntries = features
  .flatMap((f) => (f.nav ? [f.nav] : []))
  .sort((a, b) => a.order - b.order)

export const featureRoutes: RouteObject[] = features.flatMap((f) => f.routes)
