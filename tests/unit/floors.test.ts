import { describe, expect, it } from 'vitest'
import { floorSortKey } from '../../src/shared/domain'
import { canonicalFloorLabel, floorUnitKey, parseFloorLabel, parseFloorRange, storeyRange } from '../../src/shared/floors'

describe('floor labels', () => {
  it('reads 12, 12F, 12层, 12楼, F12 and 第12层 as one floor', () => {
    for (const typed of ['12', '12F', '12f', '12层', '12楼', 'F12', '第12层', ' 12 ', '１２Ｆ']) {
      expect(parseFloorLabel(typed), typed).toEqual({ label: '12', sort: 12, storeys: [12] })
    }
  })

  it('reads B1, -1, B1F, 地下1层 and 负1层 as one basement', () => {
    for (const typed of ['B1', 'b1', '-1', 'B1F', 'B1层', '地下1层', '负1层']) {
      expect(parseFloorLabel(typed), typed).toEqual({ label: 'B1', sort: -1, storeys: [-1] })
    }
  })

  it('reads a run of floors as one label covering each storey', () => {
    for (const typed of ['12-18', '12–18', '12~18层', '12至18层', '12F-18F']) {
      expect(parseFloorLabel(typed), typed).toEqual({ label: '12-18', sort: 12, storeys: [12, 13, 14, 15, 16, 17, 18] })
    }
    expect(parseFloorLabel('B2-1')).toEqual({ label: 'B2-1', sort: -2, storeys: [-2, -1, 1] })
    expect(parseFloorLabel('B2-B1')).toEqual({ label: 'B2-B1', sort: -2, storeys: [-2, -1] })
    expect(parseFloorLabel('18-12').label).toBe('12-18')
  })

  it('keeps labels that name no floor as typed, trimmed', () => {
    expect(parseFloorLabel(' 整栋 ')).toEqual({ label: '整栋', sort: 0, storeys: null })
    expect(parseFloorLabel('0').storeys).toBeNull()
  })

  it('sorts B2 < B1 < 1 < 2 < 12 < 23-25', () => {
    const labels = ['23-25', '12', 'B1', '2', '1', 'B2']
    expect([...labels].sort((a, b) => floorSortKey(a) - floorSortKey(b))).toEqual(['B2', 'B1', '1', '2', '12', '23-25'])
  })

  it('makes one identity of floor and unit, blind to the spelling of either', () => {
    expect(floorUnitKey('12F', ' a01 ')).toBe(floorUnitKey('12层', 'A01'))
    expect(floorUnitKey('12', null)).toBe(floorUnitKey('12楼', ''))
    expect(floorUnitKey('12', 'A01')).not.toBe(floorUnitKey('13', 'A01'))
    expect(canonicalFloorLabel('地下2层')).toBe('B2')
  })

  it('expands ranges without a floor 0', () => {
    expect(storeyRange(-2, 2)).toEqual([-2, -1, 1, 2])
    expect(parseFloorRange('12–14层')).toEqual([12, 13, 14])
    expect(parseFloorRange('大堂')).toBeNull()
  })
})
