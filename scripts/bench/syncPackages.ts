// The sync package rows of `npm run bench` (issue 13): on the generated store's change log, the
// reads behind a package (knows vector, count of what a peer lacks), a package of everything
// written and read back, merged into a fresh store on another device, the status with that peer,
// and a second package for the peer after one edit (only what is new).
// Alone: npx tsx scripts/bench/syncPackages.ts [--buildings 2000] [--db FILE]
import fs from 'node:fs'
import path from 'node:path'
import type { SyncStatus } from '../../src/shared/sync'
import { createServices } from '../../src/main/services'
import { readPackage } from '../../src/main/services/sync/packageRead'
import { writePackageFor } from '../../src/main/services/sync/packageExport'
import { importPackageFile } from '../../src/main/services/sync/packageImport'
import { openStore } from '../../src/main/store/open'
import { countOpsSince, knowsVector } from '../../src/main/store/syncExport'
import { isMain, runAlone } from './alone'
import { atMost } from './goals'
import type { BenchContext, BenchPart, BenchRow } from './rows'

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await work()
  return [value, performance.now() - start]
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`
const rss = () => `rss ${Math.round(process.memoryUsage().rss / 1024 ** 2)} MB`

export const run: BenchPart = async (ctx: BenchContext) => {
  const rows: BenchRow[] = []
  const dirA = await ctx.copyStore('sync-a')
  const dirB = ctx.tempDir('sync-b')
  const a = await openStore(path.join(dirA, 'site-atlas.db'))
  const servicesA = await createServices(a, '张三', { deviceDir: path.join(dirA, 'device'), backupSchedule: false })
  const b = await openStore(path.join(dirB, 'site-atlas.db'))
  const servicesB = await createServices(b, '李四', { deviceDir: path.join(dirB, 'device'), backupSchedule: false })
  try {
    const [knows, knowsMs] = await timed(() => knowsVector(a))
    const [count, countMs] = await timed(() => countOpsSince(a, null))
    rows.push({ name: 'sync.knowsVector', label: `knowsVector over ${count} operations`, ms: knowsMs, ...atMost(knowsMs, 200, 'ms'), detail: `${Object.keys(knows).length} device(s)` })
    rows.push({ name: 'sync.countLacking', label: `operations a peer lacks, counted (${count})`, ms: countMs, ...atMost(countMs, 200, 'ms') })

    const file = path.join(ctx.tempDir('sync-pkg'), 'all.sitechanges')
    ctx.log(`  writing a package of ${count} operations …`)
    const [written, writeMs] = await timed(() => writePackageFor(servicesA.ctx, file, undefined))
    rows.push({ name: 'sync.export', label: `package of every operation (${written.header.ops}) written`, ms: writeMs, ...atMost(writeMs, 20_000, 'ms'), detail: `${mb(written.size)} gzip; ${rss()}` })

    const [read, readMs] = await timed(() => readPackage(file, dirB))
    await read.dispose()
    rows.push({ name: 'sync.read', label: `package read and checked (${read.ops.length} operations)`, ms: readMs, ...atMost(readMs, 20_000, 'ms'), detail: rss() })

    ctx.log('  merging it into a fresh store on another device …')
    const [summary, importMs] = await timed(() => importPackageFile(servicesB.ctx, file))
    rows.push({
      name: 'sync.import',
      label: `package merged into an empty store (${summary.applied} operations)`,
      ms: importMs,
      ...atMost(importMs, 120_000, 'ms'),
      detail: `read + backup + merge; ${summary.conflicts} conflicts; ${rss()}`,
    })

    const [status, statusMs] = await timed(async () => {
      const result = await servicesB.dispatch('sync.status', {})
      if (!result.ok) throw new Error(result.error.message)
      return result.value as SyncStatus
    })
    rows.push({ name: 'sync.status', label: `sync.status with ${status.peers.length} peer(s), ${status.ops} operations`, ms: statusMs, ...atMost(statusMs, 200, 'ms') })

    const building = a.sqlite.prepare('SELECT id FROM buildings LIMIT 1').get() as { id: string }
    const edited = await servicesB.dispatch('buildings.update', { id: building.id, notes: '已走访' })
    if (!edited.ok) throw new Error(edited.error.message)
    const deviceA = servicesA.ctx.author.deviceId
    const delta = path.join(path.dirname(file), 'delta.sitechanges')
    const [small, deltaMs] = await timed(() => writePackageFor(servicesB.ctx, delta, deviceA))
    rows.push({ name: 'sync.exportDelta', label: `package for a known peer after one edit (${small.header.ops} operation)`, ms: deltaMs, ...atMost(deltaMs, 500, 'ms'), detail: `${small.size} bytes` })
    fs.rmSync(file, { force: true })
  } finally {
    await servicesA.shutdown()
    await servicesB.shutdown()
    await a.close()
    await b.close()
  }
  return rows
}

if (isMain(import.meta.url)) await runAlone(run)
