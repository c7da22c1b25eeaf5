import type { Geometry, Position } from 'geojson'
import { toWgs84 } from '../../../shared/coordinates'
import type { ImportCrs, ImportProblem } from '../../../shared/imports'
import { parcelCreate, parcelUpdate } from '../../../shared/schemas/parcels'
import { DomainError } from '../../../shared/result'
import { deriveLocation } from '../parcels/geometry'
import type { NumberRange } from './cells'
import {
  districtOf, get, headerOf, newId, type PlanBook, type PlanContext, positionOf, type RecordRow, type Row, type SheetLayout, validate,
  type WriteOp,
} from './plan'

// Parcels from a sheet or a GIS file. Matched by an id column, else by 地块编号. A GIS feature
// whose code matches a parcel already listed updates its boundary (the planning bureau's usual
// hand-out); area and position follow from the boundary when the file does not give them.

const KEYS = [
  'code', 'name', 'address', 'area', 'landUse', 'buildingDensity', 'greenRatio', 'heightLimit', 'readiness', 'utilities', 'status',
  'referencePrice', 'targetIndustry', 'contactName', 'contactPhone', 'notes',
] as const

const round7 = (n: number) => Math.round(n * 1e7) / 1e7

/** A Polygon/MultiPolygon's positions converted to WGS-84; other geometries are refused. */
function boundaryIn(geometry: Geometry, crs: ImportCrs): { ok: true; value: Geometry } | { ok: false; message: string } {
  const ring = (r: Position[]) => r.map((p) => {
    const [x, y] = toWgs84([p[0]!, p[1]!], crs)
    return [round7(x), round7(y)]
  })
  if (geometry.type === 'Polygon') return { ok: true, value: { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } }
  if (geometry.type === 'MultiPolygon') return { ok: true, value: { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(ring)) } }
  return { ok: false, message: `地块边界：应为多边形（Polygon 或 MultiPolygon），文件中是 ${geometry.type}` }
}

export function planParcels(records: RecordRow[], layout: SheetLayout, ctx: PlanContext, book: PlanBook): void {
  const crs = ctx.options.crs ?? 'wgs84'
  const byId = new Map(ctx.lookups.parcels.map((p) => [p.id as string, p]))
  const byCode = new Map(ctx.lookups.parcels.map((p) => [p.code as string, p]))
  const createdDistricts = new Map<string, Row>()
  const seen = new Map<string, number>()
  const columnFor = (field: string) => headerOf(layout, field.startsWith('plotRatio') ? 'plotRatio' : field)

  for (const record of records) {
    const code = get<string>(record, 'code') ?? ''
    const problems: ImportProblem[] = [...record.problems]
    const idCell = get<string>(record, 'id')
    const stored = (idCell && byId.get(idCell)) || (code ? byCode.get(code) : undefined)
    const name = code || (stored?.code as string | undefined) || ''
    if (!code && !stored) problems.push({ row: record.row, column: headerOf(layout, 'code'), message: '地块编号：必填' })
    const earlier = seen.get(code)
    if (code && earlier !== undefined) problems.push({ row: record.row, column: headerOf(layout, 'code'), message: `地块编号：与第 ${earlier} 行重复` })

    const fields: Row = {}
    for (const key of KEYS) {
      const v = get(record, key)
      if (v !== undefined) fields[key] = v
    }
    const range = get<NumberRange>(record, 'plotRatio')
    if (range) {
      if (range.min !== null) fields.plotRatioMin = range.min
      if (range.max !== null) fields.plotRatioMax = range.max
    }
    Object.assign(fields, Object.fromEntries(Object.entries(positionOf(record, crs)).filter(([, v]) => v !== undefined)))
    const geometry = get<Geometry>(record, 'boundary')
    if (geometry) {
      const converted = boundaryIn(geometry, crs)
      if (converted.ok) fields.boundary = converted.value
      else problems.push({ row: record.row, column: headerOf(layout, 'boundary'), message: converted.message })
    }

    let district: ReturnType<typeof districtOf> | null = null
    if (!stored || get(record, 'districtCode') !== undefined) {
      district = districtOf(record, layout, ctx, createdDistricts)
      if (district.ok) fields.districtCode = district.code
      else problems.push(district.problem)
    }
    const dropDistrict = () => {
      if (district?.ok && district.create) createdDistricts.delete(district.code)
    }
    if (problems.length > 0) {
      dropDistrict()
      book.reject(record.row, name, problems)
      continue
    }

    const checked = stored
      ? validate(parcelUpdate, { id: stored.id, ...fields }, record.row, columnFor)
      : validate(parcelCreate, fields, record.row, columnFor)
    if (!checked.ok) {
      dropDistrict()
      book.reject(record.row, name, checked.problems)
      continue
    }
    const { id: _id, ...value } = checked.value as Row
    let located: Row
    try {
      // An area or a position the parcel already has is kept when only the boundary comes in.
      located = deriveLocation({
        ...(value as { boundary?: never }),
        area: (value.area as number | undefined) ?? (stored?.area as number | null | undefined),
        lng: (value.lng as number | undefined) ?? (stored?.lng as number | null | undefined),
        lat: (value.lat as number | undefined) ?? (stored?.lat as number | null | undefined),
      })
    } catch (error) {
      dropDistrict()
      const message = error instanceof DomainError ? error.message : String(error)
      book.reject(record.row, name, [{ row: record.row, column: headerOf(layout, 'boundary'), message }])
      continue
    }
    const ops: WriteOp[] = []
    if (district?.ok && district.create) ops.push({ op: 'insert', table: 'districts', values: district.create })
    const merged = { ...value, ...Object.fromEntries(Object.entries(located).filter(([, v]) => v !== undefined && v !== null)) }
    if (typeof merged.boundary === 'object' && merged.boundary !== null) merged.boundary = JSON.stringify(merged.boundary)
    if (stored) {
      const before = stored
      const lng = merged.lng === undefined ? before.lng : merged.lng
      const lat = merged.lat === undefined ? before.lat : merged.lat
      if ((lng == null) !== (lat == null)) {
        book.reject(record.row, name, [{ row: record.row, column: headerOf(layout, 'lng'), message: '位置：经度和纬度需同时填写' }])
        continue
      }
      const min = merged.plotRatioMin === undefined ? before.plotRatioMin : merged.plotRatioMin
      const max = merged.plotRatioMax === undefined ? before.plotRatioMax : merged.plotRatioMax
      if (min != null && max != null && (min as number) > (max as number)) {
        book.reject(record.row, name, [{ row: record.row, column: headerOf(layout, 'plotRatio'), message: `容积率上限：不能小于下限（${min}）` }])
        continue
      }
      ops.push({ op: 'update', table: 'parcels', id: stored.id as string, patch: merged, before })
      book.updated += 1
      book.accept(record.row, name, 'update', ops, record.warnings)
    } else {
      const parcel = {
        id: newId(), code, name: merged.name, districtCode: merged.districtCode, address: null, lng: null, lat: null, boundary: null,
        area: null, landUse: merged.landUse, plotRatioMin: null, plotRatioMax: null, buildingDensity: null, greenRatio: null,
        heightLimit: null, readiness: null, utilities: null, status: merged.status, referencePrice: null, targetIndustry: null,
        contactName: null, contactPhone: null, notes: null, isDemo: 0, ...merged,
      }
      ops.push({ op: 'insert', table: 'parcels', values: parcel })
      book.created += 1
      book.accept(record.row, name, 'create', ops, record.warnings)
    }
    if (district?.ok && district.create) book.count('districts')
    seen.set(code || (stored?.code as string), record.row)
  }
}
