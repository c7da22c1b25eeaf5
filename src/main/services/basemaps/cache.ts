import fs from 'node:fs'
import Database from 'better-sqlite3'
import { sniffImage, type TileFormat } from './format'
import { flipY, type TileRange } from './tileMath'

// The tile cache of an online source: an MBTiles file (same tables, TMS rows), so a cache is
// itself a package that could be copied to another machine and imported there.

export interface CacheMetadata {
  name: string
  attribution?: string | null
  minZoom: number
  maxZoom: number
}

export class TileCache {
  private readonly db: Database.Database
  private readonly statements
  /** The tile format in the metadata, kept here so serving and storing a tile need not read it. */
  private cachedFormat: TileFormat | null

  private constructor(readonly file: string, mustExist: boolean) {
    this.db = new Database(file, { fileMustExist: mustExist })
    // WAL with NORMAL sync: a download commits thousands of small tiles without an fsync each.
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS metadata (name TEXT NOT NULL, value TEXT);
      CREATE UNIQUE INDEX IF NOT EXISTS metadata_name ON metadata (name);
      CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL, tile_row INTEGER NOT NULL, tile_data BLOB NOT NULL);
      CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON tiles (zoom_level, tile_column, tile_row);`)
    this.statements = {
      get: this.db.prepare<[number, number, number], { data: Uint8Array }>(
        'SELECT tile_data AS data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
      ),
      has: this.db.prepare<[number, number, number], { one: number }>(
        'SELECT 1 AS one FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
      ),
      put: this.db.prepare<[number, number, number, Uint8Array]>(
        'INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)',
      ),
      setMeta: this.db.prepare<[string, string]>('INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)'),
      getMeta: this.db.prepare<[string], { value: string | null }>('SELECT value FROM metadata WHERE name = ?'),
      stats: this.db.prepare<[], { tiles: number; bytes: number | null }>(
        'SELECT COUNT(*) AS tiles, SUM(LENGTH(tile_data)) AS bytes FROM tiles',
      ),
      count: this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM tiles'),
      countIn: this.db.prepare<[number, number, number, number, number], { n: number }>(
        'SELECT COUNT(*) AS n FROM tiles WHERE zoom_level = ? AND tile_column BETWEEN ? AND ? AND tile_row BETWEEN ? AND ?',
      ),
    }
    this.cachedFormat = asTileFormat(this.statements.getMeta.get('format')?.value)
  }

  /** Opens the cache file, creating it with its metadata when it does not exist. */
  /** Opens (or makes) a cache; `mustExist`: only one already made (a reader never makes a removed basemap's file again). */
  static open(file: string, metadata?: CacheMetadata, mustExist = false): TileCache {
    const cache = new TileCache(file, mustExist)
    if (metadata) {
      cache.db.transaction(() => {
        cache.statements.setMeta.run('name', metadata.name)
        cache.statements.setMeta.run('type', 'baselayer')
        cache.statements.setMeta.run('version', '1')
        cache.statements.setMeta.run('description', 'Site Atlas 在线底图的离线缓存')
        cache.statements.setMeta.run('minzoom', String(metadata.minZoom))
        cache.statements.setMeta.run('maxzoom', String(metadata.maxZoom))
        if (metadata.attribution) cache.statements.setMeta.run('attribution', metadata.attribution)
      })()
    }
    return cache
  }

  get(z: number, x: number, y: number): Uint8Array | null {
    const data = this.statements.get.get(z, x, flipY(y, z))?.data
    return data ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null
  }

  has(z: number, x: number, y: number): boolean {
    return this.statements.has.get(z, x, flipY(y, z)) !== undefined
  }

  put(z: number, x: number, y: number, bytes: Uint8Array): void {
    this.statements.put.run(z, x, flipY(y, z), bytes)
    // The first tile tells the format; MBTiles readers want it in the metadata.
    if (this.cachedFormat === null) {
      const format = sniffImage(bytes)
      if (format && format !== 'gif') {
        this.statements.setMeta.run('format', format)
        this.cachedFormat = format
      }
    }
  }

  format(): TileFormat | null {
    return this.cachedFormat
  }

  setMetadata(name: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM metadata WHERE name = ?').run(name)
    else this.statements.setMeta.run(name, value)
    if (name === 'format') this.cachedFormat = asTileFormat(value)
  }

  /** Tiles held and the bytes of their images. */
  stats(): { tiles: number; bytes: number } {
    const row = this.statements.stats.get()!
    return { tiles: row.tiles, bytes: row.bytes ?? 0 }
  }

  /** Tiles held, without summing their sizes. */
  count(): number {
    return this.statements.count.get()!.n
  }

  /** Tiles of an XYZ range already in the cache. */
  countIn(r: TileRange): number {
    // XYZ rows yMin…yMax are TMS rows flip(yMax)…flip(yMin).
    return this.statements.countIn.get(r.z, r.xMin, r.xMax, flipY(r.yMax, r.z), flipY(r.yMin, r.z))!.n
  }

  /** Bytes the cache takes on disk, with its write-ahead log. */
  sizeOnDisk(): number {
    return [this.file, `${this.file}-wal`].reduce((sum, f) => {
      try {
        return sum + fs.statSync(f).size
      } catch {
        return sum
      }
    }, 0)
  }

  isOpen(): boolean {
    return this.db.open
  }

  close(): void {
    if (!this.db.open) return
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      this.db.close()
    }
  }
}

function asTileFormat(value: string | null | undefined): TileFormat | null {
  return value === 'png' || value === 'jpg' || value === 'webp' ? value : null
}

/** Removes an SQLite file (a cache or an MBTiles package) and the files SQLite may keep beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true })
}
