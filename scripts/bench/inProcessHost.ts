// The browser host as it was before the store runtime: the store and the services on the host's
// own thread. Only a baseline for scripts/bench/writes.ts; prints the same serving line.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createServices } from '../../src/main/services'
import { openStore } from '../../src/main/store/open'
import { createWebServer } from '../../src/main/web/server'

const root = path.resolve(import.meta.dirname, '../..')
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string', default: '0' } } })
const store = await openStore(path.join(values['data-dir']!, 'site-atlas.db'))
const services = await createServices(store, undefined, { resourcesDir: path.join(root, 'resources') })
const token = randomBytes(24).toString('base64url')
const server = createWebServer({ dispatch: services.dispatch, readAsset: services.readAsset, staticDir: path.join(root, 'out/renderer'), token })
server.listen(Number(values.port), '127.0.0.1', () => {
  const address = server.address()
  process.stdout.write(`Site Atlas is serving at http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/?token=${token}\n`)
})
process.on('SIGTERM', () => void services.shutdown().finally(() => store.close()).then(() => process.exit(0)))
