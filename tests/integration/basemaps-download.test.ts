import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readTile } from '../../src/main/services/basemaps/tiles'
import { countTiles, tileRange, tileRanges } from '../../src/main/services/basemaps/tileMath'
import type { Job } from '../../src/shared/types'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { smallPyramid, startTileServer, type TileServer, writeMbtiles } from '../helpers/tiles'

// "Download this area for offline use": the estimate, and the job that fills the cache.

// Shenhe district, Shenyang: small enough for a quick test at zooms 10–13.
const SHENHE: [number, number, number, number] = [123.38, 41.76, 123.5, 41.83]

describe('downloading an area of an online source', () => {
  // Registered before the app so that it closes after it: the app's download jobs stop first.
  let server: TileServer
  beforeEach(async () => {
    server = await startTileServer()
  })
  afterEach(() => server.close())
  const t = freshAppPerTest()
  let id: string
  beforeEach(async () => {
    id = (await t.app.ok('basemaps.addOnline', { name: '在线底图', urlTemplate: server.template, crs: 'wgs84', maxZoom: 18 })).id
  })

  const area = { bbox: SHENHE, minZoom: 10, maxZoom: 13 }
  const tilesOfArea = countTiles(tileRanges(SHENHE, 10, 13))
  // A tile of the area at zoom 10 and one at zoom 13.
  const z10 = tileRange(SHENHE, 10)
  const z13 = tileRange(SHENHE, 13)
  const finished = async (jobId: string): Promise<Job> => (await t.app.services.ctx.jobs.wait(jobId))!

  it('estimates tiles, cached tiles and bytes with the stated default size until the cache can be measured', async () => {
    const first = await t.app.ok('basemaps.estimateArea', { id, ...area })
    expect(first).toEqual({ tiles: tilesOfArea, cachedTiles: 0, estimatedBytes: tilesOfArea * 20 * 1024 })
    expect(tilesOfArea).toBeGreaterThan(10)
    expect(tilesOfArea).toBeLessThan(60)

    // Two tiles of the area seen on the map are cached and counted.
    await readTile(t.app.services.ctx, id, 10, z10.xMin, z10.yMin)
    await readTile(t.app.services.ctx, id, 13, z13.xMax, z13.yMax)
    const some = await t.app.ok('basemaps.estimateArea', { id, ...area })
    expect(some).toMatchObject({ tiles: tilesOfArea, cachedTiles: 2, estimatedBytes: (tilesOfArea - 2) * 20 * 1024 })
  })

  it('downloads what is not cached, counting progress and bytes, and then estimates from the real mean size', async () => {
    await readTile(t.app.services.ctx, id, 10, z10.xMin, z10.yMin)
    server.requests.length = 0
    const { jobId } = await t.app.ok('basemaps.downloadArea', { id, ...area })
    const running = await t.app.ok('jobs.get', { id: jobId })
    expect(running).toMatchObject({ id: jobId, kind: 'download', total: tilesOfArea })

    const job = await finished(jobId)
    expect(job).toMatchObject({ state: 'done', done: tilesOfArea, total: tilesOfArea, failed: 0, message: null })
    expect(job.finishedAt).not.toBeNull()
    expect(server.requests).toHaveLength(tilesOfArea - 1) // the cached tile was skipped
    expect(job.bytes).toBeGreaterThan(0)
    expect(await t.app.ok('jobs.get', { id: jobId })).toEqual(job)

    const listed = (await t.app.ok('basemaps.list', {})).basemaps[0]!
    expect(listed.cachedTiles).toBe(tilesOfArea)
    // Now ≥ 20 tiles: the estimate of a larger area uses their mean size, and counts them as cached.
    const wider = await t.app.ok('basemaps.estimateArea', { id, bbox: SHENHE, minZoom: 10, maxZoom: 14 })
    const mean = job.bytes / (tilesOfArea - 1) // every fixture tile has the same size
    expect(wider.cachedTiles).toBe(tilesOfArea)
    expect(wider.estimatedBytes / (wider.tiles - wider.cachedTiles)).toBeCloseTo(mean, -1)
    expect(wider.estimatedBytes).toBeLessThan((wider.tiles - wider.cachedTiles) * 1024)

    // A second download of the same area finds everything cached.
    server.requests.length = 0
    const again = await finished((await t.app.ok('basemaps.downloadArea', { id, ...area })).jobId)
    expect(again).toMatchObject({ state: 'done', done: tilesOfArea, bytes: 0 })
    expect(server.requests).toEqual([])
  })

  it('counts tiles the server does not have as failed, and stops when the server is unreachable', async () => {
    server.missing.add(`10/${z10.xMin}/${z10.yMin}`)
    const job = await finished((await t.app.ok('basemaps.downloadArea', { id, ...area })).jobId)
    expect(job).toMatchObject({ state: 'done', done: tilesOfArea, failed: 1 })
    expect(job.message).toMatch(/有 1 张瓦片未能下载/)

    await server.close()
    const wide = { bbox: SHENHE, minZoom: 14, maxZoom: 15 }
    const offline = await finished((await t.app.ok('basemaps.downloadArea', { id, ...wide })).jobId)
    expect(offline.state).toBe('failed')
    expect(offline.message).toMatch(/^连续 20 张瓦片下载失败，已停止：/)
    expect(offline.done).toBeLessThan(countTiles(tileRanges(SHENHE, 14, 15)))
  })

  it('can be cancelled, runs once per basemap, and stops when its basemap is removed', async () => {
    server.delayMs = 40
    const { jobId } = await t.app.ok('basemaps.downloadArea', { id, ...area })
    expect(await t.app.call('basemaps.downloadArea', { id, ...area })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } })
    await new Promise((resolve) => setTimeout(resolve, 100))
    await t.app.ok('jobs.cancel', { id: jobId })
    const cancelled = await finished(jobId)
    expect(cancelled.state).toBe('cancelled')
    expect(cancelled.done).toBeGreaterThan(0)
    expect(cancelled.done).toBeLessThan(tilesOfArea)
    await t.app.ok('jobs.cancel', { id: jobId }) // a finished job: nothing changes
    expect((await t.app.ok('jobs.get', { id: jobId })).state).toBe('cancelled')

    const second = await t.app.ok('basemaps.downloadArea', { id, ...area })
    await t.app.ok('basemaps.remove', { id })
    expect((await t.app.ok('jobs.get', { id: second.jobId })).state).toBe('cancelled')
  })

  it('refuses areas over 50 000 tiles, packages, zooms outside the source and unknown jobs', async () => {
    const huge = await t.app.call('basemaps.downloadArea', { id, bbox: [73, 18, 135, 53], minZoom: 0, maxZoom: 12 })
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid', field: 'maxZoom' } })
    expect(!huge.ok && huge.error.message).toMatch(/^下载范围：共 [\d,]+ 张瓦片，超过单次上限 50,000 张/)
    expect((await t.app.ok('basemaps.estimateArea', { id, bbox: [73, 18, 135, 53], minZoom: 0, maxZoom: 12 })).tiles).toBeGreaterThan(50_000)

    const deep = await t.app.call('basemaps.estimateArea', { id, bbox: SHENHE, minZoom: 10, maxZoom: 20 })
    expect(deep).toMatchObject({ ok: false, error: { field: 'maxZoom', message: '最大级别：该底图的级别范围是 0–18' } })
    const backwards = await t.app.call('basemaps.estimateArea', { id, bbox: [123.5, 41.76, 123.38, 41.83], minZoom: 10, maxZoom: 12 })
    expect(backwards).toMatchObject({ ok: false, error: { field: 'bbox', message: '范围：西边界应小于东边界' } })

    writeMbtiles(`${t.dir}/p.mbtiles`, smallPyramid())
    const pkg = await t.app.ok('basemaps.import', { uploadId: await pickFile(t.app, `${t.dir}/p.mbtiles`), crs: 'wgs84' })
    const refused = await t.app.call('basemaps.downloadArea', { id: pkg.id, bbox: SHENHE, minZoom: 0, maxZoom: 1 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid', field: 'id' } })

    expect(await t.app.call('jobs.get', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await t.app.call('jobs.cancel', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
