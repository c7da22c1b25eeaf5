import { kml } from '@tmcw/togeojson'
import { DOMParser } from '@xmldom/xmldom'
import type { Feature } from 'geojson'
import type { RawTable } from '../table'
import { sheetName } from './csv'
import { featuresToSheet } from './features'
import { megabytes, refuse, type ReadContext } from './guard'
import { isZip, listZip, unzipChecked } from './zip'

// KML (Google Earth, 奥维互动地图, LocaSpace) and KMZ (a zip with doc.kml). Placemarks' name,
// description and ExtendedData become columns; style properties togeojson adds are dropped.

const STYLE_KEYS = new Set([
  'styleUrl', 'styleHash', 'styleMapHash', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity',
  'icon', 'icon-scale', 'icon-color', 'icon-opacity', 'icon-heading', 'icon-offset', 'icon-offset-units',
  'label-scale', 'label-color', 'label-opacity', 'visibility', '@geometry-type', 'timespan', 'timestamp',
])

export async function readKml(bytes: Uint8Array, ctx: ReadContext): Promise<RawTable> {
  const xml = isZip(bytes) ? kmzDocument(bytes, ctx) : bytes
  const features = kmlFeatures(decodeXml(xml), ctx)
  return { format: 'kml', encoding: null, sheets: [featuresToSheet(sheetName(ctx.fileName), features, ctx, STYLE_KEYS)] }
}

/** doc.kml, else the first .kml at the top of the archive. */
function kmzDocument(bytes: Uint8Array, ctx: ReadContext): Uint8Array {
  const isKml = (name: string) => name.toLowerCase().endsWith('.kml') && !name.startsWith('__MACOSX')
  // The document inflated is held to a plain .kml's size limit: XML parsed into a DOM takes many times its bytes.
  for (const entry of listZip(bytes, ctx, 'KMZ 文件')) {
    if (isKml(entry.name) && entry.size > ctx.limits.maxBytes) {
      throw refuse(`KMZ 文件中的“${entry.name}”解压后 ${megabytes(entry.size)}，超过上限 ${megabytes(ctx.limits.maxBytes)}`)
    }
  }
  const files = unzipChecked(bytes, ctx, 'KMZ 文件', isKml)
  const names = [...files.keys()].sort((a, b) => a.split('/').length - b.split('/').length)
  const chosen = files.get('doc.kml') ?? (names[0] ? files.get(names[0]) : undefined)
  if (!chosen) throw refuse('KMZ 压缩包中没有 .kml 文件')
  return chosen
}

function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200))
  const declared = /encoding=["']([\w-]+)["']/i.exec(head)?.[1]?.toLowerCase()
  const encoding = declared && /^(gbk|gb2312|gb18030)$/.test(declared) ? 'gb18030' : 'utf-8'
  return new TextDecoder(encoding).decode(bytes)
}

export function kmlFeatures(text: string, ctx: ReadContext): Feature[] {
  // Entities are how "billion laughs" and XXE attacks work; a KML has no use for them.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw refuse('KML 文件含有 DOCTYPE/ENTITY 声明，出于安全考虑拒绝读取')
  let doc: Document
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml') as unknown as Document
  } catch {
    throw refuse('KML 文件不是有效的 XML')
  }
  if (!doc.documentElement || doc.documentElement.nodeName.toLowerCase() !== 'kml') throw refuse('文件不是 KML（缺少 <kml> 根元素）')
  ctx.check()
  let collection: ReturnType<typeof kml>
  try {
    collection = kml(doc)
  } catch {
    // e.g. folders nested deeper than the stack allows
    throw refuse('KML 文件结构无法解析（嵌套过深或内容不完整）')
  }
  return collection.features.filter((f) => f.geometry !== null || Object.keys(f.properties ?? {}).length > 0) as Feature[]
}
