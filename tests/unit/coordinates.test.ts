import { describe, expect, it } from 'vitest'
import { convert, parseLngLat, roundCoordinate, toWgs84 } from '../../src/shared/coordinates'

// Reference: Shenyang's 市府广场 in WGS-84, and the same point as GCJ-02 and BD-09 per the published
// algorithms (GCJ-02 shifts this area by roughly +0.0062° E, +0.0018° N ≈ 500 m).
const WGS: [number, number] = [123.4265, 41.8015]

describe('coordinates copied from Chinese maps', () => {
  it('reads pasted points in the usual shapes', () => {
    expect(parseLngLat('123.4265, 41.8015')).toEqual([123.4265, 41.8015])
    expect(parseLngLat('123.4265，41.8015')).toEqual([123.4265, 41.8015])
    expect(parseLngLat(' 41.8015 123.4265 ')).toEqual([123.4265, 41.8015]) // latitude first
    expect(parseLngLat('(123.4265; 41.8015)')).toEqual([123.4265, 41.8015])
    expect(parseLngLat('123.4265')).toBeNull()
    expect(parseLngLat('东经 123')).toBeNull()
  })

  it('converts GCJ-02 and BD-09 back to WGS-84 within a metre, and shifts by hundreds of metres', () => {
    const gcj = convert(WGS, 'wgs84', 'gcj02')
    const shiftMetres = Math.hypot((gcj[0] - WGS[0]) * 83_000, (gcj[1] - WGS[1]) * 111_000)
    expect(shiftMetres).toBeGreaterThan(300)
    expect(shiftMetres).toBeLessThan(800)
    const back = toWgs84(gcj, 'gcj02')
    expect(Math.abs(back[0] - WGS[0]) * 83_000).toBeLessThan(1)
    expect(Math.abs(back[1] - WGS[1]) * 111_000).toBeLessThan(1)
    const bd = convert(WGS, 'wgs84', 'bd09')
    const fromBaidu = toWgs84(bd, 'bd09')
    expect(Math.abs(fromBaidu[0] - WGS[0]) * 83_000).toBeLessThan(2)
    expect(toWgs84(WGS, 'wgs84')).toBe(WGS)
    expect(roundCoordinate(123.456789012345)).toBe(123.456789)
  })
})
