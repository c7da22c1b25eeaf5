import type { Store } from '../store/open'
import { buildingHandlers } from './buildings/handlers'
import { changeHandlers } from './changes/handlers'
import { clusterHandlers } from './clusters/handlers'
import { createServiceContext, type Handlers, type ServiceContext } from './context'
import { createDispatcher, type Dispatch } from './dispatch'
import { districtHandlers } from './districts/handlers'
import { leaseHandlers } from './leases/handlers'
import { metaHandlers } from './meta/handlers'
import { parcelHandlers } from './parcels/handlers'
import { parkHandlers } from './parks/handlers'
import { searchHandlers } from './search/handlers'
import { spaceHandlers } from './spaces/handlers'
import { statsHandlers } from './stats/handlers'
import { tenantHandlers } from './tenants/handlers'

/** Every contract method's handler. A method missing here, or one too many, fails to compile. */
export const handlers = {
  ...metaHandlers,
  ...districtHandlers,
  ...clusterHandlers,
  ...buildingHandlers,
  ...spaceHandlers,
  ...tenantHandlers,
  ...leaseHandlers,
  ...parcelHandlers,
  ...parkHandlers,
  ...searchHandlers,
  ...statsHandlers,
  ...changeHandlers,
} satisfies Handlers

export interface Services {
  ctx: ServiceContext
  dispatch: Dispatch
}

/** What every host needs: a context bound to the open store and the dispatcher over it. */
export async function createServices(store: Store, actor?: string): Promise<Services> {
  const ctx = await createServiceContext(store, actor)
  return { ctx, dispatch: createDispatcher(ctx, handlers) }
}
