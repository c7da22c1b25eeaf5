import { type ComponentType, lazy, type ReactElement, Suspense } from 'react'
import { Loading } from '../components/Page'

/**
 * A route's screen whose code is fetched the first time the route is shown, so the map (the home
 * screen) starts without every other screen's code. `load` is `() => import('./Screen')`: the
 * bundler makes each such import a chunk of its own. Screens of one module share their chunk.
 */
export function lazyScreen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ReactElement {
  const Screen = lazy(async () => ({ default: pick(await load()) }))
  return (
    <Suspense fallback={<Loading />}>
      <Screen />
    </Suspense>
  )
}
