import turfArea from '@turf/area'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Boundary } from '../../src/shared/schemas/parcels'
import { openTestApp, type TestApp } from '../helpers/store'

// A 0.002° × 0.0015° rectangle in Shenhe: about 166 m on each side.
const WEST = 123.43
const EAST = 123.432
const SOUTH = 41.8
const NORTH = 41.8015
const square: Boundary = {
  type: 'Polygon',
  coordinates: [[[WEST, SOUTH], [EAST, SOUTH], [EAST, NORTH], [WEST, NORTH], [WEST, SOUTH]]],
}

/** Flat-earth estimate with the mean Earth radius: width × height in metres. */
function handArea(): number {
  const r = 6_371_008.8
  const rad = Math.PI / 180
  const width = r * Math.cos(((SOUTH + NORTH) / 2) * rad) * (EAST - WEST) * rad
  const height = r * (NORTH - SOUTH) * rad
  return width * height
}

describe('parcels', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await openTestApp()
  })
  afterEach(async () => {
    await app.close()
  })

  const create = (fields: Record<string, unknown> = {}) =>
    app.ok('parcels.create', { code: 'HN2025-001', name: '创新路东侧工业地块', districtCode: '210112', landUse: 'industrial', status: 'listed', ...fields })

  it('computes area, 亩 and position from a boundary', async () => {
    const { id } = await create({ boundary: square })
    const parcel = await app.ok('parcels.get', { id })
    expect(parcel.area).toBeCloseTo(turfArea(square), 2)
    expect(Math.abs(parcel.area! - handArea()) / handArea()).toBeLessThan(0.005)
    expect(parcel.area).toBeGreaterThan(27_000)
    expect(parcel.areaMu).toBeCloseTo((parcel.area! * 15) / 10_000, 10)
    expect(parcel.lng).toBeCloseTo((WEST + EAST) / 2, 7)
    expect(parcel.lat).toBeCloseTo((SOUTH + NORTH) / 2, 7)
    expect(parcel.boundary).toEqual(square)
    expect(parcel).toMatchObject({ districtName: '浑南区', isDemo: false })
  })

  it('keeps an area and a position that are given, and converts 亩 both ways', async () => {
    const { id } = await create({ boundary: square, area: 20_000, lng: 123.5, lat: 41.7 })
    expect(await app.ok('parcels.get', { id })).toMatchObject({ area: 20_000, areaMu: 30, lng: 123.5, lat: 41.7 })
    const plain = await create({ code: 'HN2025-002', area: 666.67 * 3 })
    const parcel = await app.ok('parcels.get', { id: plain.id })
    expect(parcel.areaMu).toBeCloseTo(3, 4)
    expect(parcel).toMatchObject({ boundary: null, lng: null, lat: null })
  })

  it('redraws area and position when the boundary changes, and leaves them otherwise', async () => {
    const { id } = await create({ boundary: square })
    const before = await app.ok('parcels.get', { id })
    const renamed = await app.ok('parcels.update', { id, name: '新名称' })
    expect(renamed).toMatchObject({ name: '新名称', area: before.area, lng: before.lng })

    const half: Boundary = { type: 'Polygon', coordinates: [[[WEST, SOUTH], [123.431, SOUTH], [123.431, NORTH], [WEST, NORTH], [WEST, SOUTH]]] }
    const redrawn = await app.ok('parcels.update', { id, boundary: half })
    expect(redrawn.area! / before.area!).toBeCloseTo(0.5, 3)
    expect(redrawn.lng).toBeCloseTo(123.4305, 7)
  })

  it('saves and logs a changed code (it was dropped as if it were a key)', async () => {
    const { id } = await create()
    expect((await app.ok('parcels.update', { id, code: 'HN2025-009' })).code).toBe('HN2025-009')
    expect((await app.ok('parcels.get', { id })).code).toBe('HN2025-009')
    const changes = await app.ok('changes.list', { rowId: id })
    expect(changes.find((c) => c.op === 'update' && c.field === 'code')).toMatchObject({ oldValue: 'HN2025-001', newValue: 'HN2025-009' })
    expect(changes.find((c) => c.op === 'insert' && c.field === 'code')).toMatchObject({ newValue: 'HN2025-001' })
  })

  it('refuses a duplicate code among live parcels, naming the field', async () => {
    const first = await create()
    const duplicate = await app.call('parcels.create', { code: 'HN2025-001', name: '另一地块', districtCode: '210112', landUse: 'm0', status: 'reserve' })
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code' } })

    const second = await create({ code: 'HN2025-002' })
    expect(await app.call('parcels.update', { id: second.id, code: 'HN2025-001' })).toMatchObject({ ok: false, error: { field: 'code' } })

    await app.ok('parcels.delete', { id: first.id })
    const reuse = await create({ name: '重新挂牌地块' })
    expect(await app.call('parcels.restore', { id: first.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code' } })
    await app.ok('parcels.delete', { id: reuse.id })
    await app.ok('parcels.restore', { id: first.id })
    expect((await app.ok('parcels.list', {})).map((p) => p.code).sort()).toEqual(['HN2025-001', 'HN2025-002'])
  })

  it('refuses a missing district, half a position and a flat boundary, writing nothing', async () => {
    expect(await app.call('parcels.create', { code: 'X1', name: '某地块', districtCode: '999999', landUse: 'industrial', status: 'reserve' }))
      .toMatchObject({ ok: false, error: { field: 'districtCode' } })
    expect(await app.call('parcels.create', { code: 'X2', name: '某地块', districtCode: '210112', landUse: 'industrial', status: 'reserve', lng: 123.4 }))
      .toMatchObject({ ok: false, error: { field: 'lng', message: '位置：经度和纬度需同时填写' } })
    const flat: Boundary = { type: 'Polygon', coordinates: [[[WEST, SOUTH], [EAST, SOUTH], [WEST, SOUTH], [WEST, SOUTH]]] }
    expect(await app.call('parcels.create', { code: 'X3', name: '某地块', districtCode: '210112', landUse: 'industrial', status: 'reserve', boundary: flat }))
      .toMatchObject({ ok: false, error: { field: 'boundary' } })
    expect(await app.ok('parcels.list', { includeDeleted: true })).toEqual([])
  })

  it('filters by text, district, land use and status', async () => {
    await create({ targetIndustry: '智能制造' })
    await create({ code: 'GS0603-R21-05', name: '祥符单元住宅地块', districtCode: '330105', landUse: 'residential', status: 'reserve' })
    await create({ code: 'HN2025-003', name: '浑南科技城创新型产业地块', landUse: 'm0', status: 'transferred' })
    const codes = async (filter: Record<string, unknown>) => (await app.ok('parcels.list', filter)).map((p) => p.code)
    expect(await codes({ q: '智能制造' })).toEqual(['HN2025-001'])
    expect(await codes({ q: '祥符' })).toEqual(['GS0603-R21-05'])
    expect(await codes({ q: 'HN2025' })).toEqual(['HN2025-001', 'HN2025-003'])
    expect(await codes({ districtCode: '330105' })).toEqual(['GS0603-R21-05'])
    expect(await codes({ landUse: 'm0' })).toEqual(['HN2025-003'])
    expect(await codes({ status: 'listed' })).toEqual(['HN2025-001'])
    expect((await app.ok('search.query', { q: '祥符单元' })).map((h) => [h.kind, h.name])).toEqual([['parcel', '祥符单元住宅地块']])
  })

  it('logs each change, listed newest first with values decoded', async () => {
    const { id } = await create({ area: 1000 })
    await app.ok('parcels.update', { id, status: 'transferred', area: 1200 })
    const changes = await app.ok('changes.list', { rowId: id })
    expect(changes[0]).toMatchObject({ tableName: 'parcels', rowId: id, op: 'update', actor: 'tester' })
    const updates = changes.filter((c) => c.op === 'update')
    expect(updates.map((c) => [c.field, c.oldValue, c.newValue]).sort()).toEqual([['area', 1000, 1200], ['status', 'listed', 'transferred']])
    expect(changes.at(-1)!.op).toBe('insert')
    expect(changes.map((c) => c.seq)).toEqual([...changes.map((c) => c.seq)].sort((a, b) => b - a))
    expect(await app.ok('changes.list', { rowId: id, limit: 1 })).toHaveLength(1)
  })
})
