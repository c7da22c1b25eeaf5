import type { Readable } from 'node:stream'
import type { Result } from '../../shared/result'
import type { Store } from '../store/open'
import { backupHandlers } from './backup/handlers'
import { startBackupSchedule } from './backup/schedule'
import { startServerSyncTimer } from './sync/serverTimer'
import { basemapHandlers } from './basemaps/handlers'
import { closeAllSources } from './basemaps/sources'
import { type AssetReader, createAssetReader } from './assets'
import { boundaryHandlers } from './boundaries/handlers'
import { buildingHandlers } from './buildings/handlers'
import { changeHandlers } from './changes/handlers'
import { clusterHandlers } from './clusters/handlers'
import { createServiceContext, type Handlers, type ServiceContext, type ServiceOptions } from './context'
import { createDispatcher, type Dispatch, toApiError } from './dispatch'
import { demoHandlers } from './demo/handlers'
import { districtHandlers } from './districts/handlers'
import { exportHandlers } from './exports/handlers'
import { importHandlers } from './imports/handlers'
import { jobHandlers } from './jobs/handlers'
import { leaseHandlers } from './leases/handlers'
import { mapHandlers } from './map/handlers'
import { metaHandlers } from './meta/handlers'
import { parcelHandlers } from './parcels/handlers'
import { parkHandlers } from './parks/handlers'
import { photoHandlers } from './photos/handlers'
import { savedSearchHandlers } from './savedSearches/handlers'
import { sheetHandlers } from './sheets/handlers'
import { searchHandlers } from './search/handlers'
import { spaceHandlers } from './spaces/handlers'
import { statsHandlers } from './stats/handlers'
import { syncHandlers } from './sync/handlers'
import { targetHandlers } from './targets/handlers'
import { tenancyHandlers } from './tenancy/handlers'
import { settlingEachDay } from './tenancy/lapse'
import { tenantHandlers } from './tenants/handlers'
import { trashHandlers } from './trash/handlers'
import { verificationHandlers } from './verification/handlers'
import { visitHandlers } from './visits/handlers'
import { receiveUpload, registerLocalFile, type Upload } from './uploads/registry'

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
  ...targetHandlers,
  ...mapHandlers,
  ...savedSearchHandlers,
  ...photoHandlers,
  ...changeHandlers,
  ...basemapHandlers,
  ...jobHandlers,
  ...boundaryHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...sheetHandlers,
  ...visitHandlers,
  ...demoHandlers,
  ...verificationHandlers,
  ...trashHandlers,
  ...tenancyHandlers,
  ...backupHandlers,
  ...syncHandlers,
} satisfies Handlers

export type UploadResult = Result<{ uploadId: string }>

export interface Services {
  ctx: ServiceContext
  dispatch: Dispatch
  /** Tiles and photos, for the hosts' asset paths (browser /tiles/… /photos/…, Electron app://site-atlas/…). */
  readAsset: AssetReader
  /** Browser host: streams a request body into the uploads folder and registers it. */
  receiveUpload(body: Readable, originalName: string, declaredBytes?: number): Promise<UploadResult>
  /** Electron host: registers a file the user picked, left where it is. */
  registerFile(filePath: string): Promise<UploadResult>
  /** Stops background jobs and closes open tile packages and caches; call before closing the store. */
  shutdown(): Promise<void>
}

/** What every host needs: a context bound to the open store and the dispatcher over it. */
export async function createServices(store: Store, actor?: string, options: ServiceOptions = {}): Promise<Services> {
  const ctx = await createServiceContext(store, actor, options)
  const uploaded = async (work: () => Promise<Upload>): Promise<UploadResult> => {
    try {
      return { ok: true, value: { uploadId: (await work()).id } }
    } catch (error) {
      return { ok: false, error: toApiError(error, 'upload', '上传文件：') }
    }
  }
  // A store that can be written keeps its spaces' statuses in step with the calendar.
  const { dispatch, stop } = store.sqlite.readonly
    ? { dispatch: createDispatcher(ctx, handlers), stop: () => undefined }
    : await settlingEachDay(ctx, createDispatcher(ctx, handlers))
  // The process that writes also backs up on a schedule (a store in memory has no data folder of its own).
  const stopBackups = store.sqlite.readonly || store.file === ':memory:' || options.backupSchedule === false ? () => undefined : startBackupSchedule(ctx)
  // …and syncs with the team server in the background (while signed in; not for a one-off command).
  const stopServerSync = store.sqlite.readonly || options.backupSchedule === false || options.serverSync === false ? () => undefined : startServerSyncTimer(ctx)
  return {
    ctx,
    dispatch,
    readAsset: createAssetReader(ctx),
    receiveUpload: (body, name, declared) => uploaded(() => receiveUpload(ctx.uploads, body, name, declared)),
    registerFile: (filePath) => uploaded(() => registerLocalFile(ctx.uploads, filePath)),
    shutdown: async () => {
      stop()
      stopBackups()
      stopServerSync()
      await ctx.jobs.stopAll()
      await closeAllSources(ctx)
    },
  }
}
