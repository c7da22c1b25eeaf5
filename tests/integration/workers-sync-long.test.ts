import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import { PACKAGE_FORMAT, PACKAGE_VERSION, type SyncOp, type PackageHeader } from '../../src/shared/sync'
import { encodeHlc } from '../../src/main/store/hlc'
import { runtimePerTest } from '../helpers/runtime'

// A colleague's first package is a whole store's log, merged in one transaction for minutes. The
// store runtime gives a write more time past its deadline only while its process answers a ping:
// the merge lets the event loop turn as it goes, so it completes instead of being killed.

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 })

const t = runtimePerTest()

const COLLEAGUE = 'colleague-device-0001'
const ROWS = 20_000

/** A package of `ROWS` buildings added on another device, each a copy of `template` (a building's insert as logged here). */
function packageOf(template: Array<Omit<SyncOp, 'pred'>>, file: string): number {
  const start = Date.now() - ROWS
  const ops: SyncOp[] = []
  for (let i = 0; i < ROWS; i++) {
    const hlc = encodeHlc({ wall: start + i, counter: 0 }, COLLEAGUE)
    for (const op of template) {
      const value = op.field === 'name' ? JSON.stringify(`同事的楼宇 ${i + 1}`) : op.value
      ops.push({ ...op, id: `${hlc}:${ops.length + 1}`, hlc, device: COLLEAGUE, actor: '同事', row: `colleague-building-${i}`, value, pred: [] })
    }
  }
  // What the writing store held: its own operations up to the last.
  const knows = { [COLLEAGUE]: ops.at(-1)!.hlc }
  const header = { format: PACKAGE_FORMAT, version: PACKAGE_VERSION, device: COLLEAGUE, actor: '同事', createdAt: new Date().toISOString(), knows, base: null, ops: ops.length, blobs: 0 } satisfies PackageHeader
  const lines = [header, ...ops].map((line) => JSON.stringify(line)).join('\n') + '\n'
  fs.writeFileSync(file, zlib.gzipSync(lines))
  return ops.length
}

describe('a long merge in the store runtime', () => {
  it('outlives the write deadline while answering pings, and completes in the same writer process', async () => {
    const app = await t.start({ readers: 1, writeTimeoutMs: 400, pingGraceMs: 700 })
    await app.ok('buildings.create', { name: '样板楼', districtCode: '210112', lng: 123.4, lat: 41.7 })
    const template = (await app.sql(
      'writer',
      `SELECT op_id AS id, hlc, device_id AS device, actor, at, table_name AS "table", row_id AS row, op, field, old_value AS old, new_value AS value
       FROM change_log WHERE table_name = 'buildings' AND op = 'insert' ORDER BY seq`,
    )) as Array<Omit<SyncOp, 'pred'>>
    expect(template.length, 'a building is logged as inserted').toBeGreaterThan(0)
    const file = path.join(app.dir, '同事的修改包.sitechanges')
    const opCount = packageOf(template, file)
    const before = app.runtime.workers()[0]!

    const picked = await app.runtime.registerFile(file)
    if (!picked.ok) throw new Error(picked.error.message)
    const started = performance.now()
    const summary = await app.call('sync.importPackage', { uploadId: picked.value.uploadId })
    // For the person reading the log: how far past the deadline it ran (not asserted: timing).
    console.info(`workers-sync-long: ${ROWS} rows (${opCount} operations) merged in ${Math.round(performance.now() - started)} ms against a 400 ms deadline`)

    expect(summary.ok ? null : summary.error).toBeNull()
    expect(summary).toMatchObject({ ok: true, value: { applied: opCount, skipped: 0 } })
    expect(app.runtime.workers()[0]).toMatchObject({ generation: before.generation, pid: before.pid })
    expect(await app.sql('writer', 'SELECT count(*) AS n FROM buildings WHERE deleted_at IS NULL')).toEqual([{ n: ROWS + 1 }])
  })
})
