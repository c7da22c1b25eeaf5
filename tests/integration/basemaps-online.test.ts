import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readTile } from '../../src/main/services/basemaps/tiles'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { startTileServer, tilePng, type TileServer } from '../helpers/tiles'

// An online XYZ source: tiles are fetched through the host, kept in an MBTiles cache in the
// data folder, and served from there once the network is gone.

describe('online tile sources', () => {
  const t = freshAppPerTest()
  let server: TileServer
  beforeEach(async () => {
    server = await startTileServer()
  })
  afterEach(() => server.close())

  const tile = (id: string, z: number, x: number, y: number) => readTile(t.app.services.ctx, id, z, x, y)
  const addLocal = (extra: Partial<{ minZoom: number; maxZoom: number; crs: 'wgs84' | 'gcj02' }> = {}) =>
    t.app.ok('basemaps.addOnline', { name: '天地图影像', urlTemplate: server.template, crs: 'wgs84', maxZoom: 18, attribution: '© 天地图', ...extra })

  it('adds a source with an empty cache file that is itself an MBTiles package', async () => {
    const basemap = await addLocal()
    expect(basemap).toMatchObject({
      name: '天地图影像', kind: 'xyz', crs: 'wgs84', format: null, minZoom: 0, maxZoom: 18, bounds: null,
      attribution: '© 天地图', urlTemplate: server.template, cachedTiles: 0, tilePath: `tiles/${basemap.id}/{z}/{x}/{y}`,
    })
    const cacheFile = path.join(t.app.services.ctx.dataDir, 'tiles', `${basemap.id}.mbtiles`)
    expect(fs.existsSync(cacheFile)).toBe(true)
    expect(server.requests).toEqual([])
  })

  it('fetches a tile once, caches it, and serves it from the cache after the server is gone', async () => {
    const basemap = await addLocal()
    const first = await tile(basemap.id, 12, 3421, 1552)
    expect(first).toEqual({ bytes: tilePng(12, 3421, 1552), contentType: 'image/png' })
    expect(server.requests).toEqual(['/12/3421/1552.png'])
    expect(await tile(basemap.id, 12, 3421, 1552)).toEqual(first)
    expect(server.requests).toHaveLength(1)

    const listed = (await t.app.ok('basemaps.list', {})).basemaps[0]!
    expect(listed).toMatchObject({ cachedTiles: 1, format: 'png' })
    expect(listed.sizeBytes).toBeGreaterThan(0)

    await server.close()
    expect(await tile(basemap.id, 12, 3421, 1552)).toEqual(first)
    expect(await tile(basemap.id, 12, 3421, 1553)).toBeNull() // offline and never cached
  })

  it('asks the server once for a tile requested twice at the same time', async () => {
    const basemap = await addLocal()
    server.delayMs = 30
    const [a, b] = await Promise.all([tile(basemap.id, 5, 1, 2), tile(basemap.id, 5, 1, 2)])
    expect(a).toEqual(b)
    expect(server.requests).toEqual(['/5/1/2.png'])
  })

  it('caches nothing for missing tiles, non-images or zooms outside the source', async () => {
    const basemap = await addLocal({ minZoom: 3, maxZoom: 10 })
    server.missing.add('4/1/1')
    expect(await tile(basemap.id, 4, 1, 1)).toBeNull()
    expect(await tile(basemap.id, 2, 0, 0)).toBeNull()
    expect(await tile(basemap.id, 11, 0, 0)).toBeNull()
    expect(server.requests).toEqual(['/4/1/1.png'])

    // A wrong key: some servers answer 200 with an XML error instead of an image.
    const broken = await t.app.ok('basemaps.addOnline', {
      name: '错误的地址', urlTemplate: server.template.replace('.png', '.txt'), crs: 'wgs84', maxZoom: 18,
    })
    expect(await tile(broken.id, 4, 1, 1)).toBeNull()
    expect(server.requests).toContain('/4/1/1.txt')
    expect((await t.app.ok('basemaps.list', {})).basemaps.map((b) => b.cachedTiles)).toEqual([0, 0])
  })

  it('keeps name and attribution in the cache metadata and removes the cache with the source', async () => {
    const basemap = await addLocal()
    await tile(basemap.id, 1, 0, 0)
    const updated = await t.app.ok('basemaps.update', { id: basemap.id, name: '天地图矢量', crs: 'gcj02' })
    expect(updated).toMatchObject({ name: '天地图矢量', crs: 'gcj02', attribution: '© 天地图', cachedTiles: 1 })
    await t.app.services.shutdown() // close the cache so another reader sees a checkpointed file
    const cacheFile = path.join(t.app.services.ctx.dataDir, 'tiles', `${basemap.id}.mbtiles`)
    const copy = path.join(t.app.services.ctx.dataDir, 'copy.mbtiles')
    fs.copyFileSync(cacheFile, copy)
    // The cache is an MBTiles package: the import accepts a copy of it.
    const imported = await t.app.ok('basemaps.import', { uploadId: await pickFile(t.app, copy), crs: 'wgs84' })
    expect(imported).toMatchObject({ name: '天地图矢量', kind: 'mbtiles', format: 'png', minZoom: 0, maxZoom: 18 })
    expect(await tile(imported.id, 1, 0, 0)).toEqual({ bytes: tilePng(1, 0, 0), contentType: 'image/png' })

    await t.app.ok('basemaps.remove', { id: basemap.id })
    expect(fs.readdirSync(path.join(t.app.services.ctx.dataDir, 'tiles'))).toEqual([])
  })

  it('refuses URL templates it cannot use, saying why in Chinese', async () => {
    const attempt = (urlTemplate: string) =>
      t.app.call('basemaps.addOnline', { name: '测试', urlTemplate, crs: 'wgs84', maxZoom: 18 })
    const cases: Array<[string, RegExp]> = [
      ['ftp://example.com/{z}/{x}/{y}.png', /^地址模板：应以 http:\/\/ 或 https:\/\/ 开头$/],
      ['https://example.com/{z}/{x}.png', /缺少行号占位符/],
      ['https://example.com/{x}/{y}.png', /缺少级别占位符 \{z\}/],
      ['https://example.com/{z}/{x}/{y}.png?k={key}', /不认识的占位符 \{key\}/],
      ['https://t{switch:0,1,2,ab c}.example.com/{z}/{x}/{y}', /不能包含空格/],
    ]
    for (const [template, message] of cases) {
      const result = await attempt(template)
      expect(result, template).toMatchObject({ ok: false, error: { code: 'invalid', field: 'urlTemplate' } })
      expect(!result.ok && result.error.message, template).toMatch(message)
    }
    const zooms = await t.app.call('basemaps.addOnline', { name: '测试', urlTemplate: server.template, crs: 'wgs84', minZoom: 12, maxZoom: 8 })
    expect(zooms).toMatchObject({ ok: false, error: { field: 'maxZoom', message: '最大级别：不能小于最小级别' } })
    const tianditu = await attempt('https://t{switch:0,1,2,3,4,5,6,7}.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=abc')
    expect(tianditu.ok).toBe(true)
    expect(await t.app.store.db.selectFrom('basemaps').select('name').execute()).toHaveLength(1)
  })
})
