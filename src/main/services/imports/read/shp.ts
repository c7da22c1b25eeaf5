import type { Feature, FeatureCollection } from 'geojson'
import type { RawTable } from '../table'
import { featuresToSheet } from './features'
import { refuse, type ReadContext } from './guard'
import { unzipChecked } from './zip'

// A zipped shapefile (.shp + .dbf, usually .prj, sometimes .cpg). We unzip it ourselves (zip.ts,
// with its limits) and hand the parts to shpjs's parsers: shpjs reprojects with the .prj, but it
// decodes the .dbf as UTF-8 unless told otherwise, and Chinese GIS software writes GBK without a
// .cpg — so the encoding is decided here: the .cpg, else the .dbf's language driver byte, else
// UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK).

const PARTS = /\.(shp|dbf|prj|cpg)$/i

export async function readShapefileZip(bytes: Uint8Array, ctx: ReadContext): Promise<RawTable> {
  const files = unzipChecked(bytes, ctx, '压缩包', (name) => PARTS.test(name) && !name.startsWith('__MACOSX'))
  // Loaded when first needed: each store worker would otherwise pay for shpjs at its start.
  const { combine, parseDbf, parseShp } = await import('shpjs')
  const layers = [...files.keys()].filter((n) => /\.shp$/i.test(n)).map((n) => n.slice(0, -4))
  if (layers.length === 0) throw refuse('压缩包中没有 .shp 文件（Shapefile 需要 .shp、.dbf，最好还有 .prj）')
  const sheets = layers.map((base) => {
    const part = (ext: string) => files.get([...files.keys()].find((n) => n.toLowerCase() === `${base}.${ext}`.toLowerCase()) ?? '')
    const shp = part('shp')!
    const dbf = part('dbf')
    if (!dbf) throw refuse(`压缩包中缺少“${base}.dbf”（属性表），无法读取`)
    const prj = part('prj')
    const cpg = part('cpg')
    let collection: FeatureCollection
    try {
      const geometries = parseShp(shp, prj ? new TextDecoder().decode(prj) : undefined)
      const properties = parseDbf(dbf, dbfEncoding(dbf, cpg))
      collection = combine([geometries, properties])
    } catch {
      throw refuse(`Shapefile“${base}”无法读取（文件可能已损坏，或 .prj 的坐标系无法识别）`)
    }
    ctx.check()
    const name = base.replace(/^.*\//, '')
    return featuresToSheet(name, collection.features as Feature[], ctx)
  })
  return { format: 'shp', encoding: null, sheets }
}

/** Language driver ids of the .dbf header (byte 29) that mean Simplified Chinese GBK. */
const GBK_DRIVERS = new Set([0x4d, 0x7a])

/** The TextDecoder label for the .dbf's text. */
export function dbfEncoding(dbf: Uint8Array, cpg: Uint8Array | undefined): string {
  if (cpg) {
    const label = new TextDecoder().decode(cpg).trim().toLowerCase().replace(/^ansi\s*/, '')
    if (/^(utf-?8|65001)$/.test(label)) return 'utf-8'
    if (/^(gbk|gb2312|gb18030|cp936|936|ms936|windows-936|euc-cn)$/.test(label)) return 'gb18030'
    if (/^(big5|950|cp950)$/.test(label)) return 'big5'
    try {
      new TextDecoder(label)
      return label
    } catch {
      // an unknown label: decide from the bytes
    }
  }
  if (dbf.length > 29 && GBK_DRIVERS.has(dbf[29]!)) return 'gb18030'
  // The records only: the header holds binary counts, and field names cut at 10 bytes may end mid-character.
  const headerLength = dbf.length > 10 ? dbf[8]! | (dbf[9]! << 8) : 0
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(Math.min(headerLength, dbf.length)))
    return 'utf-8'
  } catch {
    return 'gb18030'
  }
}
