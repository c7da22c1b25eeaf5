import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createServices } from '../src/main/services'
import { runImport } from '../src/main/services/imports/handlers'
import { readTable } from '../src/main/services/imports/read/index'
import { planImport } from '../src/main/services/imports/importer'
import { write } from '../src/main/store/writer'
import { applyPlan } from '../src/main/services/imports/apply'
import { openStore } from '../src/main/store/open'
const file = process.argv[2]!
const table = await readTable(file, path.basename(file))
for (const variant of (process.argv[3] ?? 'base,cache,base,cache').split(',')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-'))
  const store = await openStore(path.join(dir, 'a.db'))
  const services = await createServices(store, 'bench')
  if (variant.includes('cache')) store.sqlite.pragma('cache_size = -65536')
  if (variant.includes('nofts')) store.sqlite.exec('DROP TRIGGER buildings_search_insert')
  const plan = await planImport(store.db, services.ctx.resourcesDir, table, {})
  const c0 = process.cpuUsage(); const t0 = performance.now()
  let inTrx = 0
  await write(store.db, services.ctx.author, async (w) => { const c1 = process.cpuUsage(); await applyPlan(store, w, plan, { id: 'b', fileName: 'x' }); const c = process.cpuUsage(c1); inTrx = (c.user + c.system) / 1000 })
  const c = process.cpuUsage(c0)
  console.log(variant, 'wall', (performance.now() - t0).toFixed(0), 'cpu', ((c.user + c.system) / 1000).toFixed(0), 'apply cpu', inTrx.toFixed(0))
  await services.shutdown(); await store.close()
  fs.rmSync(dir, { recursive: true })
}
