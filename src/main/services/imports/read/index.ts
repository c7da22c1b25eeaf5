import type { RawTable, ReadLimits } from '../table'
import { readCsv } from './csv'
import { readGeoJson } from './geojson'
import { readBytes, readContext, refuse, type ReadContext } from './guard'
import { readKml } from './kml'
import { readShapefileZip } from './shp'
import { readXlsx } from './xlsx'
import { isZip, listZip } from './zip'

// The one entry of the importer's file reading: which reader by the file's name and its first
// bytes (a renamed file is read by what it is), all within the limits.

export const SUPPORTED_FORMATS_TEXT = 'Excel（.xlsx）、CSV、GeoJSON、KML/KMZ、Shapefile（.zip）'

export async function readTable(
  filePath: string,
  fileName: string,
  options: { limits?: Partial<ReadLimits>; signal?: AbortSignal } = {},
): Promise<RawTable> {
  const ctx = readContext(fileName, options)
  ctx.check()
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''
  if (ext === 'xls' || ext === 'et') throw refuse('不支持旧版 .xls/.et 格式，请在 Excel/WPS 中另存为 .xlsx 或 .csv 后再导入')
  if (ext === 'shp' || ext === 'dbf' || ext === 'shx') throw refuse('Shapefile 请把 .shp、.dbf、.prj（及 .cpg）一起压缩成 .zip 后导入')
  const bytes = await readBytes(filePath, ctx)
  if (bytes.length === 0) throw refuse('文件是空的')
  return dispatch(bytes, ext, ctx)
}

async function dispatch(bytes: Uint8Array, ext: string, ctx: ReadContext): Promise<RawTable> {
  if (isZip(bytes)) return readZipKind(bytes, ext, ctx)
  if (isOle(bytes)) throw refuse('这是旧版 .xls 文件（或加密的 Excel 文件），请在 Excel/WPS 中另存为 .xlsx 或 .csv 后再导入')
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'kmz') throw refuse(`文件扩展名是 .${ext}，但内容不是 zip 压缩格式，文件可能已损坏或扩展名有误`)
  const lead = firstNonSpace(bytes)
  if (ext === 'geojson' || ext === 'json' || (lead === '{' && ext !== 'csv' && ext !== 'txt')) return readGeoJson(bytes, ctx)
  if (ext === 'kml' || (lead === '<' && ext !== 'csv' && ext !== 'txt')) return readKml(bytes, ctx)
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    if (looksBinary(bytes)) throw refuse(`文件扩展名是 .${ext}，但内容不是文本`)
    return readCsv(bytes, ctx)
  }
  throw refuse(`无法识别的文件格式，支持的格式：${SUPPORTED_FORMATS_TEXT}`)
}

/** An xlsx holds [Content_Types].xml and xl/; a kmz a .kml; a zipped shapefile a .shp. */
function readZipKind(bytes: Uint8Array, ext: string, ctx: ReadContext): Promise<RawTable> {
  const names = listZip(bytes, ctx, '压缩文件').map((e) => e.name)
  if (names.some((n) => n.startsWith('xl/')) && names.includes('[Content_Types].xml')) return readXlsx(bytes, ctx)
  if (names.some((n) => /\.shp$/i.test(n))) return readShapefileZip(bytes, ctx)
  if (names.some((n) => /\.kml$/i.test(n))) return readKml(bytes, ctx)
  if (names.some((n) => /\.dbf$/i.test(n))) return readShapefileZip(bytes, ctx) // refused there, with the reason
  if (ext === 'xlsx') throw refuse('文件不是有效的 .xlsx 工作簿（压缩包中没有工作表）')
  throw refuse(`压缩包中没有可导入的文件，支持的格式：${SUPPORTED_FORMATS_TEXT}`)
}

/** Old binary Office files (.xls, encrypted .xlsx) start with the OLE2 signature. */
function isOle(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  return sig.every((b, i) => bytes[i] === b)
}

function firstNonSpace(bytes: Uint8Array): string {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++
  return String.fromCharCode(bytes[i] ?? 0)
}

/** NUL bytes in the first few KB: not a text file (UTF-16 files come with their BOM). */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false
  const head = bytes.subarray(0, 8192)
  let zeros = 0
  for (const b of head) if (b === 0) zeros++
  return zeros > 0
}
