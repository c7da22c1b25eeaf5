import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MethodName, MethodOutput, MethodParsedInput } from '../../shared/api'
import type { Store } from '../store/open'
import { deviceIdentity } from './device'
import { getSetting } from '../store/settings'
import type { Author } from '../store/writer'
import { JobRegistry } from './jobs/registry'
import { UploadRegistry } from './uploads/registry'

export interface ServiceContext {
  store: Store
  author: Author
  appVersion: string
  /**
   * The folder beside the data file where this device keeps what is not in the store itself:
   * imported map packages, tile caches, uploads in progress.
   */
  dataDir: string
  /** The app's read-only resources (resources/ in the repository; process.resourcesPath when packaged). */
  resourcesDir: string
  /** Files handed over by a host (browser upload, file picked in Electron), by upload id. */
  uploads: UploadRegistry
  /** Background jobs of this process (area downloads), polled with jobs.get. */
  jobs: JobRegistry
}

export interface ServiceOptions {
  /** Overrides the default (the data file's folder; a temporary folder for an in-memory store). */
  dataDir?: string
  /** Overrides the default, resources/ at the project root, which holds when run from source. */
  resourcesDir?: string
  /** Where this installation keeps its device id; the data folder unless given. */
  deviceDir?: string
  /** Scheduled backups while a writable store is open (services/backup/schedule.ts); the command line turns them off. */
  backupSchedule?: boolean
  /** Background sync with the team server in a writable store (services/sync/serverTimer.ts); off too when backupSchedule is. */
  serverSync?: boolean
}

/** resources/ at the project root, seen from this file under src/main/services (tsx, tests, CLI). */
export const SOURCE_RESOURCES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources')

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>, ctx: ServiceContext) => Promise<MethodOutput<M>>

/** Every contract method's handler; a missing or extra one fails to compile where they are combined. */
export type Handlers = { [M in MethodName]: Handler<M> }

/** A feature's slice of the handlers, checked against the contract with `satisfies`. */
export type FeatureHandlers<P extends string> = { [M in MethodName as M extends `${P}.${string}` ? M : never]: Handler<M> }

export const APP_VERSION = '0.1.0'

/**
 * Who is writing — this installation's device id (services/device.ts) and the person's name —
 * and where this device keeps its files. Creating a context writes nothing.
 */
export async function createServiceContext(store: Store, actor?: string, options: ServiceOptions = {}): Promise<ServiceContext> {
  // A name cleared in the settings (stored empty) falls back to the computer's user name.
  const name = actor ?? ((await getSetting(store.db, 'user.name'))?.trim() || systemUserName())
  const dataDir = options.dataDir ?? defaultDataDir(store.file)
  const deviceId = deviceIdentity(options.deviceDir ?? dataDir)
  const author: Author = {
    actor: name,
    get deviceId() {
      return deviceId()
    },
  }
  const resourcesDir = options.resourcesDir ?? SOURCE_RESOURCES_DIR
  // Stale uploads are swept by the registry on its first upload, not here.
  const uploads = new UploadRegistry(path.join(dataDir, 'uploads'))
  return { store, author, appVersion: APP_VERSION, dataDir, resourcesDir, uploads, jobs: new JobRegistry() }
}

function defaultDataDir(file: string): string {
  if (file === ':memory:') return fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-data-'))
  return path.dirname(path.resolve(file))
}

/** The computer's user name: who writes until the person gives a name in the settings. */
export function systemUserName(): string {
  try {
    return os.userInfo().username
  } catch {
    return 'unknown'
  }
}
