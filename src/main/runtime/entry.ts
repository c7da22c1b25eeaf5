import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** How to start a store worker process: the script and the Node options it needs. */
export interface WorkerEntry {
  file: string
  execArgv: string[]
}

/**
 * The one place that knows where the worker's code is, under every runner:
 * - bundled (Electron's out/main, the browser host and CLI's out/host): this module was bundled
 *   into a chunk and the worker entry was built beside it as storeWorker.js (both builds keep every
 *   chunk in one folder for this reason);
 * - from source (tsx, Vitest): this file is still TypeScript, and so is the worker. A process we
 *   start is transformed by neither Vitest nor a parent's tsx unless told, so the child loads tsx's
 *   loader itself (`--import`), resolved from here rather than from the working directory.
 */
export function storeWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const here = fileURLToPath(moduleUrl)
  const dir = path.dirname(here)
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(moduleUrl).resolve('tsx')).href
    return { file: path.join(dir, 'worker.ts'), execArgv: ['--import', tsx] }
  }
  return { file: path.join(dir, 'storeWorker.js'), execArgv: [] }
}
