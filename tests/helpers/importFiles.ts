import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import ExcelJS from 'exceljs'
import { Zip, zipSync, type ZipInputFile } from 'fflate'
import iconv from 'iconv-lite'

// Builders of the files people hand the importer, written into a test's own folder. Each returns
// the path it wrote. Used by the reader tests and by the engine's and the wizard's tests.

// ---------------------------------------------------------------------------------------------
// XLSX

/** A cell as exceljs takes it: a value, a Date, { formula, result }, { richText }, { text, hyperlink }. */
export type XlsxCell = ExcelJS.CellValue

export interface XlsxSheetSpec {
  name: string
  rows: XlsxCell[][]
  /** Ranges such as 'A1:F1' (a title merged across) or 'A3:A5' (a group down a column). */
  merges?: string[]
  hidden?: boolean
  /** Number formats by column letter, e.g. { D: 'yyyy-mm-dd' } so a Date cell stays a date. */
  numFmts?: Record<string, string>
}

export async function writeXlsx(dir: string, name: string, sheets: XlsxSheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, spec.hidden ? { state: 'hidden' } : undefined)
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return
        const cell = ws.getCell(r + 1, c + 1)
        cell.value = value
        if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd'
      })
    })
    for (const [col, fmt] of Object.entries(spec.numFmts ?? {})) ws.getColumn(col).numFmt = fmt
    for (const range of spec.merges ?? []) ws.mergeCells(range)
  }
  const file = path.join(dir, name)
  await wb.xlsx.writeFile(file)
  return file
}

// ---------------------------------------------------------------------------------------------
// CSV

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le-bom'

