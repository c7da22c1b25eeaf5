import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { projectRootOf } from '../projectRoot'
import { launchStoreRuntime } from '../runtime/pool'
import { buildRenderer, rendererIsStale } from './build'
import { createWebServer } from './server'
import { startUploadSweep } from './uploadSweep'

// npm run web -- [--port N] [--data-dir DIR] [--demo]
// Prints exactly one line on stdout: "Site Atlas is serving at http://127.0.0.1:PORT/?token=TOKEN".

const projectRoot = projectRootOf(import.meta.url)

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4870' },
      'data-dir': { type: 'string', default: path.join(os.homedir(), '.site-atlas') },
      demo: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port 应为 0–65535 的整数：${values.port}`)

  if (rendererIsStale(projectRoot)) buildRenderer(projectRoot)

  // The store and the services run in worker processes (runtime/); this process serves HTTP. It
  // listens while they start, so the page loads beside them; its calls wait for their worker.
  const services = launchStoreRuntime({
    file: path.join(path.resolve(values['data-dir']), 'site-atlas.db'),
    options: { resourcesDir: path.join(projectRoot, 'resources') },
  })
  const stopSweep = startUploadSweep(services.dataDir, services.ready)
  // A file that is not ours (or from a newer version) ends the host with the writer's sentence. A
  // damaged one does not: the page is served in recovery mode (only backup.* answer) and offers
  // the newest good backup; the file is left exactly as it is.
  services.ready.then(() => {
    const store = services.storeState()
    if (store.state !== 'ok') process.stderr.write(`Site Atlas: ${store.message}\nSite Atlas: 数据文件保持原样未做改动，请在页面上从备份恢复 / the data file is left as it is: restore a backup from the page\n`)
  }, (error: unknown) => fail(error))
  if (values.demo) {
    // Demo data before serving, so the first page shows it.
    await services.ready
    const info = await services.dispatch('meta.info', {})
    if (info.ok && (info.value as { empty: boolean }).empty) {
      const loaded = await services.dispatch('meta.finishOnboarding', { loadDemo: true })
      if (!loaded.ok) throw new Error(loaded.error.message)
    }
  }

  const token = randomBytes(24).toString('base64url')
  const server = createWebServer({
    dispatch: services.dispatch,
    dispatchEncoded: services.dispatchEncoded,
    readAsset: services.readAsset,
    receiveUpload: services.receiveUpload,
    staticDir: path.join(projectRoot, 'out/renderer'),
    token,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  process.stdout.write(`Site Atlas is serving at http://127.0.0.1:${actualPort}/?token=${token}\n`)

  const stop = () => {
    stopSweep()
    server.close()
    server.closeAllConnections()
    void services.shutdown().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function fail(error: unknown): never {
  // A store that cannot be opened (StoreOpenError, in the writer) comes back as an Error with its message.
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`Site Atlas: ${message}\n`)
  process.exit(1)
}

main().catch(fail)
