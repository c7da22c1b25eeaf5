import { describe, expect, it } from 'vitest'
import { checkPhotoPlace, formatDistance } from '../../src/shared/photoPlace'
import { looksLikePanorama } from '../../src/shared/photos'

describe('a photo position against its site', () => {
  // One degree of latitude is ~111.2 km everywhere (turf's earth radius 6371008.8 m).
  const metresPerDegreeLat = (6371008.8 * Math.PI) / 180

  it('offers to place a site that has no position', () => {
    expect(checkPhotoPlace({ lng: 123.43, lat: 41.8 }, { lng: null, lat: null })).toEqual({ kind: 'place' })
    expect(checkPhotoPlace({ lng: 123.43, lat: 41.8 }, { lng: 123.43, lat: null })).toEqual({ kind: 'place' })
  })

  it('is near within 300 m and far beyond, measured along the ground', () => {
    const near = checkPhotoPlace({ lng: 123.43, lat: 41.8 + 250 / metresPerDegreeLat }, { lng: 123.43, lat: 41.8 })
    expect(near.kind).toBe('near')
    expect(near.kind !== 'place' && near.metres).toBeCloseTo(250, 3)
    const far = checkPhotoPlace({ lng: 123.43, lat: 41.8 - 1200 / metresPerDegreeLat }, { lng: 123.43, lat: 41.8 })
    expect(far.kind).toBe('far')
    expect(far.kind !== 'place' && far.metres).toBeCloseTo(1200, 3)
  })

  it('says a distance in metres or kilometres', () => {
    expect(formatDistance(849.6)).toBe('850 米')
    expect(formatDistance(1200)).toBe('1.2 公里')
    expect(formatDistance(1000)).toBe('1.0 公里')
    expect(formatDistance(23_456)).toBe('23 公里')
    expect(formatDistance(1200, 'en')).toBe('1.2 km')
  })
})

describe('panorama detection', () => {
  it('believes the GPano projection when there is one', () => {
    expect(looksLikePanorama(3000, 1500, 'equirectangular')).toBe(true)
    expect(looksLikePanorama(3000, 1500, ' Equirectangular ')).toBe(true)
    expect(looksLikePanorama(8000, 4000, 'cylindrical')).toBe(false)
  })

  it('otherwise takes a 2:1 image at least 4000 px wide for one', () => {
    expect(looksLikePanorama(4000, 2000, null)).toBe(true)
    expect(looksLikePanorama(8704, 4352, undefined)).toBe(true)
    expect(looksLikePanorama(3998, 1999, null)).toBe(false)
    expect(looksLikePanorama(6000, 2000, null)).toBe(false)
    expect(looksLikePanorama(4000, 3000, null)).toBe(false)
  })
})
