import { describe, expect, it } from 'vitest'
import { contentTypeOf, normaliseFormat, sniffImage } from '../../../src/main/services/basemaps/format'
import { expandTemplate } from '../../../src/main/services/basemaps/online'
import {
  boundsOfTiles, countTiles, flipY, isTile, latToTileY, lngToTileX, nativeToWgs84, tileRange, tileRanges, tilesIn,
  tileXToLng, tileYToLat, wgs84ToNative,
} from '../../../src/main/services/basemaps/tileMath'
import { png1x1 } from '../../helpers/tiles'

describe('tile arithmetic', () => {
  it('turns longitude and latitude into tile numbers (XYZ, rows from the north)', () => {
    expect(lngToTileX(-180, 3)).toBe(0)
    expect(lngToTileX(0, 3)).toBe(4)
    expect(lngToTileX(180, 3)).toBe(8)
    expect(latToTileY(0, 3)).toBeCloseTo(4)
    expect(latToTileY(85.0511287798, 1)).toBeCloseTo(0)
    // The top edge of row 1 at zoom 2 lies at atan(sinh(π/2)) = 66.513…°.
    expect(latToTileY(66.51326044311186, 2)).toBeCloseTo(1, 9)
    expect(tileYToLat(1, 2)).toBeCloseTo(66.51326044311186, 9)
    // 沈阳 (123.43°E, 41.80°N) at zoom 12 falls in tile 3452/1523, whose box holds the point.
    expect(Math.floor(lngToTileX(123.43, 12))).toBe(3452)
    expect(Math.floor(latToTileY(41.8, 12))).toBe(1523)
    expect(tileXToLng(3452, 12)).toBeLessThan(123.43)
    expect(tileXToLng(3453, 12)).toBeGreaterThan(123.43)
    expect(tileYToLat(1523, 12)).toBeGreaterThan(41.8)
    expect(tileYToLat(1524, 12)).toBeLessThan(41.8)
  })

  it('flips rows between XYZ and TMS and knows which tiles exist', () => {
    expect(flipY(0, 1)).toBe(1)
    expect(flipY(5, 3)).toBe(2)
    expect(isTile(0, 0, 0)).toBe(true)
    expect(isTile(1, 2, 0)).toBe(false)
    expect(isTile(-1, 0, 0)).toBe(false)
    expect(isTile(1.5, 0, 0)).toBe(false)
    expect(isTile(25, 0, 0)).toBe(false)
  })

  it('covers a box with tiles, not taking the next tile when an edge lies on a tile edge', () => {
    expect(tileRange([-180, -85.0511287798, 180, 85.0511287798], 2)).toEqual({ z: 2, xMin: 0, xMax: 3, yMin: 0, yMax: 3 })
    expect(tileRange([0, 0, 90, 66.51326044311186], 2)).toEqual({ z: 2, xMin: 2, xMax: 2, yMin: 1, yMax: 1 })
    expect(tileRange([10, 10, 10.0001, 10.0001], 0)).toEqual({ z: 0, xMin: 0, xMax: 0, yMin: 0, yMax: 0 })
    const ranges = tileRanges([123.38, 41.76, 123.5, 41.83], 10, 12)
    expect(countTiles(ranges)).toBe([...tilesIn(ranges)].length)
    expect([...tilesIn([{ z: 1, xMin: 0, xMax: 1, yMin: 1, yMax: 1 }])]).toEqual([[1, 0, 1], [1, 1, 1]])
  })

  it('gives the box a block of tiles covers', () => {
    const [w, s, e, n] = boundsOfTiles(1, 1, 1, 0, 0)
    expect([w, e]).toEqual([0, 180])
    expect(s).toBeCloseTo(0)
    expect(n).toBeCloseTo(85.0511, 3)
  })

  it('shifts a box into GCJ-02 and back, leaving WGS-84 alone', () => {
    const box: [number, number, number, number] = [123.38, 41.76, 123.5, 41.83]
    expect(wgs84ToNative(box, 'wgs84')).toBe(box)
    const gcj = wgs84ToNative(box, 'gcj02')
    // GCJ-02 in Shenyang lies some hundred metres east and north.
    expect(gcj[0] - box[0]).toBeGreaterThan(0.003)
    expect(gcj[1] - box[1]).toBeGreaterThan(0.001)
    nativeToWgs84(gcj, 'gcj02').forEach((v, i) => expect(v).toBeCloseTo(box[i]!, 3))
  })
})

describe('online URL templates', () => {
  it('fills {z} {x} {y} {-y}, {s} and {switch:…}, the same host for the same tile', () => {
    expect(expandTemplate('https://tile.example/{z}/{x}/{y}.png', 3, 5, 2)).toBe('https://tile.example/3/5/2.png')
    expect(expandTemplate('https://tms.example/{z}/{x}/{-y}.png', 3, 5, 2)).toBe('https://tms.example/3/5/5.png')
    expect(expandTemplate('https://{s}.tile.example/{z}/{x}/{y}', 1, 0, 0)).toBe('https://a.tile.example/1/0/0')
    expect(expandTemplate('https://{s}.tile.example/{z}/{x}/{y}', 1, 1, 1)).toBe('https://c.tile.example/1/1/1')
    const tianditu = 'https://t{switch:0,1,2,3,4,5,6,7}.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=KEY'
    expect(expandTemplate(tianditu, 12, 3452, 1523)).toBe('https://t7.tianditu.gov.cn/DataServer?T=img_w&x=3452&y=1523&l=12&tk=KEY')
    expect(expandTemplate(tianditu, 12, 3453, 1523)).toBe('https://t0.tianditu.gov.cn/DataServer?T=img_w&x=3453&y=1523&l=12&tk=KEY')
  })
})

describe('tile formats', () => {
  it('recognises images by their signature and refuses vector tiles by name', () => {
    expect(sniffImage(png1x1(1, 2, 3))).toBe('png')
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpg')
    expect(sniffImage(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp')
    expect(sniffImage(new TextEncoder().encode('<error/>'))).toBeNull()
    expect(normaliseFormat('JPEG')).toBe('jpg')
    expect(normaliseFormat('pbf')).toBe('vector')
    expect(normaliseFormat('tiff')).toBeNull()
    expect(contentTypeOf(png1x1(0, 0, 0), 'jpg')).toBe('image/png')
    expect(contentTypeOf(new Uint8Array([1, 2]), 'webp')).toBe('image/webp')
  })
})
