import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import { runtimePerTest } from '../helpers/runtime'
import { smallPyramid, writeMbtiles } from '../helpers/tiles'

// A crafted map package whose `tiles` is an endless recursive view: a query on it never ends.
// In the store runtime it stalls one worker, which is stopped and replaced; every other call is
// answered meanwhile.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const t = runtimePerTest()

/**
 * Turns an MBTiles file's tiles table into a view that never stops producing rows and never
 * matches a lookup (every column an expression of the row number, so SQLite cannot rule a lookup
 * out up front by folding constants).
 */
function makeEndless(file: string): void {
  const db = new Database(file)
  db.exec(`DROP TABLE tiles;
    CREATE VIEW tiles AS
      WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c)
      SELECT 99 + n % 1 AS zoom_level, n % 1000003 AS tile_column, (n * 7) % 1000003 AS tile_row, x'00' AS tile_data FROM c;`)
  db.close()
}

async function pick(app: Awaited<ReturnType<typeof t.start>>, file: string): Promise<string> {
  const picked = await app.runtime.registerFile(file)
  if (!picked.ok) throw new Error(picked.error.message)
  return picked.value.uploadId
}

describe('a hostile map package in the store runtime', () => {
  it('stops a tile read that never ends, answering other calls and tiles meanwhile', async () => {
    const app = await t.start({ readTimeoutMs: 4000, pingGraceMs: 500 })
    const good = path.join(app.dir, 'good.mbtiles')
    writeMbtiles(good, smallPyramid())
    const hostile = path.join(app.dir, 'hostile.mbtiles')
    writeMbtiles(hostile, smallPyramid())
    const kept = await app.ok('basemaps.import', { uploadId: await pick(app, good), crs: 'wgs84' })
    const crafted = await app.ok('basemaps.import', { uploadId: await pick(app, hostile), crs: 'wgs84' })
    // The package passed the import's checks; what is stored is then made endless (a package
    // crafted to pass them would behave the same).
    makeEndless(path.join(app.runtime.dataDir, 'basemaps', `${crafted.id}.mbtiles`))

    const runaway = app.runtime.readAsset(`/tiles/${crafted.id}/1/0/0`).then(
      () => 'answered',
      (error: Error) => error.message,
    )
    let finished = false
    void runaway.finally(() => (finished = true))
    for (let i = 1; i <= 3; i++) await app.ok('clusters.create', { name: `聚集区${i}`, districtCode: '210103' })
    expect(await app.ok('clusters.list', {})).toHaveLength(3)
    expect(await app.runtime.readAsset(`/tiles/${kept.id}/0/0/0`)).toMatchObject({ contentType: 'image/png' })
    expect(finished).toBe(false)

    expect(await runaway).toMatch(/^操作超时：超过 4 秒仍未完成，已停止$/)
    expect(await app.ok('clusters.list', {})).toHaveLength(3)
    expect(await app.runtime.readAsset(`/tiles/${kept.id}/1/1/1`)).toMatchObject({ contentType: 'image/png' })
  })

  it('stops an import whose checks never end in a reader, while writes and reads go on, leaving no basemap', async () => {
    const app = await t.start({ readTimeoutMs: 4000, pingGraceMs: 500 })
    const hostile = path.join(app.dir, 'hostile.mbtiles')
    writeMbtiles(hostile, smallPyramid(), { bounds: null, minzoom: null, maxzoom: null })
    makeEndless(hostile)
    const size = fs.statSync(hostile).size
    expect(size).toBeLessThan(64 * 1024)

    const importing = app.call('basemaps.import', { uploadId: await pick(app, hostile), crs: 'wgs84' })
    let finished = false
    void importing.finally(() => (finished = true))
    await vi.waitFor(() => expect(app.runtime.workers().some((w) => w.role === 'reader' && w.load > 0)).toBe(true))
    // The writer is free: saves go through while the package's checks run.
    for (let i = 1; i <= 3; i++) await app.ok('clusters.create', { name: `聚集区${i}`, districtCode: '210103' })
    expect(await app.ok('clusters.list', {})).toHaveLength(3)
    expect(finished).toBe(false)

    expect(await importing).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^操作超时：超过 4 秒仍未完成，已停止$/) } })
    const writer = app.runtime.workers().find((w) => w.role === 'writer')!
    expect(writer.generation).toBe(1) // never stopped: it never saw the package
    await app.ok('clusters.create', { name: '聚集区4', districtCode: '210103' })
    expect((await app.ok('basemaps.list', {})).basemaps.filter((b) => b.kind !== 'xyz')).toEqual([])
    expect(fs.existsSync(path.join(app.runtime.dataDir, 'basemaps')) ? fs.readdirSync(path.join(app.runtime.dataDir, 'basemaps')) : []).toEqual([])
  })

  it('refuses a package the checks refuse, from the reader, without writing', async () => {
    const app = await t.start()
    const broken = path.join(app.dir, 'broken.mbtiles')
    fs.writeFileSync(broken, 'PMTiles\x02 an old package')
    expect(await app.call('basemaps.import', { uploadId: await pick(app, broken), crs: 'wgs84' })).toMatchObject({
      ok: false,
      error: { field: 'uploadId', message: expect.stringMatching(/^地图包：只支持 PMTiles 第 3 版/) },
    })
    const good = path.join(app.dir, 'good.mbtiles')
    writeMbtiles(good, smallPyramid())
    expect(await app.ok('basemaps.import', { uploadId: await pick(app, good), crs: 'wgs84' })).toMatchObject({ kind: 'mbtiles' })
  })
})
