import { describe, expect, it } from 'vitest'
import { floorSortKey, muToSquareMetres, squareMetresToMu } from '../../src/shared/domain'

describe('domain rules', () => {
  it('converts 亩 exactly (1 亩 = 10000/15 m²)', () => {
    expect(muToSquareMetres(15)).toBeCloseTo(10000, 9)
    expect(squareMetresToMu(666.6666666667)).toBeCloseTo(1, 9)
    // Gongshu's residential parcels: 363 亩 ≈ 242,000 m²
    expect(muToSquareMetres(363)).toBeCloseTo(242000, 6)
  })

  it('orders floor labels as a building directory does', () => {
    const labels = ['12', 'B1', '3', 'B2', '23-25', '1', '12F', '地下1层', '屋顶']
    const sorted = [...labels].sort((a, b) => floorSortKey(a) - floorSortKey(b))
    expect(sorted.indexOf('B2')).toBeLessThan(sorted.indexOf('B1'))
    expect(floorSortKey('地下1层')).toBe(-1)
    expect(floorSortKey('23-25')).toBe(23)
    expect(floorSortKey('12F')).toBe(12)
    expect(sorted.slice(-1)).toEqual(['23-25'])
  })
})
