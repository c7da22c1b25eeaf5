import { describe, expect, it } from 'vitest'
import { onFloors, parseFloorRanges } from '../../src/main/services/sheets/floors'
import { decodeScope, encodeScope, parseSections, readSheetContact, sheetHash } from '../../src/shared/sheets'
import { clipRing, labelPoint, type XY } from '../../src/renderer/src/features/sheets/labelPlace'
import { formatDateZh, formatPlotRatio, formatPricePerMu, tenantList } from '../../src/renderer/src/features/sheets/sheetText'

describe('the sheet address', () => {
  it('carries any scope, Chinese text included, and refuses what is not a scope', () => {
    const scope = { kind: 'filter' as const, filter: { text: '金融 中心／甲级' }, area: null }
    const encoded = encodeScope(scope)
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeScope(encoded)).toEqual(scope)
    expect(decodeScope(null)).toBeNull()
    expect(decodeScope('not-base64!')).toBeNull()
    expect(decodeScope(encodeScope({ kind: 'nope' } as never))).toBeNull()
    const hash = sheetHash({ scope: { kind: 'district', districtCode: '210103' }, handbook: true, sections: ['cover', 'spaces'], print: true })
    const params = new URLSearchParams(hash.slice('#/sheet?'.length))
    expect(decodeScope(params.get('scope'))).toEqual({ kind: 'district', districtCode: '210103' })
    expect([params.get('handbook'), params.get('sections'), params.get('print')]).toEqual(['1', 'cover,spaces', '1'])
    expect(parseSections('cover,bogus,tenants')).toEqual(['cover', 'tenants'])
    expect(parseSections(null)).toBeUndefined()
  })

  it('reads a damaged contact setting as no contact', () => {
    expect(readSheetContact('{"name":"李娜","phone":"  "}')).toEqual({ organisation: null, name: '李娜', phone: null, address: null })
    expect(readSheetContact('{oops')).toEqual({ organisation: null, name: null, phone: null, address: null })
    expect(readSheetContact('{"name":42}')).toEqual({ organisation: null, name: null, phone: null, address: null })
  })
})

describe("a park's floors", () => {
  it('reads ranges, lists, basements and suffixes as people write them', () => {
    expect(parseFloorRanges('20-42')).toEqual([[20, 42]])
    expect(parseFloorRanges('3、5、8–10层')).toEqual([[3, 3], [5, 5], [8, 10]])
    expect(parseFloorRanges('B1-2')).toEqual([[-1, 2]])
    expect(parseFloorRanges('12F至15F')).toEqual([[12, 15]])
    expect(parseFloorRanges(null)).toBeNull()
    expect(parseFloorRanges('整栋')).toBeNull()
    expect(onFloors([[20, 42]], 20)).toBe(true)
    expect(onFloors([[20, 42]], 43)).toBe(false)
    expect(onFloors(null, -2)).toBe(true)
  })
})

describe('district names on a small map', () => {
  const view = { west: 0, south: 0, east: 10, north: 10 }
  it('clips a district to the view and names it at the middle of what shows', () => {
    // A district covering the right half of the view and far beyond it.
    const ring: XY[] = [[5, -50], [60, -50], [60, 60], [5, 60]]
    expect(clipRing(ring, view).length).toBeGreaterThanOrEqual(4)
    const at = labelPoint([ring], view)!
    expect(at[0]).toBeCloseTo(7.5)
    expect(at[1]).toBeCloseTo(5)
  })
  it('names nothing when only a sliver or nothing of the district shows', () => {
    expect(labelPoint([[[9.9, 0], [20, 0], [20, 10], [9.9, 10]]], view)).toBeNull()
    expect(labelPoint([[[20, 20], [30, 20], [30, 30]]], view)).toBeNull()
  })
})

describe('the sheet in words', () => {
  it('writes dates, prices per 亩, plot ratios and long tenant lists the Chinese way', () => {
    expect(formatDateZh('2027-03-01')).toBe('2027年3月1日')
    expect(formatDateZh(null)).toBe('—')
    expect(formatPricePerMu(1_500_000)).toBe('150 万元/亩')
    expect(formatPricePerMu(185_500)).toBe('18.55 万元/亩')
    expect(formatPlotRatio(1.5, 3)).toBe('1.5–3')
    expect(formatPlotRatio(null, 2)).toBe('≤ 2')
    expect(formatPlotRatio(2, 2)).toBe('2')
    const names = Array.from({ length: 45 }, (_, i) => `公司${i + 1}`)
    expect(tenantList(names, 40)).toMatch(/^公司1、公司2、.*公司40 等 45 家$/)
    expect(tenantList([])).toBe('暂无')
  })
})
