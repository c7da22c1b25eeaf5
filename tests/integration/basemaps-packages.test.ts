import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readTile } from '../../src/main/services/basemaps/tiles'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { smallPyramid, tilePng, writeMbtiles, writePmtiles } from '../helpers/tiles'

// Importing offline map packages and serving their tiles through the one core readTile.

describe('offline map packages', () => {
  const t = freshAppPerTest()

  const pick = (file: string) => pickFile(t.app, file)
  const tile = (id: string, z: number, x: number, y: number) => readTile(t.app.services.ctx, id, z, x, y)
  const packagesDir = () => path.join(t.app.services.ctx.dataDir, 'basemaps')

  it('imports an MBTiles package: metadata read, file copied, tiles served with rows flipped from TMS', async () => {
    const file = path.join(t.dir, 'shenhe.mbtiles')
    writeMbtiles(file, smallPyramid())
    const basemap = await t.app.ok('basemaps.import', { uploadId: await pick(file), crs: 'wgs84' })
    expect(basemap).toMatchObject({
      name: '沈河区影像', kind: 'mbtiles', crs: 'wgs84', format: 'png', minZoom: 0, maxZoom: 1,
      bounds: [123.3, 41.7, 123.6, 41.9], attribution: '© 测试', urlTemplate: null, cachedTiles: null,
      tilePath: `tiles/${basemap.id}/{z}/{x}/{y}`,
    })
    expect(basemap.sizeBytes).toBe(fs.statSync(file).size)
    // A picked file is copied, never moved: the user's file stays where it was.
    expect(fs.existsSync(file)).toBe(true)
    expect(fs.readdirSync(packagesDir())).toEqual([`${basemap.id}.mbtiles`])

    const { basemaps, activeId } = await t.app.ok('basemaps.list', {})
    expect(basemaps.map((b) => b.id)).toEqual([basemap.id])
    expect(activeId).toBeNull()

    // XYZ row 0 is the northern half; MBTiles stores it as TMS row 1.
    for (const t of smallPyramid()) {
      expect(await tile(basemap.id, t.z, t.x, t.y), `${t.z}/${t.x}/${t.y}`).toEqual({ bytes: t.bytes, contentType: 'image/png' })
    }
    expect(Buffer.from((await tile(basemap.id, 1, 0, 0))!.bytes)).not.toEqual(Buffer.from(tilePng(1, 0, 1)))
    expect(await tile(basemap.id, 2, 0, 0)).toBeNull() // beyond its zooms
    expect(await tile(basemap.id, 1, 2, 0)).toBeNull() // not a tile
    expect(await tile('00000000-0000-4000-8000-000000000000', 0, 0, 0)).toBeNull()
  })

  it('reads zooms and bounds from the tiles when the metadata lacks them, and names it after the file', async () => {
    const file = path.join(t.dir, '皇姑区.mbtiles')
    writeMbtiles(file, smallPyramid(), { name: null, minzoom: null, maxzoom: null, bounds: null, format: null })
    const basemap = await t.app.ok('basemaps.import', { uploadId: await pick(file), crs: 'wgs84' })
    expect(basemap).toMatchObject({ name: '皇姑区', format: 'png', minZoom: 0, maxZoom: 1 })
    expect(basemap.bounds![0]).toBeCloseTo(-180)
    expect(basemap.bounds![2]).toBeCloseTo(180)
    expect(basemap.bounds![3]).toBeCloseTo(85.05, 1)
  })

  it('imports a PMTiles v3 package and serves its tiles', async () => {
    const file = path.join(t.dir, 'hunnan.pmtiles')
    writePmtiles(file, smallPyramid())
    const basemap = await t.app.ok('basemaps.import', { uploadId: await pick(file), name: '浑南底图', crs: 'wgs84' })
    expect(basemap).toMatchObject({ name: '浑南底图', kind: 'pmtiles', format: 'png', minZoom: 0, maxZoom: 1, attribution: '© 测试 PMTiles' })
    expect(basemap.bounds).toEqual([123.3, 41.7, 123.6, 41.9])
    for (const t of smallPyramid()) expect(await tile(basemap.id, t.z, t.x, t.y)).toEqual({ bytes: t.bytes, contentType: 'image/png' })
    expect(await tile(basemap.id, 2, 1, 1)).toBeNull()
  })

  it('moves a temporary upload (browser host) instead of copying it', async () => {
    const file = path.join(t.dir, 'upload-source.pmtiles')
    writePmtiles(file, smallPyramid())
    const received = await t.app.services.receiveUpload(Readable.from([fs.readFileSync(file)]), 'hunnan.pmtiles')
    if (!received.ok) throw new Error(received.error.message)
    const upload = t.app.services.ctx.uploads.get(received.value.uploadId)!
    expect(upload).toMatchObject({ temporary: true, originalName: 'hunnan.pmtiles' })
    const basemap = await t.app.ok('basemaps.import', { uploadId: upload.id, crs: 'wgs84' })
    expect(fs.existsSync(upload.path)).toBe(false)
    expect(fs.readdirSync(packagesDir())).toEqual([`${basemap.id}.pmtiles`])
    expect(t.app.services.ctx.uploads.get(upload.id)).toBeUndefined()
    // One import per upload.
    expect(await t.app.call('basemaps.import', { uploadId: upload.id, crs: 'wgs84' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'uploadId' } })
  })

  it('declares GCJ-02: bounds are kept in WGS-84 and follow a change of the declared system', async () => {
    const file = path.join(t.dir, 'gaode.mbtiles')
    writeMbtiles(file, smallPyramid())
    const basemap = await t.app.ok('basemaps.import', { uploadId: await pick(file), crs: 'gcj02' })
    // The package's own bounds are GCJ-02; shifted back they lie south-west by some hundred metres.
    const [w, s, e, n] = basemap.bounds!
    expect(w).toBeLessThan(123.3)
    expect(123.3 - w).toBeLessThan(0.01)
    expect(s).toBeLessThan(41.7)
    expect(e).toBeLessThan(123.6)
    expect(n).toBeLessThan(41.9)
    const renamed = await t.app.ok('basemaps.update', { id: basemap.id, name: '高德导出', crs: 'wgs84', attribution: null })
    expect(renamed).toMatchObject({ name: '高德导出', crs: 'wgs84', attribution: null })
    renamed.bounds!.forEach((v, i) => expect(v).toBeCloseTo([123.3, 41.7, 123.6, 41.9][i]!, 4))
  })

  it('switches the active basemap and falls back to the embedded map when it is removed', async () => {
    const file = path.join(t.dir, 'a.mbtiles')
    writeMbtiles(file, smallPyramid())
    const basemap = await t.app.ok('basemaps.import', { uploadId: await pick(file), crs: 'wgs84' })
    await t.app.ok('basemaps.setActive', { id: basemap.id })
    expect((await t.app.ok('basemaps.list', {})).activeId).toBe(basemap.id)
    expect(await t.app.call('basemaps.setActive', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect((await t.app.ok('basemaps.list', {})).activeId).toBe(basemap.id)

    expect(await tile(basemap.id, 0, 0, 0)).not.toBeNull() // opened, so removal must close it
    await t.app.ok('basemaps.remove', { id: basemap.id })
    expect(fs.readdirSync(packagesDir())).toEqual([])
    expect(await t.app.ok('basemaps.list', {})).toEqual({ basemaps: [], activeId: null })
    expect(await tile(basemap.id, 0, 0, 0)).toBeNull()
    expect(await t.app.call('basemaps.remove', { id: basemap.id })).toMatchObject({ ok: false, error: { code: 'not_found' } })

    await t.app.ok('basemaps.setActive', { id: null })
    expect((await t.app.ok('basemaps.list', {})).activeId).toBeNull()
  })
})
