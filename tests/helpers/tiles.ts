import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import { zxyToTileId } from 'pmtiles'

// Small, readable map fixtures built in code: 1×1 PNG tiles of distinct colours, MBTiles and
// PMTiles v3 packages holding them, and a local XYZ tile server that counts its requests.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(8 + data.length + 4)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), 8 + data.length)
  return out
}

/** A valid 1×1 RGB PNG of one colour: tiles that differ by colour differ by bytes. */
export function png1x1(r: number, g: number, b: number): Uint8Array {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(1, 0)
  ihdr.writeUInt32BE(1, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit, truecolour, deflate, no filter, no interlace
  const idat = zlib.deflateSync(Buffer.from([0, r, g, b]))
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ])
  return new Uint8Array(png)
}

/** A colour per tile, so each tile of a fixture is recognisable. */
export function tilePng(z: number, x: number, y: number): Uint8Array {
  return png1x1((z * 40) % 256, (x * 70 + 10) % 256, (y * 90 + 20) % 256)
}

export interface FixtureTile {
  z: number
  x: number
  /** XYZ row, counted from the north. */
  y: number
  bytes: Uint8Array
}

/** The tiles of zooms 0 and 1: five recognisable PNGs. */
export function smallPyramid(): FixtureTile[] {
  const tiles: FixtureTile[] = [{ z: 0, x: 0, y: 0, bytes: tilePng(0, 0, 0) }]
  for (const [x, y] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) tiles.push({ z: 1, x, y, bytes: tilePng(1, x, y) })
  return tiles
}

/** An MBTiles file (TMS rows) with the given metadata; `null` leaves a key out. */
export function writeMbtiles(file: string, tiles: FixtureTile[], metadata: Record<string, string | null> = {}): void {
  const db = new Database(file)
  db.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
    CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
    CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);`)
  const meta = { name: '沈河区影像', format: 'png', minzoom: '0', maxzoom: '1', bounds: '123.3,41.7,123.6,41.9', attribution: '© 测试', ...metadata }
  const putMeta = db.prepare('INSERT INTO metadata VALUES (?, ?)')
  for (const [k, v] of Object.entries(meta)) if (v !== null) putMeta.run(k, v)
  const putTile = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)')
  for (const t of tiles) putTile.run(t.z, t.x, 2 ** t.z - 1 - t.y, t.bytes)
  db.close()
}

function varints(values: number[]): number[] {
  const out: number[] = []
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80)
      v = Math.floor(v / 128)
    }
    out.push(v)
  }
  return out
}

export interface PmtilesOptions {
  /** 1 mvt, 2 png, 3 jpeg, 4 webp */
  tileType?: number
  minZoom?: number
  maxZoom?: number
  bounds?: [number, number, number, number]
  metadata?: Record<string, unknown>
}

/**
 * A PMTiles v3 archive: header, root directory (no leaves), JSON metadata, tile data; nothing
 * compressed. Follows spec/v3/spec.md of protomaps/PMTiles.
 */
export function writePmtiles(file: string, tiles: FixtureTile[], options: PmtilesOptions = {}): void {
  const entries = tiles
    .map((t) => ({ tileId: zxyToTileId(t.z, t.x, t.y), bytes: t.bytes }))
    .sort((a, b) => a.tileId - b.tileId)
  let offset = 0
  const placed = entries.map((e) => {
    const entry = { ...e, offset, length: e.bytes.length }
    offset += e.bytes.length
    return entry
  })
  const ids = placed.map((e, i) => e.tileId - (i === 0 ? 0 : placed[i - 1]!.tileId))
  const root = Uint8Array.from(varints([
    placed.length,
    ...ids,
    ...placed.map(() => 1),
    ...placed.map((e) => e.length),
    ...placed.map((e, i) => (i > 0 && e.offset === placed[i - 1]!.offset + placed[i - 1]!.length ? 0 : e.offset + 1)),
  ]))
  const metadata = Buffer.from(JSON.stringify(options.metadata ?? { name: '浑南新区', attribution: '© 测试 PMTiles' }))
  const data = Buffer.concat(placed.map((e) => e.bytes))

  const header = Buffer.alloc(127)
  header.write('PMTiles', 0, 'latin1')
  header.writeUInt8(3, 7)
  const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at)
  const rootOffset = 127
  const metaOffset = rootOffset + root.length
  const dataOffset = metaOffset + metadata.length
  u64(8, rootOffset)
  u64(16, root.length)
  u64(24, metaOffset)
  u64(32, metadata.length)
  u64(40, dataOffset) // leaf directories: none
  u64(48, 0)
  u64(56, dataOffset)
  u64(64, data.length)
  u64(72, placed.length) // addressed tiles
  u64(80, placed.length) // tile entries
  u64(88, placed.length) // tile contents
  header.writeUInt8(1, 96) // clustered
  header.writeUInt8(1, 97) // internal compression: none
  header.writeUInt8(1, 98) // tile compression: none
  header.writeUInt8(options.tileType ?? 2, 99)
  header.writeUInt8(options.minZoom ?? 0, 100)
  header.writeUInt8(options.maxZoom ?? 1, 101)
  const [w, s, e, n] = options.bounds ?? [123.3, 41.7, 123.6, 41.9]
  header.writeInt32LE(Math.round(w * 1e7), 102)
  header.writeInt32LE(Math.round(s * 1e7), 106)
  header.writeInt32LE(Math.round(e * 1e7), 110)
  header.writeInt32LE(Math.round(n * 1e7), 114)
  header.writeUInt8(options.minZoom ?? 0, 118)
  header.writeInt32LE(Math.round(((w + e) / 2) * 1e7), 119)
  header.writeInt32LE(Math.round(((s + n) / 2) * 1e7), 123)
  fs.writeFileSync(file, Buffer.concat([header, root, metadata, data]))
}

export interface TileServer {
  /** e.g. http://127.0.0.1:PORT/{z}/{x}/{y}.png */
  template: string
  /** Paths requested, in order. */
  requests: string[]
  /** Tiles (z/x/y) the server answers 404 for. */
  missing: Set<string>
  /** Milliseconds to wait before each answer. */
  delayMs: number
  close(): Promise<void>
}

/** An XYZ tile server on 127.0.0.1 answering /z/x/y.png with tilePng(z, x, y), and /z/x/y.txt with a 200 XML error. */
export async function startTileServer(): Promise<TileServer> {
  const state = { requests: [] as string[], missing: new Set<string>(), delayMs: 0 }
  const server = http.createServer((req, res) => {
    state.requests.push(req.url ?? '')
    const match = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '')
    setTimeout(() => {
      if (req.url?.endsWith('.txt')) {
        res.writeHead(200, { 'content-type': 'text/xml' }).end('<error>invalid key</error>')
        return
      }
      if (!match || state.missing.has(`${match[1]}/${match[2]}/${match[3]}`)) {
        res.writeHead(404).end()
        return
      }
      res.writeHead(200, { 'content-type': 'image/png' }).end(tilePng(Number(match[1]), Number(match[2]), Number(match[3])))
    }, state.delayMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return Object.assign(state, {
    template: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}
