import type { Feature, Geometry } from 'geojson'
import { GEOMETRY_HEADER, type Cell, type RawSheet } from '../table'
import { refuse, rowCounter, tooManyColumns, type ReadContext } from './guard'

// GIS files (GeoJSON, KML, shapefiles) all end as features; this turns them into one sheet: the
// union of the property names in first-seen order, then GEOMETRY_HEADER; one row per feature.

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'])

export function isGeometry(value: unknown): value is Geometry {
  return typeof value === 'object' && value !== null && GEOMETRY_TYPES.has((value as { type?: unknown }).type as string)
}

/** Positions in a geometry, refusing malformed coordinates on the way. */
export function countPositions(geometry: Geometry, nesting = 0): number {
  if (geometry.type === 'GeometryCollection') {
    // Collections inside collections are legal but never useful; deep ones only exhaust the stack.
    if (nesting > 4 || !Array.isArray(geometry.geometries)) throw refuse('几何图形集合（GeometryCollection）格式不正确或嵌套过深')
    return geometry.geometries.reduce((n, g) => n + countPositions(g, nesting + 1), 0)
  }
  return countNested(geometry.coordinates, depthOf(geometry.type))
}

function depthOf(type: Exclude<Geometry['type'], 'GeometryCollection'>): number {
  switch (type) {
    case 'Point':
      return 0
    case 'MultiPoint':
    case 'LineString':
      return 1
    case 'MultiLineString':
    case 'Polygon':
      return 2
    case 'MultiPolygon':
      return 3
  }
}

function countNested(value: unknown, depth: number): number {
  if (!Array.isArray(value)) throw refuse('几何图形的坐标格式不正确')
  if (depth === 0) {
    if (value.length < 2 || typeof value[0] !== 'number' || typeof value[1] !== 'number') throw refuse('几何图形的坐标格式不正确')
    return 1
  }
  let n = 0
  for (const item of value) n += countNested(item, depth - 1)
  return n
}

function propertyCell(value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  return JSON.stringify(value)
}

export function featuresToSheet(name: string, features: readonly Feature[], ctx: ReadContext, dropKeys: ReadonlySet<string> = new Set()): RawSheet {
  const count = rowCounter(ctx)
  const keys: string[] = []
  const index = new Map<string, number>()
  let positions = 0
  for (const feature of features) {
    count()
    if (feature.geometry) {
      positions += countPositions(feature.geometry)
      if (positions > ctx.limits.maxCoordinates) throw refuse(`坐标点总数超过上限 ${ctx.limits.maxCoordinates.toLocaleString('en-US')} 个，请简化图形后再导入`)
    }
    for (const key of Object.keys(feature.properties ?? {})) {
      if (index.has(key) || dropKeys.has(key)) continue
      index.set(key, keys.length)
      keys.push(key)
      if (keys.length + 1 > ctx.limits.maxColumns) throw tooManyColumns(ctx, '属性表')
    }
  }
  const rows: Cell[][] = [[...keys, GEOMETRY_HEADER]]
  for (const feature of features) {
    const props = (feature.properties ?? {}) as Record<string, unknown>
    const row: Cell[] = keys.map((k) => propertyCell(props[k]))
    row.push(feature.geometry ? { geometry: feature.geometry } : null)
    rows.push(row)
  }
  return { name, rows }
}
