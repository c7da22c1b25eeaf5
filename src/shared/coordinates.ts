import gcoord from 'gcoord'

// Coordinate systems met in China (see ../shared/domain.md): WGS-84 (GPS, OpenStreetMap, Tianditu
// at map scale), GCJ-02 (AMap/Gaode, Tencent) and BD-09 (Baidu). The store keeps WGS-84; the
// others come in when people copy a point from another map, or are drawn on for a GCJ-02 basemap.
// The transforms are gcoord's: a maintained library, not formulas copied by hand.

export type LngLat = [lng: number, lat: number]
export type CoordinateSystem = 'wgs84' | 'gcj02' | 'bd09'

const GCOORD = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const

export function convert(point: LngLat, from: CoordinateSystem, to: CoordinateSystem): LngLat {
  if (from === to) return point
  return gcoord.transform(point, GCOORD[from], GCOORD[to]) as LngLat
}

export const toWgs84 = (point: LngLat, from: CoordinateSystem): LngLat => convert(point, from, 'wgs84')

/**
 * Reads a pasted point: "123.456, 41.789", "123.456 41.789", with a Chinese comma, or latitude
 * first as some maps copy it. In China longitude (73–136) is always larger than latitude (3–54),
 * so the order is told by size. Null when the text is not two numbers.
 */
export function parseLngLat(text: string): LngLat | null {
  const parts = text
    .trim()
    .replace(/[()（）[\]]/g, ' ')
    .split(/[\s,，;；]+/)
    .filter(Boolean)
  if (parts.length !== 2) return null
  const [a, b] = parts.map(Number) as [number, number]
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null
  return a >= b ? [a, b] : [b, a]
}

/** 7 decimals: about a centimetre, more than any map click or GPS gives. */
export const roundCoordinate = (value: number): number => Math.round(value * 1e7) / 1e7
