import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { freshAppPerTest } from '../helpers/store'
import { smallPyramid, writeMbtiles, writePmtiles } from '../helpers/tiles'

// Imports are all or nothing: a package that cannot be served is refused with a Chinese reason,
// leaving no row, no copied file and no temporary upload behind.

describe('refused map packages', () => {
  const t = freshAppPerTest()

  const dataDir = () => t.app.services.ctx.dataDir
  const filesUnder = (sub: string) => (fs.existsSync(path.join(dataDir(), sub)) ? fs.readdirSync(path.join(dataDir(), sub)) : [])

  /** Uploads the file as the browser host would (a temporary copy), then imports it. */
  async function importViaUpload(file: string) {
    const received = await t.app.services.receiveUpload(Readable.from([fs.readFileSync(file)]), path.basename(file))
    if (!received.ok) throw new Error(received.error.message)
    expect(filesUnder('uploads')).toHaveLength(1)
    return t.app.call('basemaps.import', { uploadId: received.value.uploadId, crs: 'wgs84' })
  }

  async function expectRefused(file: string, message: RegExp) {
    const result = await importViaUpload(file)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'invalid', field: 'uploadId' })
      expect(result.error.message).toMatch(message)
    }
    expect(await t.app.store.db.selectFrom('basemaps').selectAll().execute()).toEqual([])
    expect(filesUnder('basemaps')).toEqual([])
    expect(filesUnder('uploads')).toEqual([])
  }

  it('refuses a vector MBTiles (format pbf)', async () => {
    const file = path.join(t.dir, 'vector.mbtiles')
    writeMbtiles(file, [{ z: 0, x: 0, y: 0, bytes: zlib.gzipSync(Buffer.from('not really mvt')) }], { format: 'pbf' })
    await expectRefused(file, /^地图包：这是矢量瓦片包（pbf），目前只支持栅格瓦片（png\/jpg\/webp）$/)
  })

  it('refuses a vector MBTiles that does not declare its format, by its gzipped tiles', async () => {
    const file = path.join(t.dir, 'vector-undeclared.mbtiles')
    writeMbtiles(file, [{ z: 0, x: 0, y: 0, bytes: zlib.gzipSync(Buffer.from('mvt')) }], { format: null })
    await expectRefused(file, /矢量瓦片包/)
  })

  it('refuses a vector PMTiles', async () => {
    const file = path.join(t.dir, 'vector.pmtiles')
    writePmtiles(file, smallPyramid(), { tileType: 1 })
    await expectRefused(file, /^地图包：这是矢量瓦片包（mvt）/)
  })

  it('refuses a file that is neither SQLite nor PMTiles', async () => {
    const file = path.join(t.dir, 'notes.mbtiles')
    fs.writeFileSync(file, '这不是地图包，只是一段文字。'.repeat(50))
    await expectRefused(file, /无法识别的文件.*MBTiles.*PMTiles/)
  })

  it('refuses an SQLite file without the MBTiles tables', async () => {
    const file = path.join(t.dir, 'other.sqlite')
    const db = new Database(file)
    db.exec('CREATE TABLE people (name TEXT)')
    db.close()
    await expectRefused(file, /缺少 metadata 或 tiles 表/)
  })

  it('refuses an empty package, an unknown format and bad bounds or zooms', async () => {
    const cases: Array<[string, Parameters<typeof writeMbtiles>[1], Record<string, string | null>, RegExp]> = [
      ['empty.mbtiles', [], {}, /没有任何瓦片/],
      ['tiff.mbtiles', smallPyramid(), { format: 'tiff' }, /不支持的瓦片格式（tiff）/],
      ['bounds.mbtiles', smallPyramid(), { bounds: '123.6,41.7,123.3' }, /范围（bounds）无效/],
      ['zooms.mbtiles', smallPyramid(), { minzoom: '5', maxzoom: '2' }, /级别范围无效（5–2）/],
    ]
    for (const [name, tiles, metadata, message] of cases) {
      const file = path.join(t.dir, name)
      writeMbtiles(file, tiles, metadata)
      await expectRefused(file, message)
    }
  })

  it('refuses a PMTiles of another spec version and a truncated one', async () => {
    const old = path.join(t.dir, 'v2.pmtiles')
    writePmtiles(old, smallPyramid())
    const bytes = fs.readFileSync(old)
    bytes.writeUInt8(2, 7)
    fs.writeFileSync(old, bytes)
    await expectRefused(old, /只支持 PMTiles 第 3 版/)

    const cut = path.join(t.dir, 'cut.pmtiles')
    writePmtiles(cut, smallPyramid())
    fs.writeFileSync(cut, fs.readFileSync(cut).subarray(0, 130))
    await expectRefused(cut, /PMTiles 文件已损坏或无法读取/)
  })

  it('leaves a picked file (Electron) untouched when refusing it', async () => {
    const file = path.join(t.dir, 'vector.mbtiles')
    writeMbtiles(file, smallPyramid(), { format: 'pbf' })
    const picked = await t.app.services.registerFile(file)
    if (!picked.ok) throw new Error(picked.error.message)
    const result = await t.app.call('basemaps.import', { uploadId: picked.value.uploadId, crs: 'wgs84' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(fs.existsSync(file)).toBe(true)
    expect(filesUnder('basemaps')).toEqual([])
  })

  it('validates the input in Chinese, naming the field', async () => {
    expect(await t.app.call('basemaps.import', { uploadId: '00000000-0000-4000-8000-000000000000', crs: 'wgs84' })).toMatchObject({
      ok: false, error: { code: 'not_found', field: 'uploadId', message: '上传文件：找不到该上传，请重新选择文件' },
    })
    const badCrs = await t.app.call('basemaps.import', { uploadId: '00000000-0000-4000-8000-000000000000', crs: 'bd09' as 'wgs84' })
    expect(badCrs).toMatchObject({ ok: false, error: { code: 'invalid', field: 'crs' } })
    expect(!badCrs.ok && badCrs.error.message).toMatch(/^坐标系：/)
    expect(await t.app.services.registerFile(t.dir)).toMatchObject({ ok: false, error: { message: '上传文件：不是普通文件' } })
    expect(await t.app.services.registerFile(path.join(t.dir, 'missing.mbtiles'))).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await t.app.services.registerFile('relative/path.mbtiles')).toMatchObject({ ok: false, error: { code: 'invalid' } })
  })
})
