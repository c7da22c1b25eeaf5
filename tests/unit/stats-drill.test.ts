import { describe, expect, it } from 'vitest'
import { drillInto, drillParams, drillUp, parseDrill, withinOf } from '../../src/renderer/src/features/stats/buildings/drill'

const CLUSTER = '0b9e1c5e-7f3a-4d2b-9c1e-2a3b4c5d6e7f'
const BUILDING = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
const parse = (query: string) => parseDrill(new URLSearchParams(query))
const address = (query: string) => new URLSearchParams(drillParams(parse(query))).toString()

describe('the buildings tab drill-down in the address', () => {
  it('opens on districts, or the grouping asked for', () => {
    expect(parse('')).toEqual({ root: 'district', steps: [], by: 'district' })
    expect(parse('by=grade')).toEqual({ root: 'grade', steps: [], by: 'grade' })
    expect(parse('by=nonsense')).toEqual({ root: 'district', steps: [], by: 'district' })
  })

  it('walks district → cluster → building → floor and back', () => {
    const district = parse('by=district')
    const clusters = drillInto(district, '210103')!
    expect(clusters).toEqual({ root: 'district', steps: [{ level: 'district', key: '210103' }], by: 'cluster' })
    const buildings = drillInto(clusters, null)!
    expect(buildings.by).toBe('building')
    const floors = drillInto(buildings, BUILDING)!
    expect(floors.by).toBe('floor')
    expect(drillInto(floors, '12')).toBeNull()
    expect(withinOf(floors.steps)).toEqual({ districtCode: '210103', clusterId: null, buildingId: BUILDING })
    // Kept in the address and read back the same.
    const query = new URLSearchParams(drillParams(floors)).toString()
    expect(query).toBe(`by=floor&within=district%3A210103&within=cluster%3A%7E&within=building%3A${BUILDING}`)
    expect(parse(query)).toEqual(floors)
    expect(drillUp(floors, 1)).toEqual(clusters)
    expect(drillUp(floors, 0)).toEqual(district)
  })

  it('goes from a cluster, park, kind or grade straight to its buildings', () => {
    for (const [level, key] of [['cluster', CLUSTER], ['park', CLUSTER], ['kind', 'office'], ['grade', '~']] as const) {
      const drill = parse(`by=building&within=${level}:${key}`)
      expect(drill.steps).toEqual([{ level, key: key === '~' ? null : key }])
      expect(drill.by).toBe('building')
    }
    expect(withinOf(parse('by=building&within=grade:~').steps)).toEqual({ grade: null })
    expect(withinOf(parse(`by=building&within=park:${CLUSTER}`).steps)).toEqual({ parkId: CLUSTER })
  })

  it('falls back to the top of the grouping when the address does not hold together', () => {
    expect(address('by=floor&within=district:210103')).toBe('by=district')
    expect(address('by=building&within=building:x')).toBe('by=district')
    expect(address('by=floor&within=cluster:a&within=district:210103')).toBe('by=district')
    expect(address('by=floor&within=kind:office')).toBe('by=kind')
    expect(parse('by=cluster&within=district:').steps).toEqual([])
  })
})
