import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import { runtimePerTest } from '../helpers/runtime'
import { smallPyramid, writeMbtiles } from '../helpers/tiles'

// A crafted map package whose `tiles` is an endless recursive view: a query on it never ends, so
// the readers never run one (basemaps/mbtilesLayout.ts): the package is refused at its import, or,
// changed on disk after it, serves no tile — at once, with no worker stalled or stopped.

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
  it('serves no tile of a stored package made endless after its import, without stalling anything', async () => {
    const app = await t.start({ readTimeoutMs: 4000, pingGraceMs: 500 })
    const good = path.join(app.dir, 'good.mbtiles')
    writeMbtiles(good, smallPyramid())
    const hostile = path.join(app.dir, 'hostile.mbtiles')
    writeMbtiles(hostile, smallPyramid())
    const kept = await app.ok('basemaps.import', { uploadId: await pick(app, good), crs: 'wgs84' })
    const crafted = await app.ok('basemaps.import', { uploadId: await pick(app, hostile), crs: 'wgs84' })
    // The package passed the import's checks; what is stored is then made endless. Its reader
    // checks the file's schema when it opens it and never queries the view.
    makeEndless(path.join(app.runtime.dataDir, 'basemaps', `${crafted.id}.mbtiles`))

    expect(await app.runtime.readAsset(`/tiles/${crafted.id}/1/0/0`)).toBeNull()
    for (let i = 1; i <= 3; i++) await app.ok('clusters.create', { name: `聚集区${i}`, districtCode: '210103' })
    expect(await app.ok('clusters.list', {})).toHaveLength(3)
    expect(await app.runtime.readAsset(`/tiles/${kept.id}/0/0/0`)).toMatchObject({ contentType: 'image/png' })
    expect(await app.runtime.readAsset(`/tiles/${crafted.id}/0/0/0`)).toBeNull()
    // No worker was stopped: nothing ran away.
    expect(app.runtime.workers().every((w) => w.generation === 1)).toBe(true)
  })

  it('refuses an import whose tiles are an endless view at once, in a reader, leaving no basemap', async () => {
    const app = await t.start({ readTimeoutMs: 4000, pingGraceMs: 500 })
    const hostile = path.join(app.dir, 'hostile.mbtiles')
    writeMbtiles(hostile, smallPyramid(), { bounds: null, minzoom: null, maxzoom: null })
    makeEndless(hostile)
    const size = fs.statSync(hostile).size
    expect(size).toBeLessThan(64 * 1024)

    expect(await app.call('basemaps.import', { uploadId: await pick(app, hostile), crs: 'wgs84' })).toMatchObject({
      ok: false,
      error: { field: 'uploadId', message: expect.stringMatching(/^地图包：tiles 不是普通数据表（是视图或虚拟表）/) },
    })
    expect(app.runtime.workers().every((w) => w.generation === 1)).toBe(true)
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
