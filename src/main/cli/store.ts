import path from 'node:path'
import { projectRootOf } from '../projectRoot'
import { createServices, type Services } from '../services'
import { type OpenStoreOptions, openStore, type Store, StoreOpenError } from '../store/open'
import { cliDeviceDir } from './device'
import { CliError } from './output'

// What every command does with its --db file: open it (a failure is one line, not a stack trace)
// and make the services over it, writing as this installation's device. The services run here, in
// the command's own process, not in store workers (src/main/runtime): a command is one caller
// doing one thing at a time, so workers would add their start (three processes) and gain nothing.

export async function openForCommand(file: string, options: OpenStoreOptions = {}): Promise<Store> {
  return openStore(file, options).catch((error: unknown) => {
    throw new CliError(error instanceof StoreOpenError ? error.message : `无法打开 ${file}：${(error as Error).message}`)
  })
}

export const servicesFor = (store: Store): Promise<Services> =>
  // resources/ is named from the project root: from out/host (the bundle) the source default misses it.
  createServices(store, undefined, {
    deviceDir: cliDeviceDir(),
    resourcesDir: path.join(projectRootOf(import.meta.url), 'resources'),
    // One command, then the process ends: no backups on a schedule (`backup` makes one on demand).
    backupSchedule: false,
  })

/** The services of a command that adds rows (`what`: 演示数据, 生成的数据) to a file that must be empty unless --force. */
export async function servicesForAdding(store: Store, file: string, force: boolean, what: string): Promise<Services> {
  const services = await servicesFor(store)
  const info = await services.dispatch('meta.info', {})
  if (info.ok && !(info.value as { empty: boolean }).empty && !force) {
    throw new CliError(`${file} 中已有数据；如确需在其上追加${what}，请加 --force`)
  }
  return services
}
