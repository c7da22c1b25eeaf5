import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import { zxyToTileId } from 'pmtiles'
import { describe, expect, it } from 'vitest'
import { MAX_TILE_BYTES } from '../../src/main/services/basemaps/limits'
import { readTile } from '../../src/main/services/basemaps/tiles'
import { directoryBytes, gzipBomb, HEADER, packTiles, peakMemoryDuring, pmtilesBytes, pngClaiming, writeFile } from '../helpers/hostileFiles'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { smallPyramid, tilePng, writeMbtiles } from '../helpers/tiles'

// Map packages crafted to hurt the host (issue 12's probes): each is refused with a Chinese reason,
// leaving no basemap row and no file, or — a tile breaking the per-tile limits inside an accepted
// package — is not served; memory stays bounded throughout.

const MB = 1024 * 1024

describe('hostile map packages', () => {
  const t = freshAppPerTest()
  const packagesDir = () => path.join(t.app.services.ctx.dataDir, 'basemaps')
  const tile = (id: string, z: number, x: number, y: number) => readTile(t.app.services.ctx, id, z, x, y)

  async function importFile(file: string) {
    return t.app.call('basemaps.import', { uploadId: await pickFile(t.app, file), crs: 'wgs84' })
  }

  async function expectRefused(file: string, message: RegExp) {
    const result = await importFile(file)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'uploadId', message: expect.stringMatching(message) } })
    expect(await t.app.store.db.selectFrom('basemaps').selectAll().execute()).toEqual([])
    expect(fs.existsSync(packagesDir()) ? fs.readdirSync(packagesDir()) : []).toEqual([])
  }

  /** An honest archive of the small pyramid, its directories and metadata gzipped. */
  function honestParts() {
    const { entries, data } = packTiles(smallPyramid())
    return {
      root: zlib.gzipSync(directoryBytes(entries)),
      metadata: zlib.gzipSync(JSON.stringify({ name: '浑南新区', attribution: '© 测试' })),
      data,
      internalCompression: 2,
    }
  }

  describe('PMTiles', () => {
    it('imports an honest archive with gzipped directories and metadata (the fixture the lies start from)', async () => {
      const file = writeFile(path.join(t.dir, 'honest.pmtiles'), pmtilesBytes(honestParts()))
      const basemap = await t.app.ok('basemaps.import', { uploadId: await pickFile(t.app, file), crs: 'wgs84' })
      expect(basemap).toMatchObject({ kind: 'pmtiles', name: '浑南新区', format: 'png', minZoom: 0, maxZoom: 1 })
      for (const f of smallPyramid()) expect((await tile(basemap.id, f.z, f.x, f.y))?.bytes).toEqual(f.bytes)
    })

    it('refuses a 1 MB package whose metadata inflates to 1 GiB, stopping the inflate at its cap', async () => {
      const bomb = gzipBomb(1024 * MB)
      expect(bomb.length).toBeLessThan(2 * MB)
      const file = writeFile(path.join(t.dir, 'bomb.pmtiles'), pmtilesBytes({ ...honestParts(), metadata: bomb }))
      const { value, peakGrowth } = await peakMemoryDuring(() => importFile(file))
      expect(value).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^地图包：PMTiles 文件已损坏或无法读取（元数据解压后超过 1 MB，疑似压缩炸弹）$/) } })
      expect(peakGrowth).toBeLessThan(200 * MB)
      await expectRefused(file, /元数据解压后超过/)
    })

    it('refuses a root directory that inflates past its cap, and one whose entry count its bytes cannot hold', async () => {
      await expectRefused(
        writeFile(path.join(t.dir, 'root-bomb.pmtiles'), pmtilesBytes({ ...honestParts(), root: gzipBomb(64 * MB) })),
        /根目录/,
      )
      const { entries } = packTiles(smallPyramid())
      const lying = directoryBytes(entries, 2 ** 40) // claims a trillion entries in a few bytes
      await expectRefused(
        writeFile(path.join(t.dir, 'root-count.pmtiles'), pmtilesBytes({ ...honestParts(), root: zlib.gzipSync(lying) })),
        /^地图包：PMTiles 文件已损坏或无法读取（根目录声明了 1099511627776 个条目，超出其大小）$/,
      )
    })

    it('refuses a header claiming a 3 GiB root directory, or sections beyond the end of the file', async () => {
      const claim = (claims: Record<number, number>, name: string) =>
        writeFile(path.join(t.dir, `${name}.pmtiles`), pmtilesBytes({ ...honestParts(), claims }))
      await expectRefused(claim({ [HEADER.rootLength]: 3 * 1024 * MB }, 'root'), /^地图包：PMTiles 文件已损坏或无法读取（头部声明的根目录（3072 MB，位于 127）超出文件范围）$/)
      await expectRefused(claim({ [HEADER.metadataLength]: 2 ** 40 }, 'meta'), /头部声明的元数据.*超出文件范围/)
      await expectRefused(claim({ [HEADER.dataLength]: 2 ** 53 + 2 }, 'data'), /头部声明的瓦片数据区.*超出文件范围/)
      await expectRefused(claim({ [HEADER.leafOffset]: 2 ** 33 }, 'leaf'), /头部声明的叶目录区.*超出文件范围/)
      await expectRefused(claim({ [HEADER.rootOffset]: 20_000 }, 'far-root'), /头部声明的根目录.*超出文件范围/)
    })

    it('refuses entries pointing outside their section, and a chain of leaves deeper than the spec allows', async () => {
      const { entries, data } = packTiles(smallPyramid())
      const outside = entries.map((e, i) => (i === 2 ? { ...e, length: 10 * MB } : e))
      await expectRefused(
        writeFile(path.join(t.dir, 'outside.pmtiles'), pmtilesBytes({ ...honestParts(), root: zlib.gzipSync(directoryBytes(outside)) })),
        /根目录的第 3 个条目指向文件之外/,
      )
      // Every leaf is the same directory pointing at itself.
      const self = directoryBytes([{ tileId: 0, offset: 0, length: 0, runLength: 0 }])
      const leafLength = directoryBytes([{ tileId: 0, offset: 0, length: self.length, runLength: 0 }]).length
      const loop = directoryBytes([{ tileId: 0, offset: 0, length: leafLength, runLength: 0 }])
      await expectRefused(
        writeFile(path.join(t.dir, 'loop.pmtiles'), pmtilesBytes({ root: loop, leaves: loop, metadata: new Uint8Array(), data, internalCompression: 1 })),
        /目录层级过深/,
      )
    })

    it('does not serve a tile that inflates past the tile cap or whose image header claims a huge size', async () => {
      const bombTile = gzipBomb(64 * MB)
      const huge = pngClaiming(20000, 20000)
      const tiles = [
        ...smallPyramid().map((f) => ({ ...f, bytes: new Uint8Array(zlib.gzipSync(f.bytes)) })),
        { z: 2, x: 0, y: 0, bytes: new Uint8Array(bombTile) },
        { z: 2, x: 1, y: 0, bytes: new Uint8Array(zlib.gzipSync(huge)) },
      ]
      const { entries, data } = packTiles(tiles)
      const file = writeFile(
        path.join(t.dir, 'tiles.pmtiles'),
        pmtilesBytes({ root: directoryBytes(entries), metadata: new Uint8Array(), data, tileCompression: 2, maxZoom: 2 }),
      )
      const basemap = await t.app.ok('basemaps.import', { uploadId: await pickFile(t.app, file), crs: 'wgs84' })
      expect((await tile(basemap.id, 1, 1, 1))?.bytes).toEqual(tilePng(1, 1, 1))
      const { value, peakGrowth } = await peakMemoryDuring(() => tile(basemap.id, 2, 0, 0))
      expect(value).toBeNull()
      expect(peakGrowth).toBeLessThan(200 * MB)
      expect(await tile(basemap.id, 2, 1, 0)).toBeNull()
      expect(zxyToTileId(2, 1, 0)).toBeGreaterThan(zxyToTileId(2, 0, 0))
    })
  })

  describe('MBTiles', () => {
    /** The fixture with `tiles` replaced by a recursive view of `rows` rows that never matches a lookup. */
    function recursiveView(file: string, rows: number): void {
      const db = new Database(file)
      db.exec(`DROP TABLE tiles;
        CREATE VIEW tiles AS
          WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c LIMIT ${rows})
          SELECT n % 2 AS zoom_level, n % 1000003 AS tile_column, (n * 7) % 1000003 AS tile_row, x'89504e470d0a1a0a' AS tile_data FROM c;`)
      db.close()
    }

    it('refuses an 8 KB package whose tiles are a recursive view, without running it', async () => {
      const file = path.join(t.dir, 'view.mbtiles')
      writeMbtiles(file, smallPyramid())
      recursiveView(file, 30_000_000)
      expect(fs.statSync(file).size).toBeLessThan(64 * 1024)
      await expectRefused(file, /^地图包：tiles 不是普通数据表（是视图或虚拟表），也没有标准的 map\/images 表，出于安全考虑拒绝读取$/)
    })

    it('refuses a view even when it is small enough to answer (the probe imported one)', async () => {
      const file = path.join(t.dir, 'small-view.mbtiles')
      writeMbtiles(file, smallPyramid())
      recursiveView(file, 1000)
      await expectRefused(file, /tiles 不是普通数据表/)
    })

    it('refuses a tiles table without an index on zoom, column and row, a generated column, a virtual table and a metadata view', async () => {
      const variant = (name: string, sql: string) => {
        const file = path.join(t.dir, `${name}.mbtiles`)
        writeMbtiles(file, smallPyramid())
        const db = new Database(file)
        db.exec(sql)
        db.close()
        return file
      }
      await expectRefused(variant('no-index', 'DROP INDEX tile_index'), /^地图包：tiles 表没有按级别、列、行的索引，读取每个瓦片都要扫描全表$/)
      await expectRefused(
        variant('partial', "DROP INDEX tile_index; CREATE INDEX ti ON tiles (tile_row, tile_column) WHERE zoom_level = 1"),
        /没有按级别、列、行的索引/,
      )
      await expectRefused(
        variant('generated', `DROP TABLE tiles; CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
          tile_data BLOB AS (zeroblob(400000000 + zoom_level)) VIRTUAL); CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)`),
        /^地图包：tiles 表的 tile_data 列是计算列，出于安全考虑拒绝读取$/,
      )
      await expectRefused(
        variant('virtual', 'DROP TABLE tiles; CREATE VIRTUAL TABLE tiles USING fts5(zoom_level, tile_column, tile_row, tile_data)'),
        /tiles 不是普通数据表/,
      )
      await expectRefused(
        variant('meta-view', `ALTER TABLE metadata RENAME TO m; CREATE VIEW metadata AS
          WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c) SELECT 'name' AS name, n AS value FROM c`),
        /^地图包：metadata 不是普通数据表（是视图或虚拟表），出于安全考虑拒绝读取$/,
      )
    })

    /** The deduplicated layout: map + images tables behind a tiles view (as mb-util and TileMill write). */
    function mapImages(file: string, options: { imagesIndex?: boolean } = {}): void {
      writeMbtiles(file, [])
      const db = new Database(file)
      db.exec(`DROP TABLE tiles;
        CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
        CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);
        CREATE TABLE images (tile_data BLOB, tile_id TEXT);
        ${options.imagesIndex === false ? '' : 'CREATE UNIQUE INDEX images_id ON images (tile_id);'}
        CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column, map.tile_row AS tile_row,
          images.tile_data AS tile_data FROM map JOIN images ON images.tile_id = map.tile_id;`)
      const putMap = db.prepare('INSERT INTO map VALUES (?, ?, ?, ?)')
      const putImage = db.prepare('INSERT INTO images VALUES (?, ?)')
      for (const f of smallPyramid()) {
        const id = `${f.z}-${f.x}-${f.y}`
        putMap.run(f.z, f.x, 2 ** f.z - 1 - f.y, id)
        putImage.run(f.bytes, id)
      }
      db.close()
    }

    it('reads the standard map/images layout by its own join, never the file’s tiles view', async () => {
      const file = path.join(t.dir, 'dedup.mbtiles')
      mapImages(file)
      const basemap = await t.app.ok('basemaps.import', { uploadId: await pickFile(t.app, file), crs: 'wgs84' })
      const stored = path.join(packagesDir(), `${basemap.id}.mbtiles`)
      // The view is swapped for an endless one: tiles are still served, through map and images.
      const db = new Database(stored)
      db.exec(`DROP VIEW tiles; CREATE VIEW tiles AS WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c)
        SELECT 0 AS zoom_level, 0 AS tile_column, n AS tile_row, x'00' AS tile_data FROM c`)
      db.close()
      for (const f of smallPyramid()) expect((await tile(basemap.id, f.z, f.x, f.y))?.bytes, `${f.z}/${f.x}/${f.y}`).toEqual(f.bytes)
    })

    it('refuses map/images tables when images cannot be searched by tile_id', async () => {
      const file = path.join(t.dir, 'dedup-no-index.mbtiles')
      mapImages(file, { imagesIndex: false })
      await expectRefused(file, /^地图包：map\/images 表没有按级别、列、行及 tile_id 的索引/)
    })

    it('does not serve a tile over the byte cap (its length is read, not its bytes) or whose header claims a huge image', async () => {
      const file = path.join(t.dir, 'big-tiles.mbtiles')
      writeMbtiles(file, [
        ...smallPyramid(),
        { z: 2, x: 0, y: 0, bytes: new Uint8Array(MAX_TILE_BYTES + 1).fill(7) },
        { z: 2, x: 1, y: 0, bytes: pngClaiming(20000, 20000) },
        { z: 2, x: 2, y: 0, bytes: pngClaiming(2147483647, 2147483647) },
      ], { maxzoom: '2' })
      const basemap = await t.app.ok('basemaps.import', { uploadId: await pickFile(t.app, file), crs: 'wgs84' })
      expect((await tile(basemap.id, 0, 0, 0))?.bytes).toEqual(tilePng(0, 0, 0))
      expect(await tile(basemap.id, 2, 0, 0)).toBeNull()
      expect(await tile(basemap.id, 2, 1, 0)).toBeNull()
      expect(await tile(basemap.id, 2, 2, 0)).toBeNull()
    })
  })
})
