import { describe, expect, it } from 'vitest'
import { LAND_USES } from '../../src/shared/domain'
import { LAND_USE_COLORS } from '../../src/shared/landUseColors'
import { parcelCreate } from '../../src/shared/schemas/parcels'
import { parkCreate } from '../../src/shared/schemas/parks'
import type { Parcel, Park } from '../../src/shared/types'
import { parseBoundaryText, vertexCount } from '../../src/renderer/src/features/parcels/boundaryText'
import { plotRatioText } from '../../src/renderer/src/features/parcels/display'
import { emptyParcelForm, parcelFormOf, parcelInputOf } from '../../src/renderer/src/features/parcels/parcelForm'
import { emptyHost, emptyParkForm, parkFormOf, parkInputOf } from '../../src/renderer/src/features/parks/parkForm'

const square = [[[123.43, 41.8], [123.44, 41.8], [123.44, 41.81], [123.43, 41.81], [123.43, 41.8]]]

describe('boundary text', () => {
  it('takes a Polygon as pasted, and nothing as no boundary', () => {
    expect(parseBoundaryText('  ')).toEqual({ ok: true, boundary: null })
    const parsed = parseBoundaryText(JSON.stringify({ type: 'Polygon', coordinates: square }))
    expect(parsed).toEqual({ ok: true, boundary: { type: 'Polygon', coordinates: square } })
  })

  it('unwraps a Feature, drops altitudes and foreign keys', () => {
    const withZ = square.map((ring) => ring.map(([x, y]) => [x, y, 42]))
    const feature = { type: 'Feature', properties: { name: 'A-1' }, geometry: { type: 'MultiPolygon', bbox: [0, 0, 1, 1], coordinates: [withZ] } }
    const parsed = parseBoundaryText(JSON.stringify(feature))
    expect(parsed).toEqual({ ok: true, boundary: { type: 'MultiPolygon', coordinates: [square] } })
    const collection = { type: 'FeatureCollection', features: [feature] }
    expect(parseBoundaryText(JSON.stringify(collection))).toEqual(parsed)
  })

  it('names broken JSON and a geometry that is not a polygon apart', () => {
    expect(parseBoundaryText('{"type": "Polygon",')).toEqual({ ok: false, reason: 'json' })
    expect(parseBoundaryText('{"type":"Point","coordinates":[123.4,41.8]}')).toEqual({ ok: false, reason: 'type' })
    expect(parseBoundaryText('[1,2]')).toEqual({ ok: false, reason: 'type' })
  })

  it('counts vertices without the closing repeat', () => {
    expect(vertexCount({ type: 'Polygon', coordinates: square as [number, number][][] })).toBe(4)
    expect(vertexCount({ type: 'MultiPolygon', coordinates: [square, square] as [number, number][][][] })).toBe(8)
  })
})

