import { describe, expect, it } from 'vitest'
import { foldSpaces, type SpaceCells } from '../../src/main/store/spaceFold'
import {
  addMonths, generatedUnits, largestVacantBlock, leasesEnding, mergedUnit, splitUnits, stackingPlan, unitOnFloor,
} from '../../src/shared/stacking'
import { storeyLabel } from '../../src/shared/floors'

const floor = (label: string, sort: number, area: number, vacant: number) => ({ label, sort, area, vacant })

describe('largest contiguous vacant block (the stacking plan outline)', () => {
  it('takes one floor partly vacant when no run of wholly vacant floors beats it', () => {
    expect(largestVacantBlock([floor('3', 3, 1000, 900), floor('2', 2, 500, 500), floor('1', 1, 300, 0)])).toEqual({ area: 900, labels: ['3'] })
  })

  it('adds up a run of wholly vacant adjacent floors; a partly vacant floor breaks it', () => {
    const floors = [floor('5', 5, 400, 400), floor('4', 4, 400, 400), floor('3', 3, 400, 399), floor('2', 2, 400, 400), floor('1', 1, 400, 400)]
    expect(largestVacantBlock(floors)).toEqual({ area: 800, labels: ['5', '4'] })
  })

  it('counts B1 and 1 as adjacent, and a missing floor as a gap', () => {
    expect(largestVacantBlock([floor('1', 1, 300, 300), floor('B1', -1, 300, 300), floor('3', 3, 500, 500)])).toEqual({ area: 600, labels: ['1', 'B1'] })
  })

  it('answers nothing vacant as zero with no floors', () => {
    expect(largestVacantBlock([floor('1', 1, 300, 0)])).toEqual({ area: 0, labels: [] })
    expect(largestVacantBlock([])).toEqual({ area: 0, labels: [] })
  })

  it('agrees with the map pass (spaceFold) on random towers', () => {
    let seed = 42
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let tower = 0; tower < 200; tower++) {
      const storeys = [-2, -1, ...Array.from({ length: 12 }, (_, i) => i + 1)].filter(() => random() > 0.15)
      const cells: SpaceCells[] = []
      const floors = storeys.map((s) => {
        const units = 1 + Math.floor(random() * 3)
        let area = 0
        let vacant = 0
        for (let u = 0; u < units; u++) {
          const a = Math.round(random() * 500) + 50
          const status = random() > 0.35 ? 'vacant' : 'leased'
          cells.push(['b', s, status, a, null, null])
          area += a
          if (status === 'vacant') vacant += a
        }
        return floor(storeyLabel(s), s, area, vacant)
      })
      const expected = foldSpaces(cells).get('b')?.largestVacantBlock ?? 0
      expect(largestVacantBlock(floors).area).toBeCloseTo(expected, 6)
    }
  })
})

describe('stacking plan data', () => {
  it('lists floors top first with empty storeys of the building, units in natural order', () => {
    const plan = stackingPlan(
      [
        { id: 'a', floorLabel: '2', unit: '210', area: 100, status: 'vacant' },
        { id: 'b', floorLabel: '2F', unit: '202', area: 200, status: 'leased' },
        { id: 'c', floorLabel: 'B1', unit: null, area: 300, status: 'vacant' },
      ],
      [],
      '2026-01-15',
      { above: 3, below: 1 },
    )
    expect(plan.floors.map((f) => f.label)).toEqual(['3', '2', '1', 'B1'])
    expect(plan.floors[1]!.spaces.map((s) => s.unit)).toEqual(['202', '210'])
    expect(plan.floors[1]).toMatchObject({ area: 300, vacant: 100 })
    expect(plan.widest).toBe(300)
    expect(plan.block).toEqual({ area: 300, labels: ['B1'] })
  })

  it('marks leases ending within 6 and within 12 months; ended and later ones are not marked', () => {
    const ending = leasesEnding(
      [
        { spaceIds: ['a'], endDate: '2026-07-15' },
        { spaceIds: ['b'], endDate: '2026-07-16' },
        { spaceIds: ['c'], endDate: '2027-01-15' },
        { spaceIds: ['d'], endDate: '2027-01-16' },
        { spaceIds: ['e'], endDate: '2026-01-14' },
        { spaceIds: ['f'], endDate: null },
        { spaceIds: ['g'], endDate: '2026-01-15' },
      ],
      '2026-01-15',
    )
    expect(Object.fromEntries(ending)).toEqual({ a: 'within6', b: 'within12', c: 'within12', g: 'within6' })
  })

  it('moves dates by months, clamping the day', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addMonths('2026-12-15', 12)).toBe('2027-12-15')
  })

  it('names units of generated, split, merged and copied spaces', () => {
    expect(generatedUnits(12, 3)).toEqual(['1201', '1202', '1203'])
    expect(generatedUnits(-1, 2)).toEqual(['B101', 'B102'])
    expect(splitUnits('1201')).toEqual(['1201A', '1201B'])
    expect(splitUnits(null)).toEqual(['A', 'B'])
    expect(mergedUnit(['1201B', '1201A'])).toBe('1201')
    expect(mergedUnit(['1203', '1201', '1202'])).toBe('1201-1203')
    expect(mergedUnit([null, null])).toBeNull()
    expect(unitOnFloor('1201', 12, 15)).toBe('1501')
    expect(unitOnFloor('B101', -1, -2)).toBe('B201')
    expect(unitOnFloor('大堂', 12, 15)).toBe('大堂')
    expect(unitOnFloor('12', 12, 15)).toBe('12')
  })
})
