import type { Feature } from 'geojson'
import type { RawTable } from '../table'
import { sheetName } from './csv'
import { featuresToSheet, isGeometry } from './features'
import { refuse, utf8Text, type ReadContext } from './guard'

// GeoJSON as GIS staff export it: a FeatureCollection, a single Feature, or a bare geometry.

export async function readGeoJson(bytes: Uint8Array, ctx: ReadContext): Promise<RawTable> {
  let data: unknown
  try {
    data = JSON.parse(utf8Text(bytes, 'GeoJSON 文件'))
  } catch (error) {
    if (error instanceof Error && error.name === 'DomainError') throw error
    throw refuse('GeoJSON 文件不是有效的 JSON')
  }
  ctx.check()
  const features = toFeatures(data)
  return { format: 'geojson', encoding: null, sheets: [featuresToSheet(sheetName(ctx.fileName), features, ctx)] }
}

/**
 * Arrays and objects inside one another in a feature's properties: real ones are flat, or hold a
 * little JSON. Deeper nesting only serves to exhaust the stack of what walks it later (a property
 * becomes a cell through JSON.stringify). Geometries have their own rule (features.ts).
 */
export const MAX_PROPERTY_DEPTH = 32

/** True when `value` nests arrays/objects deeper than `limit`; walks without recursion. */
export function deeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (depth > limit) return true
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
  }
  return false
}

export function toFeatures(data: unknown): Feature[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw refuse('GeoJSON 文件应为一个对象（FeatureCollection、Feature 或几何图形）')
  const obj = data as { type?: unknown; features?: unknown }
  if (obj.type === 'FeatureCollection') {
    if (!Array.isArray(obj.features)) throw refuse('GeoJSON 的 FeatureCollection 缺少 features 数组')
    return obj.features.map((f, i) => asFeature(f, i + 1))
  }
  if (obj.type === 'Feature') return [asFeature(obj, 1)]
  if (isGeometry(obj)) return [{ type: 'Feature', geometry: obj, properties: {} }]
  throw refuse('GeoJSON 的类型应为 FeatureCollection、Feature 或几何图形')
}

function asFeature(value: unknown, n: number): Feature {
  const f = value as { type?: unknown; geometry?: unknown; properties?: unknown }
  if (typeof f !== 'object' || f === null || f.type !== 'Feature') throw refuse(`GeoJSON 第 ${n} 个要素不是 Feature`)
  if (f.geometry !== null && f.geometry !== undefined && !isGeometry(f.geometry)) throw refuse(`GeoJSON 第 ${n} 个要素的几何图形无法识别`)
  const properties = typeof f.properties === 'object' && f.properties !== null && !Array.isArray(f.properties) ? (f.properties as Record<string, unknown>) : {}
  if (deeperThan(properties, MAX_PROPERTY_DEPTH)) throw refuse(`GeoJSON 第 ${n} 个要素的属性嵌套超过 ${MAX_PROPERTY_DEPTH} 层，无法读取`)
  return { type: 'Feature', geometry: (f.geometry ?? null) as Feature['geometry'], properties }
}