function csvField(value: unknown, delimiter: string): string {
  if (value === null || value === undefined) return ''
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvText(rows: unknown[][], delimiter = ','): string {
  return rows.map((row) => row.map((v) => csvField(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n'
}

export function writeCsv(
  dir: string,
  name: string,
  rows: unknown[][],
  options: { encoding?: CsvEncoding; delimiter?: string } = {},
): string {
  const text = csvText(rows, options.delimiter ?? ',')
  const encoding = options.encoding ?? 'utf-8'
  let bytes: Buffer
  if (encoding === 'gb18030') bytes = iconv.encode(text, 'gb18030')
  else if (encoding === 'utf-8-bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf-8')])
  else if (encoding === 'utf-16le-bom') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
  else bytes = Buffer.from(text, 'utf-8')
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  return file
}

// ---------------------------------------------------------------------------------------------
// GIS files

export type Ring = Array<[number, number]>

export interface GisFeature {
  properties: Record<string, string | number | null>
  /** The outer ring of a polygon (closed or not), [lng, lat]. */
  polygon?: Ring
  point?: [number, number]
}

function closed(ring: Ring): Ring {
  const first = ring[0]!
  const last = ring[ring.length - 1]!
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first]
}

function geometryOf(f: GisFeature): object | null {
  if (f.polygon) return { type: 'Polygon', coordinates: [closed(f.polygon)] }
  if (f.point) return { type: 'Point', coordinates: f.point }
  return null
}

/** A FeatureCollection of the features, or any object given as is (for hostile shapes). */
export function writeGeoJson(dir: string, name: string, data: GisFeature[] | object): string {
  const json = Array.isArray(data)
    ? { type: 'FeatureCollection', features: data.map((f) => ({ type: 'Feature', properties: f.properties, geometry: geometryOf(f) })) }
    : data
  const file = path.join(dir, name)
  fs.writeFileSync(file, JSON.stringify(json))
  return file
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** KML placemarks: properties named 名称/name become <name>, the rest ExtendedData <Data>. */
export function kmlText(features: GisFeature[]): string {
  const placemarks = features.map((f) => {
    const { name, description, ...rest } = f.properties
    const data = Object.entries(rest)
      .map(([k, v]) => `<Data name="${xmlEscape(k)}"><value>${xmlEscape(v === null ? '' : String(v))}</value></Data>`)
      .join('')
    const geom = f.polygon
      ? `<Polygon><outerBoundaryIs><LinearRing><coordinates>${closed(f.polygon).map(([x, y]) => `${x},${y},0`).join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon>`
      : f.point
        ? `<Point><coordinates>${f.point[0]},${f.point[1]},0</coordinates></Point>`
        : ''
    return `<Placemark>${name != null ? `<name>${xmlEscape(String(name))}</name>` : ''}${description != null ? `<description>${xmlEscape(String(description))}</description>` : ''}<styleUrl>#parcel</styleUrl>${data ? `<ExtendedData>${data}</ExtendedData>` : ''}${geom}</Placemark>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>地块</name><Style id="parcel"><PolyStyle><color>7f00ff00</color></PolyStyle></Style>${placemarks.join('')}</Document></kml>\n`
}

export function writeKml(dir: string, name: string, features: GisFeature[] | string, options: { kmz?: boolean } = {}): string {
  const text = typeof features === 'string' ? features : kmlText(features)
  const file = path.join(dir, name)
  if (options.kmz) fs.writeFileSync(file, zipSync({ 'doc.kml': new TextEncoder().encode(text) }))
  else fs.writeFileSync(file, text)
  return file
}

/** A KML whose DOCTYPE defines nested entities ("billion laughs"): 10⁹ copies of "lol" if expanded. */
export function entityBombKml(): string {
  const entities = ['<!ENTITY lol0 "lol">']
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
  return `<?xml version="1.0"?>\n<!DOCTYPE kml [\n${entities.join('\n')}\n]>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&lol9;</name></Placemark></Document></kml>\n`
}

// Shapefile ------------------------------------------------------------------------------------
// Hand-written because no shapefile writer is installed (shpjs only reads). The formats are small
// and fixed (ESRI Shapefile Technical Description, 1998; dBase III): a 100-byte header and one
// record per feature in .shp/.shx, a field table and fixed-width records in .dbf.

export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'

/** Shoelace sign: shapefile outer rings run clockwise (negative area in x-right, y-up axes). */
function clockwise(ring: Ring): Ring {
  let sum = 0
  for (let i = 0; i < ring.length - 1; i++) sum += (ring[i + 1]![0] - ring[i]![0]) * (ring[i + 1]![1] + ring[i]![1])
  return sum > 0 ? ring : [...ring].reverse()
}

function shpHeader(view: DataView, lengthWords: number, shapeType: number, box: [number, number, number, number]): void {
  view.setInt32(0, 9994, false)
  view.setInt32(24, lengthWords, false)
  view.setInt32(28, 1000, true)
  view.setInt32(32, shapeType, true)
  box.forEach((v, i) => view.setFloat64(36 + i * 8, v, true))
}

function bboxOf(points: Ring): [number, number, number, number] {
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

/** .shp and .shx of polygons (type 5), one ring each. */
export function shpBytes(rings: Ring[]): { shp: Uint8Array; shx: Uint8Array } {
  const prepared = rings.map((r) => clockwise(closed(r)))
  const contents = prepared.map((ring) => {
    const buf = new ArrayBuffer(44 + 4 + ring.length * 16)
    const v = new DataView(buf)
    v.setInt32(0, 5, true)
    bboxOf(ring).forEach((n, i) => v.setFloat64(4 + i * 8, n, true))
    v.setInt32(36, 1, true)
    v.setInt32(40, ring.length, true)
    v.setInt32(44, 0, true)
    ring.forEach(([x, y], i) => {
      v.setFloat64(48 + i * 16, x, true)
      v.setFloat64(56 + i * 16, y, true)
    })
    return new Uint8Array(buf)
  })
  const box = bboxOf(prepared.flat())
  const shpLength = 100 + contents.reduce((n, c) => n + 8 + c.length, 0)
  const shp = new Uint8Array(shpLength)
  const shx = new Uint8Array(100 + 8 * contents.length)
  const sv = new DataView(shp.buffer)
  const xv = new DataView(shx.buffer)
  shpHeader(sv, shpLength / 2, 5, box)
  shpHeader(xv, shx.length / 2, 5, box)
  let offset = 100
  contents.forEach((content, i) => {
    sv.setInt32(offset, i + 1, false)
    sv.setInt32(offset + 4, content.length / 2, false)
    shp.set(content, offset + 8)
    xv.setInt32(100 + i * 8, offset / 2, false)
    xv.setInt32(104 + i * 8, content.length / 2, false)
    offset += 8 + content.length
  })
  return { shp, shx }
}

/** A dBase III table; text (and field names) in `encoding`; numbers as N fields. 0x4D marks GBK. */
export function dbfBytes(records: Array<Record<string, string | number | null>>, encoding: 'gbk' | 'utf-8', markGbk = false): Uint8Array {
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))]
  const enc = (s: string) => (encoding === 'gbk' ? iconv.encode(s, 'gbk') : Buffer.from(s, 'utf-8'))
  const fields = names.map((name) => {
    const values = records.map((r) => r[name])
    const numeric = values.every((v) => v === null || v === undefined || typeof v === 'number')
    const texts = values.map((v) => (v === null || v === undefined ? '' : String(v)))
    const decimals = numeric ? Math.max(0, ...texts.map((t) => (t.includes('.') ? t.split('.')[1]!.length : 0))) : 0
    const length = Math.max(1, ...texts.map((t) => enc(t).length))
    return { name, nameBytes: fieldName(name, enc), numeric, decimals, length: Math.min(254, numeric ? Math.max(length, 10) : length) }
  })
  const headerLength = 32 + 32 * fields.length + 1
  const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0)
  const out = new Uint8Array(headerLength + recordLength * records.length + 1)
  const v = new DataView(out.buffer)
  out[0] = 0x03
  out[1] = 124
  out[2] = 3
  out[3] = 1
  v.setUint32(4, records.length, true)
  v.setUint16(8, headerLength, true)
  v.setUint16(10, recordLength, true)
  if (markGbk) out[29] = 0x4d
  fields.forEach((f, i) => {
    const at = 32 + i * 32
    out.set(f.nameBytes, at)
    out[at + 11] = (f.numeric ? 'N' : 'C').charCodeAt(0)
    out[at + 16] = f.length
    out[at + 17] = f.decimals
  })
  out[headerLength - 1] = 0x0d
  records.forEach((r, i) => {
    let at = headerLength + i * recordLength
    out[at++] = 0x20
    for (const f of fields) {
      const value = r[f.name]
      const text = value === null || value === undefined ? '' : f.numeric ? (value as number).toFixed(f.decimals) : String(value)
      const bytes = enc(text)
      const padded = new Uint8Array(f.length).fill(0x20)
      padded.set(bytes.subarray(0, f.length), f.numeric ? f.length - Math.min(bytes.length, f.length) : 0)
      out.set(padded, at)
      at += f.length
    }
  })
  out[out.length - 1] = 0x1a
  return out
}

/** A field name cut to the 10 bytes dBase allows, at a character boundary. */
function fieldName(name: string, enc: (s: string) => Buffer): Uint8Array {
  let out = ''
  for (const ch of name) {
    if (enc(out + ch).length > 10) break
    out += ch
  }
  return enc(out)
}

export interface ShapefileOptions {
  /** The .dbf text encoding (Chinese GIS software writes GBK). */
  encoding?: 'gbk' | 'utf-8'
  /** Content of a .cpg file; none when omitted. */
  cpg?: string
  /** Mark GBK in the .dbf header's language driver byte. */
  markGbk?: boolean
  /** .prj text; WGS-84 by default, null for none. */
  prj?: string | null
  /** The files' base name inside the zip. */
  layer?: string
  /** Leave out parts, e.g. ['shp'] for a zip with a .dbf only. */
  omit?: Array<'shp' | 'shx' | 'dbf' | 'prj'>
}

/** A zipped shapefile of polygon features (each needs `polygon`). */
export function writeShapefileZip(dir: string, name: string, features: GisFeature[], options: ShapefileOptions = {}): string {
  const layer = options.layer ?? '地块'
  const { shp, shx } = shpBytes(features.map((f) => f.polygon ?? []))
  const files: Record<string, Uint8Array> = {
    [`${layer}.shp`]: shp,
    [`${layer}.shx`]: shx,
    [`${layer}.dbf`]: dbfBytes(features.map((f) => f.properties), options.encoding ?? 'gbk', options.markGbk),
  }
  const prj = options.prj === undefined ? WGS84_PRJ : options.prj
  if (prj !== null) files[`${layer}.prj`] = new TextEncoder().encode(prj)
  if (options.cpg !== undefined) files[`${layer}.cpg`] = new TextEncoder().encode(options.cpg)
  for (const part of options.omit ?? []) delete files[`${layer}.${part}`]
  const file = path.join(dir, name)
  fs.writeFileSync(file, zipSync(files))
  return file
}

// ---------------------------------------------------------------------------------------------
// Hostile files

/**
 * A deflate stream of 1 + 258 × matches zero bytes: a literal 0, then "repeat 258 bytes from 1
 * back" codes with the fixed Huffman table (RFC 1951 §3.2.6) — 13 bits per 258 bytes. Built
 * directly because deflating 1 GB with fflate takes ~40 s; the zip around it is fflate's.
 */
function deflatedZeros(matches: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.ceil((3 + 8 + 13 * matches + 7) / 8) + 1)
  let bit = 0
  const put = (code: number, length: number, huffman: boolean) => {
    for (let i = 0; i < length; i++) {
      // Huffman codes go most significant bit first; header fields least significant first.
      if ((huffman ? code >> (length - 1 - i) : code >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7)
      bit++
    }
  }
  put(1, 1, false) // last block
  put(1, 2, false) // fixed Huffman codes
  put(0x30, 8, true) // literal 0
  for (let m = 0; m < matches; m++) {
    put(0xc5, 8, true) // length code 285: 258 bytes
    put(0, 5, true) // distance code 0: 1 byte back
  }
  put(0, 7, true) // end of block
  return out.slice(0, (bit + 7) >> 3)
}

function crcOfZeros(size: number): number {
  const zeros = new Uint8Array(1 << 20)
  let crc = 0
  for (let left = size; left > 0; left -= zeros.length) crc = zlib.crc32(zeros.subarray(0, Math.min(left, zeros.length)), crc)
  return crc
}

let zeros: { size: number; deflated: Uint8Array<ArrayBuffer>; crc: number } | undefined

/** The bomb's entry, made once per test file (about a second: the CRC of 1 GB). */
function zerosEntry(): { size: number; deflated: Uint8Array<ArrayBuffer>; crc: number } {
  const matches = 4_161_790
  const size = 1 + 258 * matches
  zeros ??= { size, deflated: deflatedZeros(matches), crc: crcOfZeros(size) }
  return zeros
}

/**
 * A zip with one entry of ~1 GB of zeros (6.5 MB compressed), named like an xlsx's sheet.
 * `declaredSize` makes the directory lie about the entry's size (the honest size by default).
 */
export function writeZipBomb(dir: string, name: string, options: { entry?: string; declaredSize?: number; extra?: Record<string, string> } = {}): string {
  const { size, deflated, crc } = zerosEntry()
  const chunks: Uint8Array[] = []
  const zip = new Zip((err, data) => {
    if (err) throw err
    chunks.push(data)
  })
  for (const [entry, text] of Object.entries(options.extra ?? {})) {
    const raw = new TextEncoder().encode(text)
    const f: ZipInputFile = { filename: entry, size: raw.length, crc: zlib.crc32(raw), compression: 0 }
    zip.add(f)
    f.ondata!(null, raw, true)
  }
  const file: ZipInputFile = { filename: options.entry ?? 'xl/worksheets/sheet1.xml', size: options.declaredSize ?? size, crc, compression: 8 }
  zip.add(file)
  file.ondata!(null, deflated, true)
  zip.end()
  const out = path.join(dir, name)
  fs.writeFileSync(out, Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))))
  return out
}

export function writeBytes(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  return file
}

/** Deterministic noise (xorshift), so a "random bytes" file is the same on every run. */
export function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed >>> 0
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    out[i] = x & 0xff
  }
  return out
}