describe('parcel form units', () => {
  const filled = { ...emptyParcelForm, code: 'GS-2024-01', name: '申花单元地块', districtCode: '330105', landUse: 'mixed' as const }

  it('stores 亩 as m², % as 0..1 and 万元/亩 as 元/亩, and the result passes the schema', () => {
    const { input, problems } = parcelInputOf({ ...filled, area: '363', areaUnit: 'mu', buildingDensity: '35', greenRatio: '30.5', referencePrice: '350', plotRatioMin: '1.5', plotRatioMax: '3' })
    expect(problems).toEqual({})
    expect(input.area).toBe(242000)
    expect(input.buildingDensity).toBe(0.35)
    expect(input.greenRatio).toBe(0.305)
    expect(input.referencePrice).toBe(3_500_000)
    expect(input.plotRatioMax).toBe(3)
    expect(input.boundary).toBeNull()
    expect(parcelCreate.safeParse(input).success).toBe(true)
  })

  it('keeps m² as typed and sends empty numbers as null', () => {
    const { input } = parcelInputOf({ ...filled, area: '12,500.5', areaUnit: 'm2' })
    expect(input.area).toBe(12500.5)
    expect(input.heightLimit).toBeNull()
    expect(input.referencePrice).toBeNull()
  })

  it('passes text that is not a number on, so the server names the field', () => {
    const { input } = parcelInputOf({ ...filled, area: '三百', buildingDensity: 'abc' })
    expect(parcelCreate.safeParse(input).error?.issues.map((i) => i.path.join('.'))).toEqual(['area', 'buildingDensity'])
  })

  it('holds back only an unreadable boundary, leaving other problems to the server', () => {
    expect(parcelInputOf({ ...filled, boundary: '{oops' }).problems).toEqual({ boundary: 'boundaryNotJson' })
    expect(parcelInputOf({ ...filled, boundary: '{"type":"LineString"}' }).problems).toEqual({ boundary: 'boundaryNotPolygon' })
    const { input, problems } = parcelInputOf({ ...filled, landUse: '' })
    expect(problems).toEqual({})
    expect(parcelCreate.safeParse(input).error?.issues.map((i) => i.path.join('.'))).toEqual(['landUse'])
  })

  it('round-trips a stored parcel without a rounding change to its area', () => {
    const parcel = { code: 'A', name: 'B', districtCode: '330105', address: null, lng: null, lat: null, boundary: null, area: 48366.67, areaMu: 72.550005, landUse: 'mixed', plotRatioMin: null, plotRatioMax: 2.8, buildingDensity: 0.35, greenRatio: null, heightLimit: 80, readiness: 'cleared', utilities: '七通一平', status: 'listed', referencePrice: 1_234_567, targetIndustry: null, contactName: null, contactPhone: null, notes: null } as unknown as Parcel
    const form = parcelFormOf(parcel)
    expect(form.area).toBe('72.55')
    expect(form.buildingDensity).toBe('35')
    expect(form.referencePrice).toBe('123.4567')
    const { input } = parcelInputOf(form)
    expect(input.area).toBe(48366.67)
    expect(input.referencePrice).toBe(1_234_567)
    expect(input.buildingDensity).toBe(0.35)
    // Once the user types a new figure, it is converted afresh.
    expect(parcelInputOf({ ...form, area: '72.5' }).input.area).toBe(48333.33)
  })
})

describe('park form', () => {
  it('stores 亿元 as yuan and keeps child ids so saving updates rows in place', () => {
    const park = {
      name: '数字经济产业园', theme: '数字经济', districtCode: '210103', plannedInvestment: 2e9, totalArea: 50000, operator: null,
      status: 'operating', contactName: null, contactPhone: null, description: null,
      landArea: 20000,
      subParks: [{ id: '00000000-0000-4000-8000-000000000001', name: '大数据分园', theme: null, area: 8000, status: 'fitting_out' }],
      hosts: [{ id: '00000000-0000-4000-8000-000000000002', buildingId: '00000000-0000-4000-8000-000000000003', buildingName: '茂业中心', floors: '12-18', area: null }],
    } as unknown as Park
    const form = parkFormOf(park)
    expect(form.plannedInvestment).toBe('20')
    const input = parkInputOf({ ...form, hosts: [...form.hosts, { ...emptyHost(), buildingId: '00000000-0000-4000-8000-000000000004' }] })
    expect(input.plannedInvestment).toBe(2e9)
    expect(input.subParks).toEqual([{ id: '00000000-0000-4000-8000-000000000001', name: '大数据分园', theme: null, area: 8000, status: 'fitting_out' }])
    expect(input.landArea).toBe(20000)
    // A sub-park with its progress left blank goes as the park.
    expect(parkInputOf({ ...form, subParks: [{ ...form.subParks[0]!, status: '' }] }).subParks?.[0]?.status).toBeNull()
    expect(input.hosts?.map((h) => h.id)).toEqual(['00000000-0000-4000-8000-000000000002', undefined])
    expect(parkCreate.safeParse(input).success).toBe(true)
  })

  it('turns 0.07 亿元 into 7,000,000 yuan exactly', () => {
    expect(parkInputOf({ ...emptyParkForm(), plannedInvestment: '0.07' }).plannedInvestment).toBe(7_000_000)
  })
})

describe('display of parcel figures', () => {
  it('gives every land use a planning colour', () => {
    for (const use of LAND_USES) expect(LAND_USE_COLORS[use].fill).toMatch(/^#[0-9A-F]{6}$/i)
    expect(LAND_USE_COLORS.residential.fill).toBe('#FFFF00')
    expect(LAND_USE_COLORS.commercial.fill).toBe('#FF0000')
  })

  it('writes plot ratio ranges', () => {
    expect(plotRatioText(1.5, 3)).toBe('1.5–3')
    expect(plotRatioText(2, 2)).toBe('2')
    expect(plotRatioText(1.2, null)).toBe('≥ 1.2')
    expect(plotRatioText(null, null)).toBe('—')
  })
})
